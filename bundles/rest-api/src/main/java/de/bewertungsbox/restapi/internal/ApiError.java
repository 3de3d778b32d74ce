package de.bewertungsbox.restapi.internal;

import java.util.List;
import java.util.Map;

import de.bewertungsbox.api.customer.FieldError;

/** An error the API answers deliberately, with its status, title and response headers. */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String title;
    final transient List<?> errors;
    final transient Map<String, String> headers;

    ApiError(int status, String title, String detail, List<?> errors, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    static ApiError unauthorized(String detail) {
        return new ApiError(401, "Unauthorized", detail, List.of(),
                Map.of("WWW-Authenticate", "Bearer realm=\"bewertungsbox\", Basic realm=\"karaf\""));
    }

    static ApiError forbidden(String detail) {
        return new ApiError(403, "Forbidden", detail, List.of(), Map.of());
    }

    static ApiError notFound(String detail) {
        return new ApiError(404, "Not found", detail, List.of(), Map.of());
    }

    static ApiError conflict(String detail) {
        return new ApiError(409, "Conflict", detail, List.of(), Map.of());
    }

    static ApiError tooLarge(String detail) {
        return new ApiError(413, "Payload too large", detail, List.of(), Map.of());
    }

    static ApiError unsupported(String detail) {
        return new ApiError(415, "Unsupported media type", detail, List.of(), Map.of());
    }

    static ApiError invalid(String field, String message) {
        return new ApiError(422, "Validation failed", field + ": " + message, List.of(new FieldError(field, message)),
                Map.of());
    }

    static ApiError tooManyRequests(long retryAfterSeconds) {
        return new ApiError(429, "Too many requests", "the rate limit of this API key is reached; retry after "
                + retryAfterSeconds + " s", List.of(), Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }
}
