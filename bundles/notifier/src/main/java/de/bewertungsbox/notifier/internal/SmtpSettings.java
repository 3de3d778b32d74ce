package de.bewertungsbox.notifier.internal;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where e-mail goes: an SMTP server, or (no host) the built-in sink. A project's own settings are stored by the
 * REST API as JSON under {@code SecretStore.PROJECT_SMTP}, encrypted; the platform's come from configuration.
 */
record SmtpSettings(String host, int port, String username, String password, String tls, String fromAddress,
                    String fromName) {
    private static final ObjectMapper JSON = new ObjectMapper();

    boolean sink() {
        return host == null || host.isBlank();
    }

    static SmtpSettings of(EmailChannelConfig c) {
        return new SmtpSettings(c.host(), c.port(), c.username(), c.password(),
                c.tls().strip().toLowerCase(Locale.ROOT), c.from__address(), c.from__name());
    }

    /** @throws IllegalArgumentException when the stored JSON is unreadable */
    static SmtpSettings parse(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return new SmtpSettings(n.path("host").asText(""), n.path("port").asInt(587),
                    n.path("username").asText(""), n.path("password").asText(""),
                    n.path("tls").asText("starttls").toLowerCase(Locale.ROOT), n.path("from_address").asText(""),
                    n.path("from_name").asText(""));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the project's SMTP settings are unreadable", e);
        }
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", user " + username + ", tls " + tls + "]";
    }
}
