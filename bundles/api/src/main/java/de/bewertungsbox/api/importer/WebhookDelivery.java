package de.bewertungsbox.api.importer;

import java.util.List;

/**
 * An authentic webhook delivery, as the importer understood it.
 *
 * @param eventIds the ids of the events it carries; a delivery whose events were all seen before is not imported
 *                 again (sources retry deliveries)
 */
public record WebhookDelivery(List<String> eventIds) {
    /** Makes the ids immutable. */
    public WebhookDelivery {
        eventIds = List.copyOf(eventIds);
    }
}
