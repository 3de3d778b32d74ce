package de.bewertungsbox.shell.internal;

import java.util.UUID;

/** Parses id arguments with a one-line error. */
final class Ids {
    private Ids() {
    }

    static UUID parse(String value, String what) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a " + what + " id");
        }
    }
}
