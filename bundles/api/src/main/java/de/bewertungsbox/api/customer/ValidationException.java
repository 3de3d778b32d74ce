package de.bewertungsbox.api.customer;

import java.util.List;

/**
 * Thrown when input breaks one or more rules; carries every field error at once.
 */
public class ValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldError> errors;

    /**
     * @param errors every field error found, never empty
     */
    public ValidationException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    /** @return the field errors, in the order the fields were checked */
    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        StringBuilder sb = new StringBuilder("invalid input:");
        for (FieldError e : errors) {
            sb.append(' ').append(e.field()).append(": ").append(e.message()).append(';');
        }
        return sb.toString();
    }
}
