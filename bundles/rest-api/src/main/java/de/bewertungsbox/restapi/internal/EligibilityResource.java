package de.bewertungsbox.restapi.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.strategy.Eligibility;
import de.bewertungsbox.api.strategy.StrategyEngine;

/** {@code GET /customers/{id}/eligibility}: whether the strategy would ask the customer, why, and when. */
@Component(service = EligibilityResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApplication.SELECT)
@JaxrsExtensionSelect(AuthFilter.SELECT)
@Path("customers/{id}/eligibility")
@Produces(MediaType.APPLICATION_JSON)
public class EligibilityResource {
    private final ProjectStore projects;
    private final StrategyEngine engine;

    /**
     * @param projects the project store
     * @param engine   the strategy engine
     */
    @Activate
    public EligibilityResource(@Reference(name = "projects") ProjectStore projects,
                               @Reference(name = "engine") StrategyEngine engine) {
        this.projects = projects;
        this.engine = engine;
    }

    /** @return {@code {"eligible", "reasons": [{"condition","met","explanation"}], "next_send_at"}} */
    @GET
    public Map<String, Object> get(@Context SecurityContext sc, @QueryParam("project") String project,
                                   @PathParam("id") String id) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        UUID customer;
        try {
            customer = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiError.notFound("no such customer in this project");
        }
        Eligibility e = engine.eligibility(p, customer);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("eligible", e.eligible());
        out.put("reasons", e.reasons().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("condition", r.condition());
            m.put("met", r.met());
            m.put("explanation", r.explanation());
            return m;
        }).toList());
        out.put("next_send_at", e.nextSendAt());
        return out;
    }
}
