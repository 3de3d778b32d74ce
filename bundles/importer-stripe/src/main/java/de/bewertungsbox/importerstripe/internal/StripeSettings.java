package de.bewertungsbox.importerstripe.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import de.bewertungsbox.api.customer.FieldError;

/**
 * A project's Stripe settings: {@code api_key} (secret {@code sk_...} or restricted {@code rk_...} key, required),
 * {@code api_base} (optional, for Stripe-compatible proxies and tests), {@code webhook_secret} ({@code whsec_...},
 * needed for webhooks). Holds a key: never log it; {@link #toString()} leaves secrets out.
 */
record StripeSettings(String apiKey, String apiBase, String webhookSecret) {
    static final String DEFAULT_BASE = "https://api.stripe.com";

    /**
     * @param json the stored settings
     * @return the settings; fields not given are {@code null} ({@code api_base}: Stripe itself)
     */
    static StripeSettings parse(String json) {
        JsonObject o = object(json);
        String base = text(o, "api_base");
        return new StripeSettings(text(o, "api_key"), base == null ? DEFAULT_BASE : base.replaceAll("/+$", ""),
                text(o, "webhook_secret"));
    }

    /**
     * @param json settings to be stored
     * @return every problem, by setting name
     */
    static List<FieldError> check(String json) {
        List<FieldError> errors = new ArrayList<>();
        JsonObject o;
        try {
            o = object(json);
        } catch (IllegalArgumentException e) {
            return List.of(new FieldError("settings", e.getMessage()));
        }
        for (String name : List.of("api_key", "api_base", "webhook_secret")) {
            JsonElement e = o.get(name);
            if (e != null && !e.isJsonNull() && !(e.isJsonPrimitive() && e.getAsJsonPrimitive().isString())) {
                errors.add(new FieldError(name, "must be a string"));
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        String key = text(o, "api_key");
        if (key == null) {
            errors.add(new FieldError("api_key", "is required: a secret key (sk_live_..., sk_test_...) or a "
                    + "restricted key (rk_...) with read access to customers, charges, subscriptions and events"));
        } else if (!key.matches("(sk|rk)_(live|test)_[A-Za-z0-9_]{8,}")) {
            errors.add(new FieldError("api_key", "is not a Stripe secret or restricted key (expected sk_live_..., "
                    + "sk_test_..., rk_live_... or rk_test_...); publishable keys (pk_...) cannot read data"));
        }
        String base = text(o, "api_base");
        if (base != null) {
            try {
                URI u = URI.create(base);
                if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getHost() == null) {
                    errors.add(new FieldError("api_base", "must be an http(s) URL such as https://api.stripe.com"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("api_base", "must be an http(s) URL such as https://api.stripe.com"));
            }
        }
        String secret = text(o, "webhook_secret");
        if (secret != null && !secret.startsWith("whsec_")) {
            errors.add(new FieldError("webhook_secret", "must be the endpoint's signing secret (whsec_...), shown "
                    + "in the Stripe dashboard under Developers > Webhooks"));
        }
        return errors;
    }

    private static JsonObject object(String json) {
        try {
            JsonElement e = JsonParser.parseString(json == null ? "{}" : json);
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException("settings must be a JSON object");
            }
            return e.getAsJsonObject();
        } catch (com.google.gson.JsonParseException e) {
            throw new IllegalArgumentException("settings are not JSON");
        }
    }

    private static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull() || !e.isJsonPrimitive()) {
            return null;
        }
        String s = e.getAsString().strip();
        return s.isEmpty() ? null : s;
    }

    @Override
    public String toString() {
        return "StripeSettings[api_base=" + apiBase + ", api_key=" + (apiKey == null ? "unset" : "set")
                + ", webhook_secret=" + (webhookSecret == null ? "unset" : "set") + "]";
    }
}
