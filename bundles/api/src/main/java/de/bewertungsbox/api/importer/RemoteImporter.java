package de.bewertungsbox.api.importer;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

import de.bewertungsbox.api.customer.FieldError;

/**
 * An importer connected to a remote account (Stripe, HubSpot): it has per-project settings (credentials, filters),
 * pulls records on a schedule or on demand, and receives the account's webhooks. Register it as an
 * {@link Importer} service with {@code importer.kind=PULL}; the platform sees the extra interface.
 *
 * <p>Settings are a JSON object, stored encrypted by the platform and handed to {@link #run} through
 * {@link ImportContext#settings()}. Names ending in {@code key}, {@code token}, {@code secret} or {@code password}
 * are write-only: never returned, never logged. The platform itself reads {@code sync_interval_minutes}.
 *
 * <p>A webhook delivery that {@link #verify passes} is imported as a job of this importer whose content is the
 * request body and whose parameter {@code webhook} is {@code true}.
 */
@ConsumerType
public interface RemoteImporter extends Importer {

    /** The job parameter set on jobs that import a webhook delivery. */
    String WEBHOOK_PARAMETER = "webhook";

    /**
     * Checks settings before they are stored.
     *
     * @param settings the complete settings, a JSON object (stored secrets already merged in)
     * @return every problem, by setting name; empty when the settings can be stored
     */
    List<FieldError> checkSettings(String settings);

    /**
     * Checks that a webhook delivery is authentic and fresh. Must not import anything and must not block on the
     * network.
     *
     * @param request  the request as received
     * @param settings the project's settings for this importer (a JSON object)
     * @return the delivery's event ids
     * @throws WebhookException when the delivery is refused
     */
    WebhookDelivery verify(WebhookRequest request, String settings) throws WebhookException;
}
