package de.bewertungsbox.restapi.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.JsonNode;

import de.bewertungsbox.api.customer.Customer;
import de.bewertungsbox.api.customer.CustomerQuery;
import de.bewertungsbox.api.customer.CustomerStore;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.notify.NewRequest;
import de.bewertungsbox.api.notify.RequestQuery;
import de.bewertungsbox.api.notify.RequestStatus;
import de.bewertungsbox.api.notify.RequestStore;
import de.bewertungsbox.api.notify.ReviewRequest;
import de.bewertungsbox.api.strategy.Strategy;
import de.bewertungsbox.api.strategy.StrategyStore;
import de.bewertungsbox.restapi.internal.Views.ListView;

/**
 * {@code GET /requests} (the outbox, newest first, filters {@code status}, {@code customer_id}, {@code channel})
 * and {@code POST /requests} (ask one customer by hand, now or at {@code send_at}; always possible, even for a
 * customer the strategy asked already, never for one who opted out).
 */
@Component(service = RequestResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApplication.SELECT)
@JaxrsExtensionSelect(AuthFilter.SELECT)
@Path("requests")
@Produces(MediaType.APPLICATION_JSON)
public class RequestResource {
    private static final List<String> CHANNELS = List.of("email", "sms");

    private final ProjectStore projects;
    private final CustomerStore customers;
    private final RequestStore requests;
    private final StrategyStore strategies;
    private final Clock clock = Clock.systemUTC();

    /**
     * @param projects   the project store
     * @param customers  the customer store
     * @param requests   the outbox
     * @param strategies the strategies (default channels)
     */
    @Activate
    public RequestResource(@Reference(name = "projects") ProjectStore projects,
                           @Reference(name = "customers") CustomerStore customers,
                           @Reference(name = "requests") RequestStore requests,
                           @Reference(name = "strategies") StrategyStore strategies) {
        this.projects = projects;
        this.customers = customers;
        this.requests = requests;
        this.strategies = strategies;
    }

    /** The JSON shape of API.md. */
    record RequestView(UUID id, UUID customerId, String channel, int reminder, Instant dueAt, String status,
                       int attempts, Instant sentAt, String error) {
        static RequestView of(ReviewRequest r) {
            return new RequestView(r.id(), r.customerId(), r.channel(), r.reminder(), r.dueAt(),
                    r.status().name().toLowerCase(Locale.ROOT), r.attempts(), r.sentAt(), r.error());
        }
    }

    /** @return one page of the project's requests */
    @GET
    public ListView<RequestView> list(@Context SecurityContext sc, @QueryParam("project") String project,
                                      @QueryParam("status") String status, @QueryParam("customer_id") String customer,
                                      @QueryParam("channel") String channel, @QueryParam("limit") String limit,
                                      @QueryParam("after") String after) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        RequestStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = RequestStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiError.invalid("status", "is one of scheduled, sent, failed, skipped, cancelled");
            }
        }
        if (channel != null && !channel.isBlank() && !CHANNELS.contains(channel.strip())) {
            throw ApiError.invalid("channel", "is email or sms");
        }
        UUID c = customer == null || customer.isBlank() ? null : Scope.uuid(customer, "customer");
        RequestQuery q = new RequestQuery(s, c, channel == null || channel.isBlank() ? null : channel.strip());
        return ListView.of(requests.page(p, q, Paging.limit(limit), after), RequestView::of);
    }

    /** @return 201 with the requests created, one per channel */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response ask(@Context SecurityContext sc, @QueryParam("project") String project, JsonNode body) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        if (body == null || !body.isObject()) {
            throw ApiError.invalid("body", "must be a JSON object: {\"customer_id\" or \"email\" or \"phone\", "
                    + "\"channels\", \"send_at\"}");
        }
        Customer c = customer(p, body);
        List<FieldError> errors = new ArrayList<>();
        List<String> channels = channels(p, body, errors);
        Instant sendAt = clock.instant();
        if (body.hasNonNull("send_at")) {
            try {
                sendAt = Instant.parse(body.get("send_at").asText());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("send_at", "is not an ISO 8601 timestamp such as 2026-05-04T09:00:00Z"));
            }
        }
        if (c.optedOutAt() != null) {
            errors.add(new FieldError("customer_id", "the customer opted out of review requests on "
                    + c.optedOutAt()));
        }
        if (!body.has("channels")) {
            // The strategy's channels, as far as the customer can be reached on them.
            channels = channels.stream().filter(ch -> "email".equals(ch) ? c.email() != null : c.phone() != null)
                    .toList();
            if (channels.isEmpty()) {
                errors.add(new FieldError("channels", "the customer has no address for the strategy's channels"));
            }
        }
        for (String ch : channels) {
            if ("email".equals(ch) && c.email() == null) {
                errors.add(new FieldError("channels", "the customer has no e-mail address"));
            } else if ("sms".equals(ch) && c.phone() == null) {
                errors.add(new FieldError("channels", "the customer has no phone number"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiError(422, "Validation failed", errors.get(0).message(), errors, java.util.Map.of());
        }
        Instant due = sendAt;
        List<ReviewRequest> created = requests.schedule(p, channels.stream()
                .map(ch -> new NewRequest(c.id(), ch, 0, due)).toList(), false);
        return Response.status(201).entity(ListView.all(created.stream().map(RequestView::of).toList())).build();
    }

    private Customer customer(UUID p, JsonNode body) {
        if (body.hasNonNull("customer_id")) {
            UUID id = Scope.uuid(body.get("customer_id").asText(), "customer");
            return customers.find(p, id).orElseThrow(() -> ApiError.notFound("no such customer in this project"));
        }
        String email = body.hasNonNull("email") ? body.get("email").asText() : null;
        String phone = body.hasNonNull("phone") ? body.get("phone").asText() : null;
        if (email == null && phone == null) {
            throw ApiError.invalid("customer_id", "name the customer: customer_id, email or phone");
        }
        List<Customer> found = customers.list(p, new CustomerQuery(email, phone, null, null, null, null, 2)).data();
        if (found.isEmpty()) {
            throw ApiError.notFound("no customer with that " + (email != null ? "e-mail address" : "phone number")
                    + " in this project");
        }
        return found.get(0);
    }

    private List<String> channels(UUID p, JsonNode body, List<FieldError> errors) {
        List<String> out = new ArrayList<>();
        if (!body.has("channels")) {
            Strategy s = strategies.find(p).orElseGet(Strategy::defaults);
            s.channels().forEach(ch -> out.add(ch.name().toLowerCase(Locale.ROOT)));
            return out;
        }
        if (!body.get("channels").isArray() || body.get("channels").isEmpty()) {
            errors.add(new FieldError("channels", "must be a non-empty list such as [\"email\"]"));
            return out;
        }
        for (JsonNode ch : body.get("channels")) {
            String name = ch.asText().strip().toLowerCase(Locale.ROOT);
            if (!CHANNELS.contains(name)) {
                errors.add(new FieldError("channels", "'" + ch.asText() + "' is not a channel: email or sms"));
            } else if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }
}
