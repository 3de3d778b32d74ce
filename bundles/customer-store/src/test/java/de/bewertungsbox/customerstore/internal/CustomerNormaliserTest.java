package de.bewertungsbox.customerstore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.FieldError;

class CustomerNormaliserTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final UUID BERLIN = UUID.randomUUID();

    private static CustomerNormaliser.Result run(CustomerInput in) {
        return CustomerNormaliser.normalise(in, "DE", k -> "berlin".equals(k) ? BERLIN : null, NOW);
    }

    @Test
    void normalisesEveryField() {
        Normalised n = run(CustomerInput.builder().firstName("  Anna   Maria ").lastName(" Schmidt ")
                .email("  Anna.Schmidt@Example.DE ").phone("0171 1234567").company(" ACME  GmbH ")
                .location("berlin").source("CSV").externalId(" 42 ").build()).value();
        assertEquals("Anna Maria", n.firstName());
        assertEquals("Schmidt", n.lastName());
        assertEquals("anna.schmidt@example.de", n.email());
        assertEquals("+491711234567", n.phone());
        assertEquals("ACME GmbH", n.company());
        assertEquals(BERLIN, n.locationId());
        assertEquals("csv", n.source());
        assertEquals("42", n.externalId());
    }

    @Test
    void reportsEveryErrorAtOnce() {
        CustomerNormaliser.Result r = run(CustomerInput.builder().lastName("x".repeat(101)).email("not-an-email")
                .phone("12").location("hamburg").signedUpAt(Instant.parse("2030-01-01T00:00:00Z")).build());
        List<String> fields = r.errors().stream().map(FieldError::field).toList();
        assertNull(r.value());
        assertEquals(List.of("first_name", "last_name", "email", "phone", "location", "signed_up_at"), fields);
    }

    @Test
    void contactErrorOnlyWhenBothAreMissing() {
        List<FieldError> errors = run(CustomerInput.builder().firstName("Ann").build()).errors();
        assertEquals(List.of(new FieldError("contact", "an e-mail address or a phone number is required")), errors);
    }

    @ParameterizedTest
    @CsvSource({"a@b.de,a@b.de", "<X@Y.COM>,x@y.com", "mailto:x@y.com,x@y.com", "jörg@müller.de,",
            "x@münchen.de,x@xn--mnchen-3ya.de", "a..b@c.de,", "a@b,", "a b@c.de,", "@c.de,", "a@@c.de,"})
    void emails(String raw, String expected) {
        assertEquals(expected, CustomerNormaliser.normaliseEmail(raw));
    }

    @ParameterizedTest
    @CsvSource({"+49 30 1234567,+49301234567", "030/1234567,+49301234567", "0049 171 1234567,+491711234567",
            "(0171) 123-4567,+491711234567", "+1 415 555 2671,+14155552671", "4.91711E+11,", "abc,"})
    void phones(String raw, String expected) {
        assertEquals(expected, CustomerNormaliser.normalisePhone(raw, "DE"));
    }

    @Test
    void slugsAreReadable() {
        assertEquals("baeckerei-mueller-soehne", Tokens.slug("Bäckerei Müller & Söhne"));
        assertEquals("cafe-creme", Tokens.slug("  Café Crème!! "));
        assertEquals("project", Tokens.slug("!!!"));
        assertTrue(Ids.next().compareTo(Ids.next()) != 0);
    }
}
