package de.bewertungsbox.restapi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.bewertungsbox.api.customer.FieldError;

class CustomerJsonTest {

    private static CustomerJson.Mapped read(String json) throws Exception {
        return CustomerJson.read(Json.MAPPER.readTree(json), "api");
    }

    @Test
    void aNameIsSplitAtTheLastSpaceWhenThereIsNoFirstName() throws Exception {
        CustomerJson.Mapped m = read("{\"name\":\"  Anna   Maria Schmidt \",\"email\":\"a@example.com\"}");
        assertEquals("Anna Maria", m.input().firstName());
        assertEquals("Schmidt", m.input().lastName());
        CustomerJson.Mapped single = read("{\"name\":\"Cher\"}");
        assertEquals("Cher", single.input().firstName());
        assertNull(single.input().lastName());
        assertEquals("Anna", read("{\"first_name\":\"Anna\",\"name\":\"X Y\"}").input().firstName(),
                "first_name wins over name");
    }

    @Test
    void everyValueOfTheWrongTypeIsReportedAtOnce() throws Exception {
        List<FieldError> errors = read("{\"first_name\":{},\"email\":[1],\"has_subscription\":\"vielleicht\","
                + "\"signed_up_at\":\"31.02.2026\",\"unsubscribed_at\":7}").errors();
        assertEquals(List.of("first_name", "email", "signed_up_at", "has_subscription", "unsubscribed_at"),
                errors.stream().map(FieldError::field).toList());
    }

    @Test
    void datesTimestampsFlagsAndSources() throws Exception {
        CustomerJson.Mapped m = read("{\"first_name\":\"A\",\"signed_up_at\":\"2026-03-01\","
                + "\"unsubscribed_at\":\"2026-03-02T10:15:00+01:00\",\"has_subscription\":\"ja\",\"phone\":4917112345}");
        assertTrue(m.errors().isEmpty(), m.errors().toString());
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), m.input().signedUpAt());
        assertEquals(Instant.parse("2026-03-02T09:15:00Z"), m.input().unsubscribedAt());
        assertEquals(Boolean.TRUE, m.input().hasSubscription());
        assertEquals("4917112345", m.input().phone());
        assertEquals("api", m.input().source());
        assertEquals("make", read("{\"first_name\":\"A\",\"source\":\"make\"}").input().source());
        assertEquals("body", CustomerJson.read(Json.MAPPER.readTree("[1]"), "api").errors().get(0).field());
    }
}
