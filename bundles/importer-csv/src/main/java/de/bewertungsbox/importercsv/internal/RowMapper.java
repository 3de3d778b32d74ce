package de.bewertungsbox.importercsv.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;

import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.FieldError;

/**
 * Maps one CSV record to a {@link CustomerInput}, collecting every value it cannot read (dates, yes/no) as a field
 * error instead of stopping at the first. Everything else is checked by the store's one validation path.
 */
final class RowMapper {
    private static final Set<String> YES = Set.of("true", "yes", "y", "1", "x", "ja", "j", "wahr", "active",
            "aktiv", "on");
    private static final Set<String> NO = Set.of("false", "no", "n", "0", "nein", "falsch", "inactive", "inaktiv",
            "off", "-");

    private final Columns columns;
    private final Dates dates;

    RowMapper(Columns columns, Dates dates) {
        this.columns = columns;
        this.dates = dates;
    }

    /** The mapped record and the values that could not be read. */
    record Mapped(CustomerInput customer, List<FieldError> errors) {
    }

    Mapped map(CSVRecord r) {
        List<FieldError> errors = new ArrayList<>(0);
        String first = text(r, Field.FIRST_NAME);
        String last = text(r, Field.LAST_NAME);
        if (columns.of(Field.FIRST_NAME) < 0) {
            String full = text(r, Field.FULL_NAME);
            if (full != null) {
                int space = full.lastIndexOf(' ');
                first = space < 0 ? full : full.substring(0, space).strip();
                last = last != null || space < 0 ? last : full.substring(space + 1);
            }
        }
        CustomerInput input = CustomerInput.builder().firstName(first).lastName(last)
                .email(text(r, Field.EMAIL)).phone(text(r, Field.PHONE)).company(text(r, Field.COMPANY))
                .location(text(r, Field.LOCATION))
                .signedUpAt(date(r, Field.SIGNED_UP_AT, errors))
                .hasSubscription(flag(r, errors))
                .unsubscribedAt(date(r, Field.UNSUBSCRIBED_AT, errors))
                .externalId(text(r, Field.EXTERNAL_ID))
                .source("csv").build();
        return new Mapped(input, errors);
    }

    private String text(CSVRecord r, Field f) {
        int i = columns.of(f);
        if (i < 0 || i >= r.size()) {
            return null;
        }
        String v = r.get(i).strip();
        return v.isEmpty() ? null : v;
    }

    private Instant date(CSVRecord r, Field f, List<FieldError> errors) {
        String v = text(r, f);
        if (v == null) {
            return null;
        }
        try {
            return dates.parse(v);
        } catch (DateTimeException e) {
            errors.add(new FieldError(f.documented(), e.getMessage()));
            return null;
        }
    }

    private Boolean flag(CSVRecord r, List<FieldError> errors) {
        String v = text(r, Field.HAS_SUBSCRIPTION);
        if (v == null) {
            return null;
        }
        String k = v.toLowerCase(Locale.ROOT);
        if (YES.contains(k)) {
            return Boolean.TRUE;
        }
        if (NO.contains(k)) {
            return Boolean.FALSE;
        }
        errors.add(new FieldError(Field.HAS_SUBSCRIPTION.documented(), "'" + (v.length() > 20
                ? v.substring(0, 17) + "..." : v) + "' is not yes or no (true/false, ja/nein, 1/0)"));
        return null;
    }
}
