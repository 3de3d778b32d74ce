package de.bewertungsbox.api.customer;

import java.util.UUID;

/**
 * Filters and page position for listing customers; {@code null} fields do not filter.
 *
 * @param email    exact e-mail (normalised before comparing)
 * @param phone    exact phone (normalised before comparing)
 * @param text     case-insensitive "contains" over name, company and e-mail
 * @param location location slug or UUID
 * @param source   source id
 * @param after    cursor: the id of the last customer of the previous page
 * @param limit    page size, 1 to 1000
 */
public record CustomerQuery(String email, String phone, String text, String location, String source, UUID after,
                            int limit) {
    /** @return a query for the first 100 customers, unfiltered */
    public static CustomerQuery all() {
        return new CustomerQuery(null, null, null, null, null, null, 100);
    }
}
