package de.bewertungsbox.api.customer;

/**
 * The outcome of recording a charge.
 *
 * @param charge  the stored charge (the earlier one when the external id was known)
 * @param created {@code false} when a charge with the same external id already existed
 */
public record ChargeResult(Charge charge, boolean created) {
}
