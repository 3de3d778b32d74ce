package de.bewertungsbox.bench;

import java.time.Instant;

import de.bewertungsbox.api.customer.CustomerInput;

/** Deterministic synthetic customers: row i always yields the same person, so a second pass matches the first. */
final class Rows {
    private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");

    private Rows() {
    }

    static String first(int i) {
        return "Vorname" + i;
    }

    static String last(int i) {
        return "Nachname" + (i % 5000);
    }

    static String email(int i) {
        return "kunde" + i + "@beispiel" + (i % 97) + ".de";
    }

    /** A valid German mobile number in E.164 (0171 + 7 digits). */
    static String phone(int i) {
        return "+49171" + String.format("%07d", i % 10_000_000);
    }

    static String company(int i) {
        return i % 3 == 0 ? "Firma " + (i % 1000) + " GmbH" : null;
    }

    static Instant signedUp(int i) {
        return BASE.plusSeconds(i * 37L);
    }

    /** The record as a source would deliver it: mixed case, national phone format. */
    static CustomerInput input(int i) {
        return CustomerInput.builder().firstName(first(i)).lastName(last(i)).email(email(i).toUpperCase())
                .phone("0171 " + String.format("%07d", i % 10_000_000)).company(company(i)).signedUpAt(signedUp(i))
                .source("bench").build();
    }
}
