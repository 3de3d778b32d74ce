package de.bewertungsbox.restapi.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.core.MultivaluedMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.bewertungsbox.api.customer.FieldError;

/**
 * Reads typed fields from a JSON object, collecting a field error for each value of the wrong type instead of
 * stopping at the first. Form posts (app connectors) are turned into the same objects first.
 */
final class Fields {
    private final JsonNode node;
    private final List<FieldError> errors;

    Fields(JsonNode node, List<FieldError> errors) {
        this.node = node;
        this.errors = errors;
    }

    static ObjectNode fromForm(MultivaluedMap<String, String> form) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        for (Map.Entry<String, List<String>> e : form.entrySet()) {
            if (!e.getValue().isEmpty()) {
                o.put(e.getKey().strip().toLowerCase(Locale.ROOT), e.getValue().get(0));
            }
        }
        return o;
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull() && !(v.isTextual() && v.asText().isBlank());
    }

    String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isNumber()) {
            return v.asText();
        }
        errors.add(new FieldError(field, "must be a string"));
        return null;
    }

    Boolean bool(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual()) {
            String s = v.asText().strip().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                return null;
            }
            if (List.of("true", "yes", "1", "ja").contains(s)) {
                return true;
            }
            if (List.of("false", "no", "0", "nein").contains(s)) {
                return false;
            }
        }
        errors.add(new FieldError(field, "must be true or false"));
        return null;
    }

    Long integer(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        errors.add(new FieldError(field, "must be a whole number (in the currency's minor unit, e.g. cents)"));
        return null;
    }

    /** A date ({@code 2026-03-01}, 00:00 UTC) or an ISO 8601 timestamp. */
    Instant time(String field) {
        String v = text(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.strip();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                errors.add(new FieldError(field, "'" + (s.length() > 40 ? s.substring(0, 37) + "..." : s)
                        + "' is not a date (YYYY-MM-DD) or an ISO 8601 timestamp"));
                return null;
            }
        }
    }
}
