package de.bewertungsbox.api.customer;

/**
 * A location to create.
 *
 * @param slug      short name, unique within the project (lower-case letters, digits, dashes)
 * @param name      display name
 * @param reviewUrl http(s) URL where reviews are written, optional
 */
public record LocationInput(String slug, String name, String reviewUrl) {
}
