package de.bewertungsbox.restapi.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.FieldError;

/** Maps a customer JSON object (or a connector's form post) to a {@link CustomerInput}. */
final class CustomerJson {
    private CustomerJson() {
    }

    /** The mapped record, or the reasons it could not be mapped. */
    record Mapped(CustomerInput input, List<FieldError> errors) {
    }

    static Mapped read(JsonNode node, String source) {
        List<FieldError> errors = new ArrayList<>();
        if (node == null || !node.isObject()) {
            errors.add(new FieldError("body", "must be a JSON object"));
            return new Mapped(null, errors);
        }
        Fields f = new Fields(node, errors);
        String first = f.text("first_name");
        String last = f.text("last_name");
        if ((first == null || first.isBlank()) && f.has("name")) {
            String name = f.text("name");
            if (name != null) {
                String n = name.strip().replaceAll("\\s+", " ");
                int space = n.lastIndexOf(' ');
                first = space < 0 ? n : n.substring(0, space);
                last = last != null || space < 0 ? last : n.substring(space + 1);
            }
        }
        String src = f.text("source");
        CustomerInput input = CustomerInput.builder().firstName(first).lastName(last).email(f.text("email"))
                .phone(f.text("phone")).company(f.text("company")).location(f.text("location"))
                .signedUpAt(f.time("signed_up_at")).hasSubscription(f.bool("has_subscription"))
                .unsubscribedAt(f.time("unsubscribed_at")).externalId(f.text("external_id"))
                .source(src != null && !src.isBlank() ? src.strip() : source).build();
        return new Mapped(input, errors);
    }
}
