package de.bewertungsbox.importercsv.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

import de.bewertungsbox.api.importer.ImportException;

/**
 * Reads dates as offices write them: {@code 2026-03-01}, ISO 8601 timestamps ({@code 2026-03-01T09:30:00Z},
 * {@code 2026-03-01 09:30}), and German {@code 01.03.2026} (with an optional time). Slash dates are ambiguous
 * ({@code 01/03/2026}: January or March?) and are read only with an explicit pattern. A time without a zone is
 * UTC; a date without a time is 00:00 UTC. Impossible dates ({@code 2026-02-30}) are refused. Immutable.
 */
final class Dates {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");
    private static final Pattern GERMAN = Pattern.compile("\\d{1,2}\\.\\d{1,2}\\.\\d{4}( +\\d{1,2}:\\d{2}(:\\d{2})?)?");
    private static final DateTimeFormatter ISO_LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-M-d").optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("H:mm").optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-M-d")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter GERMAN_TIME = new DateTimeFormatterBuilder().appendPattern("d.M.uuuu")
            .appendLiteral(' ').appendPattern("H:mm").optionalStart().appendPattern(":ss").optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private final DateTimeFormatter explicit;
    private final String explicitPattern;

    private Dates(DateTimeFormatter explicit, String pattern) {
        this.explicit = explicit;
        this.explicitPattern = pattern;
    }

    /**
     * @param pattern a {@link DateTimeFormatter} pattern such as {@code dd/MM/yyyy}, or {@code null}
     * @return the reader
     * @throws ImportException when the pattern is not valid
     */
    static Dates withPattern(String pattern) throws ImportException {
        if (pattern == null) {
            return new Dates(null, null);
        }
        try {
            String strict = pattern.replace("yyyy", "uuuu").replace("yy", "uu");
            return new Dates(DateTimeFormatter.ofPattern(strict).withResolverStyle(ResolverStyle.STRICT), pattern);
        } catch (IllegalArgumentException e) {
            throw new ImportException("date_format '" + pattern + "' is not a valid date pattern; use letters like "
                    + "dd/MM/yyyy or MM/dd/yyyy HH:mm");
        }
    }

    /**
     * @param value a non-blank cell
     * @return the instant
     * @throws DateTimeException with a message for the user when the value is not a date
     */
    Instant parse(String value) {
        String v = value.strip();
        if (explicit != null) {
            return parseExplicit(v);
        }
        try {
            if (ISO_DATE.matcher(v).matches()) {
                return LocalDate.parse(v, DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (GERMAN.matcher(v).matches()) {
                return v.indexOf(':') < 0 ? LocalDate.parse(v, GERMAN_DATE).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : LocalDateTime.parse(v.replaceAll(" +", " "), GERMAN_TIME).toInstant(ZoneOffset.UTC);
            }
            if (v.length() >= 10 && ISO_DATE.matcher(v.substring(0, 10)).matches()) {
                return parseIsoTimestamp(v);
            }
        } catch (DateTimeParseException e) {
            throw new DateTimeException("'" + shorten(v) + "' is not a valid date");
        }
        if (v.indexOf('/') > 0) {
            throw new DateTimeException("'" + shorten(v) + "' is ambiguous (day/month or month/day?); "
                    + "give the date_format parameter, for example dd/MM/yyyy");
        }
        throw new DateTimeException("'" + shorten(v) + "' is not a date; use YYYY-MM-DD, DD.MM.YYYY or an "
                + "ISO 8601 timestamp");
    }

    private static Instant parseIsoTimestamp(String v) {
        String t = v.replace(' ', 'T');
        char last = t.charAt(t.length() - 1);
        if (last == 'Z' || last == 'z' || t.lastIndexOf('+') > 10 || t.lastIndexOf('-') > 10) {
            try {
                return OffsetDateTime.parse(t.toUpperCase(java.util.Locale.ROOT)).toInstant();
            } catch (DateTimeParseException e) {
                return Instant.parse(t.toUpperCase(java.util.Locale.ROOT));
            }
        }
        return LocalDateTime.parse(v, ISO_LOCAL).toInstant(ZoneOffset.UTC);
    }

    private Instant parseExplicit(String v) {
        try {
            TemporalAccessor t = explicit.parseBest(v, LocalDateTime::from, LocalDate::from);
            return t instanceof LocalDateTime dt ? dt.toInstant(ZoneOffset.UTC)
                    : ((LocalDate) t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new DateTimeException("'" + shorten(v) + "' does not match date_format " + explicitPattern
                    + " or is not a valid date");
        }
    }

    private static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 37) + "..." : v;
    }
}
