package de.bewertungsbox.restapi.internal;

/** A request the API cannot read at all (400): malformed JSON, an empty body, a bad parameter format. */
final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
        super(message);
    }
}
