package de.bewertungsbox.api.customer;

import java.util.List;
import java.util.UUID;

/**
 * The outcome of one record of a create-or-update.
 *
 * @param index      position of the record in the submitted batch (0-based)
 * @param outcome    what happened
 * @param customerId the customer the record created or updated; {@code null} when rejected
 * @param errors     the field errors when rejected, else empty
 */
public record UpsertResult(int index, UpsertOutcome outcome, UUID customerId, List<FieldError> errors) {
    /** Makes the error list immutable. */
    public UpsertResult {
        errors = List.copyOf(errors);
    }
}
