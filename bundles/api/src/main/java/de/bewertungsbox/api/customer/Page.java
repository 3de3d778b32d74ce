package de.bewertungsbox.api.customer;

import java.util.List;

/**
 * One page of a cursor-paginated list.
 *
 * @param data       the items
 * @param hasMore    whether a next page exists
 * @param nextCursor the cursor for the next page, {@code null} on the last page
 * @param <T>        item type
 */
public record Page<T>(List<T> data, boolean hasMore, String nextCursor) {
    /** Makes the list immutable. */
    public Page {
        data = List.copyOf(data);
    }
}
