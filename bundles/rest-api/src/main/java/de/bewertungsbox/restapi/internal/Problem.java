package de.bewertungsbox.restapi.internal;

import java.util.List;

import javax.ws.rs.core.Response;

import de.bewertungsbox.api.customer.FieldError;

/**
 * An RFC 9457 problem document, the body of every error response.
 *
 * @param type   a URI naming the kind of problem
 * @param title  short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong this time
 * @param errors field errors (validation), possibly empty
 */
record Problem(String type, String title, int status, String detail, List<Object> errors) {
    static final String MEDIA_TYPE = "application/problem+json";

    /** A field error inside a batch: which item, which field, why. */
    record ItemError(int index, String field, String message) {
    }

    static Response response(int status, String title, String detail, List<?> errors) {
        Problem p = new Problem("https://bewertungsbox.de/problems/" + title.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-"), title, status, detail, List.copyOf(errors));
        return Response.status(status).type(MEDIA_TYPE).entity(p).build();
    }

    static Response validation(List<FieldError> errors) {
        return response(422, "Validation failed", errors.size() == 1 ? errors.get(0).field() + ": "
                + errors.get(0).message() : errors.size() + " fields are invalid", errors);
    }
}
