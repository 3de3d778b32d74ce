package de.bewertungsbox.restapi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.JsonNode;

import de.bewertungsbox.api.customer.ChargeInput;
import de.bewertungsbox.api.customer.ChargeResult;
import de.bewertungsbox.api.customer.CustomerStore;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.customer.ValidationException;

/** {@code POST /charges}: records a charge (or a refund, negative) for an existing customer. */
@Component(service = ChargeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApplication.SELECT)
@JaxrsExtensionSelect(AuthFilter.SELECT)
@Path("charges")
@Produces(MediaType.APPLICATION_JSON)
public class ChargeResource {
    private final ProjectStore projects;
    private final CustomerStore customers;

    /**
     * @param projects  the project store
     * @param customers the customer store
     */
    @Activate
    public ChargeResource(@Reference(name = "projects") ProjectStore projects,
                          @Reference(name = "customers") CustomerStore customers) {
        this.projects = projects;
        this.customers = customers;
    }

    /** Records a charge; 201 when new, 200 when its external id was known. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext sc, @QueryParam("project") String project,
                           @QueryParam("source") String sourceParam, @HeaderParam("X-Source") String sourceHeader,
                           JsonNode body) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        return store(p, body, Sources.of(sourceParam, sourceHeader));
    }

    /** The same from a form post (app connectors). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createFromForm(@Context SecurityContext sc, @QueryParam("project") String project,
                                   @QueryParam("source") String sourceParam,
                                   @HeaderParam("X-Source") String sourceHeader, MultivaluedMap<String, String> form) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        return store(p, Fields.fromForm(form), Sources.of(sourceParam, sourceHeader));
    }

    private Response store(UUID project, JsonNode body, String source) {
        List<FieldError> errors = new ArrayList<>();
        if (!body.isObject()) {
            throw new ValidationException(List.of(new FieldError("body", "must be a JSON object")));
        }
        Fields f = new Fields(body, errors);
        String customerId = f.text("customer_id");
        UUID id = null;
        if (customerId != null && !customerId.isBlank()) {
            try {
                id = UUID.fromString(customerId.strip());
            } catch (IllegalArgumentException e) {
                throw ApiError.notFound("no customer " + customerId);
            }
        }
        Long amount = f.integer("amount");
        if (amount == null && !errors.stream().anyMatch(e -> e.field().equals("amount"))) {
            errors.add(new FieldError("amount", "is required"));
        }
        String currency = f.text("currency");
        if (currency == null || currency.isBlank()) {
            errors.add(new FieldError("currency", "is required (ISO 4217, e.g. eur)"));
        }
        String src = f.text("source");
        ChargeInput in = new ChargeInput(id, f.text("email"), f.text("phone"), amount == null ? 0 : amount,
                currency, f.time("charged_at"), src != null && !src.isBlank() ? src : source, f.text("external_id"));
        if (id == null && !f.has("email") && !f.has("phone")) {
            errors.add(new FieldError("customer", "give customer_id, email or phone of an existing customer"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        ChargeResult r = customers.addCharge(project, in);
        return Response.status(r.created() ? 201 : 200).entity(r.charge()).build();
    }
}
