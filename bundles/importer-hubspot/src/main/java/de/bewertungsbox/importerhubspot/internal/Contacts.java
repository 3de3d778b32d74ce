package de.bewertungsbox.importerhubspot.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.importer.SourceRow;

/**
 * Maps HubSpot contacts to records. The signup date is the configured property (ISO 8601, epoch milliseconds or a
 * date), else {@code createdate}; the external id is the contact id.
 */
final class Contacts {
    static final String SOURCE = "hubspot";

    private final String signupProperty;
    private final List<String> columns;

    Contacts(String signupProperty) {
        this.signupProperty = signupProperty;
        Set<String> cols = new LinkedHashSet<>(List.of("id", "firstname", "lastname", "email", "phone", "company",
                "lifecyclestage", "createdate", "lastmodifieddate"));
        cols.add(signupProperty);
        this.columns = List.copyOf(cols);
    }

    /** @return the properties to ask HubSpot for */
    List<String> properties() {
        List<String> p = new ArrayList<>(columns.subList(1, columns.size()));
        p.add("hs_object_id");
        return p;
    }

    /** @return the columns of the "rejected rows" download */
    List<String> columns() {
        return columns;
    }

    SourceRow row(long n, JsonNode contact) {
        List<String> values = new ArrayList<>(columns.size());
        values.add(contact.path("id").asText());
        for (String c : columns.subList(1, columns.size())) {
            values.add(prop(contact, c));
        }
        return new SourceRow(n, 0, values);
    }

    /** A record and the problems found while mapping it. */
    record Mapped(CustomerInput input, List<FieldError> problems) {
    }

    Mapped map(JsonNode contact) {
        List<FieldError> problems = new ArrayList<>();
        String id = contact.path("id").asText();
        String first = blank(prop(contact, "firstname"));
        if (first == null) {
            problems.add(new FieldError("first_name", "the HubSpot contact " + id + " has no first name; add it in "
                    + "HubSpot and sync again"));
        }
        Instant signup = null;
        String raw = blank(prop(contact, signupProperty));
        if (raw == null && !"createdate".equals(signupProperty)) {
            raw = blank(prop(contact, "createdate"));
        }
        if (raw == null) {
            raw = blank(contact.path("createdAt").asText(null));
        }
        if (raw != null) {
            signup = time(raw);
            if (signup == null) {
                problems.add(new FieldError("signed_up_at", "'" + raw + "' (" + signupProperty + ") is not a date"));
            }
        }
        CustomerInput input = CustomerInput.builder().firstName(first).lastName(blank(prop(contact, "lastname")))
                .email(blank(prop(contact, "email"))).phone(blank(prop(contact, "phone")))
                .company(blank(prop(contact, "company"))).signedUpAt(signup).source(SOURCE).externalId(id).build();
        return new Mapped(input, problems);
    }

    static String prop(JsonNode contact, String name) {
        JsonNode v = contact.path("properties").get(name);
        return v == null || v.isNull() ? "" : v.asText();
    }

    /** @return the time, from ISO 8601, epoch milliseconds or a date; {@code null} when unreadable */
    static Instant time(String raw) {
        String s = raw.strip();
        try {
            if (s.matches("\\d{10,}")) {
                return Instant.ofEpochMilli(Long.parseLong(s));
            }
            if (s.contains("T")) {
                return OffsetDateTime.parse(s).toInstant();
            }
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
