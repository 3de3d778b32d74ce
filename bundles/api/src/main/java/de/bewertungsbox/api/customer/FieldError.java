package de.bewertungsbox.api.customer;

/**
 * One broken rule of one field, in words a user can act on.
 *
 * @param field   the field name as clients send it ({@code first_name}, {@code email}, {@code contact}, ...)
 * @param message why the value was refused
 */
public record FieldError(String field, String message) {
}
