package de.bewertungsbox.restapi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.strategy.Strategy;

class StrategyResourceTest {

    private static Strategy parse(String json, List<FieldError> errors) throws Exception {
        return StrategyResource.parse(Json.MAPPER.readTree(json), errors);
    }

    @Test
    void theDocumentedShapeRoundTrips() throws Exception {
        String json = "{\"enabled\":true,\"trigger\":\"last_charge\",\"delay\":{\"amount\":3,\"unit\":\"hours\"},"
                + "\"channels\":[\"email\",\"sms\"],\"send_window\":{\"time_zone\":\"Europe/Berlin\",\"days\":[\"mon\","
                + "\"fri\"],\"from\":\"09:00\",\"to\":\"18:00\"},\"reminders\":[{\"amount\":3,\"unit\":\"days\"}],"
                + "\"conditions\":{\"require_subscription\":true,\"min_charges\":2,\"min_total\":5000,\"min_average\":0,"
                + "\"currency\":\"eur\"},\"caps\":{\"email_daily\":100,\"email_monthly\":0,\"sms_daily\":0,"
                + "\"sms_monthly\":0},\"templates\":{\"email_subject\":\"Hallo {{first_name}}\",\"email_body\":null,"
                + "\"sms_body\":null}}";
        List<FieldError> errors = new ArrayList<>();
        Strategy s = parse(json, errors);
        assertEquals(List.of(), errors);
        assertEquals(Json.MAPPER.writeValueAsString(Json.MAPPER.readTree(json)),
                Json.MAPPER.writeValueAsString(StrategyResource.view(s)));
    }

    @Test
    void everyUnreadableFieldIsReportedAtOnce() throws Exception {
        List<FieldError> errors = new ArrayList<>();
        parse("{\"enabled\":\"yes\",\"trigger\":\"birthday\",\"delay\":{\"amount\":2,\"unit\":\"weeks\"},"
                + "\"channels\":[\"fax\"],\"send_window\":{\"time_zone\":\"Europe/Berlin\",\"days\":[\"monday\"],"
                + "\"from\":\"9 Uhr\",\"to\":\"18:00\"},\"reminders\":[{\"amount\":1.5,\"unit\":\"days\"}],"
                + "\"conditions\":{\"min_charges\":\"3\"}}", errors);
        assertEquals(List.of("enabled", "trigger", "delay.unit", "channels", "send_window.days", "send_window.from",
                "reminders[0].amount", "conditions.min_charges"), errors.stream().map(FieldError::field).toList());
        assertEquals("'weeks' is not one of [minutes, hours, days, months]", errors.get(2).message());
    }

    @Test
    void fieldsLeftOutTakeTheDefaults() throws Exception {
        List<FieldError> errors = new ArrayList<>();
        Strategy s = parse("{\"enabled\":true}", errors);
        assertEquals(List.of(), errors);
        Strategy d = Strategy.defaults();
        assertEquals(new Strategy(true, d.trigger(), d.delay(), d.channels(), null, List.of(), d.conditions(),
                d.caps(), d.templates()), s);
    }

    @Test
    void templatesNameOnlyKnownPlaceholdersAndCloseThem() throws Exception {
        List<FieldError> errors = new ArrayList<>();
        parse("{\"templates\":{\"email_subject\":\"Hallo {{ first_name }}\",\"email_body\":\"Hi {{firstname}}: "
                + "{{review_link}}\",\"sms_body\":\"Bewerten: {{review_link}\"}}", errors);
        assertEquals(List.of("templates.email_body", "templates.sms_body"), errors.stream().map(FieldError::field)
                .toList());
        assertEquals(true, errors.get(0).message().startsWith("unknown placeholder {{firstname}}; use "));
        assertEquals("has a {{ without its }} (or the other way round)", errors.get(1).message());
    }
}
