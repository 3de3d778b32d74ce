package de.bewertungsbox.restapi.internal;

import java.util.List;
import java.util.UUID;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;

import de.bewertungsbox.api.customer.NotFoundException;
import de.bewertungsbox.api.customer.StoreUnavailableException;
import de.bewertungsbox.api.customer.ValidationException;

/**
 * Turns every exception into an {@code application/problem+json} response. Clients never see a stack trace or a
 * class name: an unexpected failure is a 500 with an error id that the server log carries with the details.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(RestApplication.SELECT)
public class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof ApiError a) {
            Response.ResponseBuilder r = Response.fromResponse(Problem.response(a.status, a.title, a.getMessage(),
                    a.errors));
            a.headers.forEach(r::header);
            return r.build();
        }
        if (e instanceof ValidationException v) {
            return Problem.validation(v.errors());
        }
        if (e instanceof NotFoundException) {
            return Problem.response(404, "Not found", e.getMessage(), List.of());
        }
        if (e instanceof BadRequest) {
            return Problem.response(400, "Bad request", e.getMessage(), List.of());
        }
        JsonProcessingException json = cause(e, JsonProcessingException.class);
        if (json != null) {
            return Problem.response(400, "Malformed JSON", describe(json), List.of());
        }
        if (e instanceof StoreUnavailableException) {
            LOG.warn("Database unavailable: {}", e.getMessage());
            return Problem.response(503, "Service unavailable", "the database is not reachable right now; retry "
                    + "in a moment", List.of());
        }
        if (e instanceof WebApplicationException w) {
            return web(w);
        }
        String id = UUID.randomUUID().toString();
        LOG.error("Unexpected error {} in a REST request", id, e);
        return Problem.response(500, "Internal error", "something went wrong on our side (error id " + id + ")",
                List.of());
    }

    private static Response web(WebApplicationException w) {
        int status = w.getResponse().getStatus();
        if (w instanceof NotAllowedException || status == 405) {
            Response r = Problem.response(405, "Method not allowed", "this path does not support that method",
                    List.of());
            return Response.fromResponse(r).allow(w.getResponse().getAllowedMethods()).build();
        }
        if (w instanceof NotSupportedException || status == 415) {
            return Problem.response(415, "Unsupported media type", "this endpoint does not accept that content "
                    + "type; see /api/v1/openapi.json", List.of());
        }
        String title = switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 406 -> "Not acceptable";
            case 413 -> "Payload too large";
            default -> status >= 500 ? "Internal error" : "Request refused";
        };
        String detail = switch (status) {
            case 400 -> "the request could not be read (a parameter or the body has the wrong format)";
            case 404 -> "no such endpoint or object";
            case 406 -> "this endpoint answers in application/json";
            default -> title.toLowerCase(java.util.Locale.ROOT);
        };
        if (status >= 500) {
            LOG.error("REST request failed", w);
        }
        return Problem.response(status, title, detail, List.of());
    }

    private static String describe(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        if (msg != null && msg.length() > 160) {
            msg = msg.substring(0, 157) + "...";
        }
        JsonLocation at = e.getLocation();
        return "the body is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column "
                + at.getColumnNr() + ")") + (msg == null ? "" : ": " + msg.replaceAll("\\(class [^)]*\\)", "")
                .replaceAll("[a-z]+(\\.[a-zA-Z$_0-9]+){2,}", "").strip());
    }

    private static <T> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
