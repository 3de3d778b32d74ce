package de.bewertungsbox.importerhubspot.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.bewertungsbox.api.customer.FieldError;

/**
 * A project's HubSpot settings: {@code token} (private app access token, required), {@code lifecycle_stages}
 * (internal stage names such as {@code customer}; empty = every contact), {@code signup_date_property} (default
 * {@code createdate}), {@code api_base} (optional) and {@code webhook_secret} (the app's client secret). Holds a
 * token: never log it; {@link #toString()} leaves secrets out.
 */
record HubSpotSettings(String token, String apiBase, List<String> lifecycleStages, String signupDateProperty,
                       String webhookSecret) {
    static final String DEFAULT_BASE = "https://api.hubapi.com";
    static final ObjectMapper JSON = new ObjectMapper();

    static HubSpotSettings parse(String json) {
        JsonNode o = tree(json);
        String base = text(o, "api_base");
        String signup = text(o, "signup_date_property");
        return new HubSpotSettings(text(o, "token"), base == null ? DEFAULT_BASE : base.replaceAll("/+$", ""),
                stages(o), signup == null ? "createdate" : signup, text(o, "webhook_secret"));
    }

    static List<FieldError> check(String json) {
        JsonNode o;
        try {
            o = tree(json);
        } catch (IllegalArgumentException e) {
            return List.of(new FieldError("settings", e.getMessage()));
        }
        List<FieldError> errors = new ArrayList<>();
        for (String name : List.of("token", "api_base", "signup_date_property", "webhook_secret")) {
            JsonNode v = o.get(name);
            if (v != null && !v.isNull() && !v.isTextual()) {
                errors.add(new FieldError(name, "must be a string"));
            }
        }
        JsonNode stages = o.get("lifecycle_stages");
        if (stages != null && !stages.isNull()) {
            if (!stages.isArray()) {
                errors.add(new FieldError("lifecycle_stages", "must be a list of lifecycle stage names, e.g. "
                        + "[\"customer\", \"evangelist\"]; empty for every contact"));
            } else {
                for (JsonNode s : stages) {
                    if (!s.isTextual() || !s.asText().strip().matches("[A-Za-z0-9_]{1,100}")) {
                        errors.add(new FieldError("lifecycle_stages", "'" + s.asText() + "' is not a lifecycle "
                                + "stage's internal name (letters, digits and _, such as customer or "
                                + "marketingqualifiedlead)"));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        String token = text(o, "token");
        if (token == null) {
            errors.add(new FieldError("token", "is required: the access token of a HubSpot private app with the "
                    + "scope crm.objects.contacts.read"));
        } else if (token.length() < 10 || token.chars().anyMatch(Character::isWhitespace)) {
            errors.add(new FieldError("token", "is not a HubSpot private app access token (pat-...)"));
        }
        String base = text(o, "api_base");
        if (base != null) {
            try {
                URI u = URI.create(base);
                if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getHost() == null) {
                    errors.add(new FieldError("api_base", "must be an http(s) URL such as https://api.hubapi.com"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("api_base", "must be an http(s) URL such as https://api.hubapi.com"));
            }
        }
        String signup = text(o, "signup_date_property");
        if (signup != null && !signup.matches("[a-z0-9_]{1,100}")) {
            errors.add(new FieldError("signup_date_property", "must be a contact property's internal name, such as "
                    + "createdate or hs_lifecyclestage_customer_date"));
        }
        return errors;
    }

    private static List<String> stages(JsonNode o) {
        JsonNode s = o.get("lifecycle_stages");
        if (s == null || !s.isArray()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        s.forEach(n -> {
            if (n.isTextual() && !n.asText().isBlank()) {
                out.add(n.asText().strip().toLowerCase(Locale.ROOT));
            }
        });
        return List.copyOf(out);
    }

    private static JsonNode tree(String json) {
        try {
            JsonNode n = JSON.readTree(json == null ? "{}" : json);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("settings must be a JSON object");
            }
            return n;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("settings are not JSON");
        }
    }

    private static String text(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            return null;
        }
        return v.asText().strip();
    }

    @Override
    public String toString() {
        return "HubSpotSettings[api_base=" + apiBase + ", lifecycle_stages=" + lifecycleStages
                + ", signup_date_property=" + signupDateProperty + ", token=" + (token == null ? "unset" : "set")
                + ", webhook_secret=" + (webhookSecret == null ? "unset" : "set") + "]";
    }
}
