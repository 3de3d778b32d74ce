package de.bewertungsbox.restapi.internal;

/** Which door a record came through: the {@code source} parameter or {@code X-Source} header, else {@code api}. */
final class Sources {
    private Sources() {
    }

    static String of(String param, String header) {
        if (param != null && !param.isBlank()) {
            return param.strip();
        }
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        return "api";
    }
}
