package de.bewertungsbox.importerstripe.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonParseException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.ApiResource;
import com.stripe.net.Webhook;

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
 * The Stripe importer: customers with their payments, refunds and subscription state, through stripe-java. A sync
 * is full the first time (and when the last one is older than Stripe keeps events), incremental from Stripe's
 * events after that. Webhook deliveries are verified with stripe-java's {@link Webhook} (signature and age).
 */
@Component(service = Importer.class, configurationPid = "de.bewertungsbox.importer.stripe")
@ImporterType(id = "stripe", label = "Stripe", kind = ImporterKind.PULL)
@Designate(ocd = StripeConfig.class)
public class StripeImporter implements RemoteImporter {
    private static final Logger LOG = LoggerFactory.getLogger(StripeImporter.class);

    private final StripeConfig config;
    private final Clock clock;
    private final ExecutorService prefetch;

    /** @param config how to talk to Stripe */
    @Activate
    public StripeImporter(StripeConfig config) {
        this(config, Clock.systemUTC());
    }

    StripeImporter(StripeConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.prefetch = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bewertungsbox-stripe-page-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() {
        prefetch.shutdownNow();
    }

    @Override
    public void run(ImportContext context, ImportSink sink) throws ImportException {
        StripeSettings settings = StripeSettings.parse(context.settings().orElseThrow(() -> new ImportException(
                "Stripe is not configured for this project: PUT /importers/stripe/config with an api_key first")));
        if (settings.apiKey() == null) {
            throw new ImportException("the Stripe settings have no api_key: PUT /importers/stripe/config");
        }
        StripeCalls calls = new StripeCalls(settings, config.max__attempts(), config.retry__delay__ms(),
                context::cancelled, prefetch);
        StripeSync sync = new StripeSync(calls, sink, config.page__size());
        if (context.parameter(WEBHOOK_PARAMETER).isPresent()) {
            sync.webhook(event(context));
            return;
        }
        Instant now = clock.instant();
        Optional<Long> cursor = context.cursor().flatMap(StripeImporter::seconds);
        if (cursor.isPresent() && cursor.get() > now.minus(StripeSync.EVENT_RETENTION).getEpochSecond()) {
            LOG.info("Stripe sync of project {}: incremental, events since {}", context.projectId(),
                    Instant.ofEpochSecond(cursor.get()));
            context.saveCursor(sync.incremental(cursor.get(), now));
        } else {
            LOG.info("Stripe sync of project {}: full{}", context.projectId(), cursor.isPresent()
                    ? " (the last sync is older than Stripe keeps events)" : "");
            context.saveCursor(sync.full(now));
        }
    }

    private static Optional<Long> seconds(String cursor) {
        try {
            return Optional.of(Long.parseLong(cursor.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Event event(ImportContext context) throws ImportException {
        try (InputStream in = context.openContent()) {
            return ApiResource.GSON.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), Event.class);
        } catch (IOException | JsonParseException e) {
            throw new ImportException("the webhook delivery is not a Stripe event: " + e.getMessage(), e);
        }
    }

    @Override
    public List<FieldError> checkSettings(String settings) {
        return StripeSettings.check(settings);
    }

    @Override
    public WebhookDelivery verify(WebhookRequest request, String settingsJson) throws WebhookException {
        StripeSettings settings = StripeSettings.parse(settingsJson);
        if (settings.webhookSecret() == null) {
            throw new WebhookException("no webhook_secret is configured for Stripe in this project: add the "
                    + "endpoint's signing secret (whsec_...) with PUT /importers/stripe/config");
        }
        String signature = request.header("Stripe-Signature").orElseThrow(() -> new WebhookException(
                "the Stripe-Signature header is missing"));
        String payload = new String(request.body(), StandardCharsets.UTF_8);
        try {
            Event event = Webhook.constructEvent(payload, signature, settings.webhookSecret(),
                    config.webhook__tolerance__seconds(), clock);
            if (event.getId() == null) {
                throw new WebhookException("the delivery is not a Stripe event (no id)");
            }
            return new WebhookDelivery(List.of(event.getId()));
        } catch (SignatureVerificationException e) {
            throw new WebhookException("the Stripe signature does not match or is older than "
                    + config.webhook__tolerance__seconds() + " s: " + e.getMessage());
        } catch (JsonParseException e) {
            throw new WebhookException("the delivery is not a Stripe event: it is not JSON");
        }
    }
}
