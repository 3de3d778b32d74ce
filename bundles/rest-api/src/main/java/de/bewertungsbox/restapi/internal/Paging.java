package de.bewertungsbox.restapi.internal;

/** The {@code limit} parameter of list endpoints: 1-1000, default 100. */
final class Paging {
    private Paging() {
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return 100;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiError.invalid("limit", "must be a whole number from 1 to 1000");
    }
}
