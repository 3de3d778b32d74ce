package de.bewertungsbox.importerhubspot.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.importer.ImportContext;
import de.bewertungsbox.api.importer.ImportException;
import de.bewertungsbox.api.importer.ImportSink;
import de.bewertungsbox.api.importer.Importer;
import de.bewertungsbox.api.importer.ImporterKind;
import de.bewertungsbox.api.importer.ImporterType;
import de.bewertungsbox.api.importer.RemoteImporter;
import de.bewertungsbox.api.importer.WebhookDelivery;
import de.bewertungsbox.api.importer.WebhookException;
import de.bewertungsbox.api.importer.WebhookRequest;

/**
 * The HubSpot importer: CRM contacts, all or by lifecycle stage, over HubSpot's CRM v3 API (no SDK). The first sync
 * is full, later ones ask for contacts modified since the last one started. Webhook deliveries are verified with
 * {@code X-HubSpot-Signature-v3} (HMAC-SHA256 of method, URI, body and timestamp with the app's client secret) and
 * the five-minute timestamp window.
 */
@Component(service = Importer.class, configurationPid = "de.bewertungsbox.importer.hubspot")
@ImporterType(id = "hubspot", label = "HubSpot", kind = ImporterKind.PULL)
@Designate(ocd = HubSpotConfig.class)
public class HubSpotImporter implements RemoteImporter {
    private static final Logger LOG = LoggerFactory.getLogger(HubSpotImporter.class);
    /** Characters HubSpot decodes in the URI before signing (its request-validation docs). */
    private static final Map<String, String> DECODED = Map.ofEntries(Map.entry("%3A", ":"), Map.entry("%2F", "/"),
            Map.entry("%3F", "?"), Map.entry("%40", "@"), Map.entry("%21", "!"), Map.entry("%24", "$"),
            Map.entry("%27", "'"), Map.entry("%28", "("), Map.entry("%29", ")"), Map.entry("%2A", "*"),
            Map.entry("%2C", ","), Map.entry("%3B", ";"));

    private final HubSpotConfig config;
    private final Clock clock;

    /** @param config how to talk to HubSpot */
    @Activate
    public HubSpotImporter(HubSpotConfig config) {
        this(config, Clock.systemUTC());
    }

    HubSpotImporter(HubSpotConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public void run(ImportContext context, ImportSink sink) throws ImportException {
        HubSpotSettings settings = HubSpotSettings.parse(context.settings().orElseThrow(() -> new ImportException(
                "HubSpot is not configured for this project: PUT /importers/hubspot/config with a token first")));
        if (settings.token() == null) {
            throw new ImportException("the HubSpot settings have no token: PUT /importers/hubspot/config");
        }
        HubSpotClient client = new HubSpotClient(settings, config.max__attempts(), config.retry__delay__ms(),
                context::cancelled);
        HubSpotSync sync = new HubSpotSync(client, settings, sink, config.page__size());
        if (context.parameter(WEBHOOK_PARAMETER).isPresent()) {
            sync.webhook(events(context));
            return;
        }
        Instant now = clock.instant();
        Optional<Long> cursor = context.cursor().flatMap(HubSpotImporter::millis);
        if (cursor.isPresent()) {
            LOG.info("HubSpot sync of project {}: contacts modified since {}", context.projectId(),
                    Instant.ofEpochMilli(cursor.get()));
            context.saveCursor(sync.incremental(cursor.get(), now));
        } else {
            LOG.info("HubSpot sync of project {}: full, {}", context.projectId(), settings.lifecycleStages().isEmpty()
                    ? "every contact" : "lifecycle stages " + settings.lifecycleStages());
            context.saveCursor(sync.full(now));
        }
    }

    private static Optional<Long> millis(String cursor) {
        try {
            return Optional.of(Long.parseLong(cursor.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static JsonNode events(ImportContext context) throws ImportException {
        try (InputStream in = context.openContent()) {
            JsonNode n = HubSpotSettings.JSON.readTree(in);
            if (n == null || !n.isArray()) {
                throw new ImportException("the webhook delivery is not a list of HubSpot events");
            }
            return n;
        } catch (IOException e) {
            throw new ImportException("the webhook delivery is not JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public List<FieldError> checkSettings(String settings) {
        return HubSpotSettings.check(settings);
    }

    @Override
    public WebhookDelivery verify(WebhookRequest request, String settingsJson) throws WebhookException {
        HubSpotSettings settings = HubSpotSettings.parse(settingsJson);
        if (settings.webhookSecret() == null) {
            throw new WebhookException("no webhook_secret is configured for HubSpot in this project: add the app's "
                    + "client secret with PUT /importers/hubspot/config");
        }
        String signature = request.header("X-HubSpot-Signature-v3").orElseThrow(() -> new WebhookException(
                "the X-HubSpot-Signature-v3 header is missing (only v3 signatures are accepted)"));
        String timestamp = request.header("X-HubSpot-Request-Timestamp").orElseThrow(() -> new WebhookException(
                "the X-HubSpot-Request-Timestamp header is missing"));
        long ts;
        try {
            ts = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new WebhookException("X-HubSpot-Request-Timestamp is not a time in milliseconds");
        }
        if (clock.millis() - ts > config.webhook__tolerance__ms()) {
            throw new WebhookException("the delivery is older than " + config.webhook__tolerance__ms() / 1000
                    + " s (replayed?)");
        }
        String body = new String(request.body(), StandardCharsets.UTF_8);
        byte[] expected = v3(settings.webhookSecret(), request.method(), request.uri(), body, timestamp.strip());
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            throw new WebhookException("the HubSpot signature is not base64");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new WebhookException("the HubSpot signature does not match (check webhook_secret, and public_url "
                    + "when a proxy sits in front of this server)");
        }
        JsonNode events;
        try {
            events = HubSpotSettings.JSON.readTree(body);
        } catch (IOException e) {
            throw new WebhookException("the delivery is not JSON");
        }
        if (events == null || !events.isArray()) {
            throw new WebhookException("the delivery is not a list of HubSpot events");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode e : events) {
            if (e.hasNonNull("eventId")) {
                ids.add(e.get("eventId").asText());
            }
        }
        return new WebhookDelivery(ids);
    }

    /** base64-decoded v3 signature: HMAC-SHA256(secret, method + uri + body + timestamp). */
    static byte[] v3(String secret, String method, URI uri, String body, String timestamp) {
        String u = uri.toString();
        for (Map.Entry<String, String> e : DECODED.entrySet()) {
            u = u.replace(e.getKey(), e.getValue()).replace(e.getKey().toLowerCase(java.util.Locale.ROOT),
                    e.getValue());
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal((method + u + body + timestamp).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
