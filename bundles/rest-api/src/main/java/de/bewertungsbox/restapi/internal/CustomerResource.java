package de.bewertungsbox.restapi.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
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

import de.bewertungsbox.api.customer.BatchResult;
import de.bewertungsbox.api.customer.Charge;
import de.bewertungsbox.api.customer.Customer;
import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.CustomerQuery;
import de.bewertungsbox.api.customer.CustomerStore;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.customer.UpsertOutcome;
import de.bewertungsbox.api.customer.UpsertResult;
import de.bewertungsbox.api.customer.ValidationException;
import de.bewertungsbox.restapi.internal.Views.ListView;

/**
 * Customers: create or update one or a batch (JSON, or a form post from an app connector), list with filters and
 * cursor, read, change, erase. Every call is scoped to the caller's project.
 */
@Component(service = CustomerResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApplication.SELECT)
@JaxrsExtensionSelect(AuthFilter.SELECT)
@Path("customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {
    private final ProjectStore projects;
    private final CustomerStore customers;

    /**
     * @param projects  the project store
     * @param customers the customer store
     */
    @Activate
    public CustomerResource(@Reference(name = "projects") ProjectStore projects,
                            @Reference(name = "customers") CustomerStore customers) {
        this.projects = projects;
        this.customers = customers;
    }

    /** One customer (object) or a batch (array of up to 10,000). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext sc, @QueryParam("project") String project,
                           @QueryParam("source") String sourceParam, @HeaderParam("X-Source") String sourceHeader,
                           JsonNode body) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        String source = Sources.of(sourceParam, sourceHeader);
        return body.isArray() ? batch(p, body, source) : single(p, body, source);
    }

    /** One customer from a form post (Zapier, Make, Pabbly, Boost.space). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createFromForm(@Context SecurityContext sc, @QueryParam("project") String project,
                                   @QueryParam("source") String sourceParam,
                                   @HeaderParam("X-Source") String sourceHeader, MultivaluedMap<String, String> form) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        return single(p, Fields.fromForm(form), Sources.of(sourceParam, sourceHeader));
    }

    private Response single(UUID project, JsonNode body, String source) {
        CustomerJson.Mapped m = CustomerJson.read(body, source);
        if (!m.errors().isEmpty()) {
            throw new ValidationException(m.errors());
        }
        UpsertResult r = customers.upsert(project, m.input());
        if (r.outcome() == UpsertOutcome.REJECTED) {
            throw new ValidationException(r.errors());
        }
        Customer c = customers.find(project, r.customerId()).orElseThrow();
        return Response.status(r.outcome() == UpsertOutcome.CREATED ? 201 : 200).entity(c).build();
    }

    private Response batch(UUID project, JsonNode body, String source) {
        if (body.size() > CustomerStore.MAX_BATCH) {
            throw ApiError.tooLarge("a batch holds at most " + CustomerStore.MAX_BATCH + " customers, this one "
                    + body.size() + "; split it");
        }
        List<Problem.ItemError> errors = new ArrayList<>();
        List<CustomerInput> valid = new ArrayList<>(body.size());
        List<Integer> positions = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            CustomerJson.Mapped m = CustomerJson.read(body.get(i), source);
            if (m.errors().isEmpty()) {
                valid.add(m.input());
                positions.add(i);
            } else {
                for (FieldError e : m.errors()) {
                    errors.add(new Problem.ItemError(i, e.field(), e.message()));
                }
            }
        }
        BatchResult result = customers.upsertAll(project, valid);
        long rejectedByStore = 0;
        for (UpsertResult r : result.results()) {
            if (r.outcome() == UpsertOutcome.REJECTED) {
                rejectedByStore++;
                for (FieldError e : r.errors()) {
                    errors.add(new Problem.ItemError(positions.get(r.index()), e.field(), e.message()));
                }
            }
        }
        errors.sort(java.util.Comparator.comparingInt(Problem.ItemError::index));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("created", result.count(UpsertOutcome.CREATED));
        out.put("updated", result.count(UpsertOutcome.UPDATED));
        out.put("unchanged", result.count(UpsertOutcome.UNCHANGED));
        out.put("rejected", body.size() - valid.size() + rejectedByStore);
        out.put("errors", errors);
        return Response.ok(out).build();
    }

    /** Lists customers, oldest first, a page at a time. */
    @GET
    public ListView<Customer> list(@Context SecurityContext sc, @QueryParam("project") String project,
                                   @QueryParam("email") String email, @QueryParam("phone") String phone,
                                   @QueryParam("q") String q, @QueryParam("location") String location,
                                   @QueryParam("source") String source, @QueryParam("limit") String limit,
                                   @QueryParam("after") String after) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        UUID cursor = after == null || after.isBlank() ? null : cursor(after);
        return ListView.of(customers.list(p, new CustomerQuery(email, phone, q, location, source, cursor,
                Paging.limit(limit))), c -> c);
    }

    /** @return one customer */
    @GET
    @Path("{id}")
    public Customer get(@Context SecurityContext sc, @QueryParam("project") String project,
                        @PathParam("id") String id) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        return customers.find(p, Scope.uuid(id, "customer"))
                .orElseThrow(() -> ApiError.notFound("no customer " + id));
    }

    /** Changes the given fields of one customer. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Customer patch(@Context SecurityContext sc, @QueryParam("project") String project,
                          @PathParam("id") String id, @QueryParam("source") String sourceParam,
                          @HeaderParam("X-Source") String sourceHeader, JsonNode body) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        UUID customer = Scope.uuid(id, "customer");
        CustomerJson.Mapped m = CustomerJson.read(body, Sources.of(sourceParam, sourceHeader));
        if (!m.errors().isEmpty()) {
            throw new ValidationException(m.errors());
        }
        UpsertResult r = customers.update(p, customer, m.input());
        if (r.outcome() == UpsertOutcome.REJECTED) {
            throw new ValidationException(r.errors());
        }
        return customers.find(p, customer).orElseThrow();
    }

    /** Erases a customer and everything about them. */
    @DELETE
    @Path("{id}")
    public Response erase(@Context SecurityContext sc, @QueryParam("project") String project,
                          @PathParam("id") String id) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        if (!customers.erase(p, Scope.uuid(id, "customer"))) {
            throw ApiError.notFound("no customer " + id);
        }
        return Response.noContent().build();
    }

    /** @return a customer's charges, newest first */
    @GET
    @Path("{id}/charges")
    public ListView<Charge> charges(@Context SecurityContext sc, @QueryParam("project") String project,
                                    @PathParam("id") String id) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        return ListView.all(customers.charges(p, Scope.uuid(id, "customer")));
    }

    private static UUID cursor(String after) {
        try {
            return UUID.fromString(after.strip());
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("after", "is not a cursor from a previous page");
        }
    }
}
