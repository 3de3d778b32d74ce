package de.bewertungsbox.api.notify;

import java.util.UUID;

/**
 * Filters of the request list; {@code null} means any.
 *
 * @param status     only this status
 * @param customerId only this customer's requests
 * @param channel    only this channel
 */
public record RequestQuery(RequestStatus status, UUID customerId, String channel) {
    /** @return no filter */
    public static RequestQuery all() {
        return new RequestQuery(null, null, null);
    }
}
