package de.bewertungsbox.restapi.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
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
import de.bewertungsbox.api.strategy.StrategyEngine;
import de.bewertungsbox.restapi.internal.Views.ListView;

/**
 * {@code GET /strategy/preview?days=7}: who the strategy would ask in the next days and when, earliest first (as if
 * it were on now, when it is off). Customers already asked are not listed.
 */
@Component(service = StrategyPreviewResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApplication.SELECT)
@JaxrsExtensionSelect(AuthFilter.SELECT)
@Path("strategy/preview")
@Produces(MediaType.APPLICATION_JSON)
public class StrategyPreviewResource {
    private final ProjectStore projects;
    private final StrategyEngine engine;

    /**
     * @param projects the project store
     * @param engine   the strategy engine
     */
    @Activate
    public StrategyPreviewResource(@Reference(name = "projects") ProjectStore projects,
                                   @Reference(name = "engine") StrategyEngine engine) {
        this.projects = projects;
        this.engine = engine;
    }

    /** One customer the strategy would ask. */
    record PreviewView(UUID customerId, String firstName, String lastName, List<String> channels, Instant sendAt) {
    }

    /** @return up to {@code limit} customers, earliest first */
    @GET
    public ListView<PreviewView> preview(@Context SecurityContext sc, @QueryParam("project") String project,
                                         @QueryParam("days") String days, @QueryParam("limit") String limit) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        int d = 7;
        if (days != null && !days.isBlank()) {
            try {
                d = Integer.parseInt(days.strip());
            } catch (NumberFormatException e) {
                d = -1;
            }
            if (d < 1 || d > 90) {
                throw ApiError.invalid("days", "must be a whole number from 1 to 90");
            }
        }
        int n = Paging.limit(limit);
        List<PreviewView> rows = engine.preview(p, d, n + 1).stream().map(x -> new PreviewView(x.customerId(),
                x.firstName(), x.lastName(), x.channels(), x.sendAt())).toList();
        boolean more = rows.size() > n;
        return new ListView<>(more ? rows.subList(0, n) : rows, more, null);
    }
}
