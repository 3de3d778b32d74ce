package de.bewertungsbox.customerstore.internal;

import java.net.IDN;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.FieldError;

/**
 * The one validation and normalisation path for customer records, whichever source they come from. Stateless and
 * thread-safe; collects every field error of a record instead of stopping at the first.
 */
public final class CustomerNormaliser {
    /** Longest first or last name. */
    public static final int NAME_MAX = 100;
    /** Longest company name. */
    public static final int COMPANY_MAX = 200;
    /** Longest e-mail address (RFC 5321 path limit). */
    public static final int EMAIL_MAX = 254;
    /** Longest external id. */
    public static final int EXTERNAL_ID_MAX = 255;

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern LOCAL_PART = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,31}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    private CustomerNormaliser() {
    }

    /** The outcome of normalising one record: exactly one of the two is set. */
    record Result(Normalised value, List<FieldError> errors) {
        boolean ok() {
            return value != null;
        }
    }

    /**
     * @param in        the raw record
     * @param region    ISO 3166 region for phone numbers without country code
     * @param locations resolves a location slug or UUID of the project to its id, {@code null} if unknown
     * @param now       the current time
     * @return the normalised record or every field error
     */
    static Result normalise(CustomerInput in, String region, Function<String, UUID> locations, Instant now) {
        if (in == null) {
            return new Result(null, List.of(new FieldError("record", "is empty (null)")));
        }
        List<FieldError> errors = new ArrayList<>();
        String first = name(in.firstName(), "first_name", NAME_MAX, errors);
        if (first == null && !hasError(errors, "first_name")) {
            errors.add(new FieldError("first_name", "is required"));
        }
        String last = name(in.lastName(), "last_name", NAME_MAX, errors);
        String company = name(in.company(), "company", COMPANY_MAX, errors);
        String email = email(in.email(), errors);
        String phone = phone(in.phone(), region, errors);
        if (email == null && phone == null && blank(in.email()) && blank(in.phone())) {
            errors.add(new FieldError("contact", "an e-mail address or a phone number is required"));
        }
        UUID locationId = null;
        if (!blank(in.location())) {
            locationId = locations.apply(in.location().strip());
            if (locationId == null) {
                errors.add(new FieldError("location", "no location '" + in.location().strip()
                        + "' in this project (give its slug or UUID)"));
            }
        }
        Instant signedUp = in.signedUpAt();
        if (signedUp != null && signedUp.isAfter(now.plus(1, ChronoUnit.DAYS))) {
            errors.add(new FieldError("signed_up_at", "lies in the future: " + signedUp));
        } else if (signedUp != null && signedUp.isBefore(EARLIEST)) {
            errors.add(new FieldError("signed_up_at", "is before 1900: " + signedUp));
        }
        String source = source(in.source(), errors);
        String externalId = externalId(in.externalId(), errors);
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        return new Result(new Normalised(first, last, email, phone, company, locationId, signedUp,
                in.hasSubscription(), in.unsubscribedAt(), source, externalId), List.of());
    }

    /**
     * Normalises an e-mail for lookups (same rules as for storing).
     *
     * @param raw the address
     * @return the normalised address, or {@code null} when it is not valid
     */
    public static String normaliseEmail(String raw) {
        List<FieldError> ignored = new ArrayList<>();
        return email(raw, ignored);
    }

    /**
     * Normalises a phone number for lookups.
     *
     * @param raw    the number
     * @param region default region
     * @return E.164, or {@code null} when it is not valid
     */
    public static String normalisePhone(String raw, String region) {
        List<FieldError> ignored = new ArrayList<>();
        return phone(raw, region, ignored);
    }

    /** A source id: lower case, 1 to 32 characters; blank means {@code api}. Shared with charges. */
    static String source(String raw, List<FieldError> errors) {
        String source = blank(raw) ? "api" : raw.strip().toLowerCase(Locale.ROOT);
        if (!SOURCE.matcher(source).matches()) {
            errors.add(new FieldError("source", "must be 1 to 32 letters, digits, '.', '_' or '-'"));
        }
        return source;
    }

    /** A source's own id, trimmed; blank means none. Shared with charges. */
    static String externalId(String raw, List<FieldError> errors) {
        String externalId = blank(raw) ? null : raw.strip();
        if (externalId != null && externalId.length() > EXTERNAL_ID_MAX) {
            errors.add(new FieldError("external_id", "is longer than " + EXTERNAL_ID_MAX + " characters"));
        }
        return externalId;
    }

    private static String name(String raw, String field, int max, List<FieldError> errors) {
        if (blank(raw)) {
            return null;
        }
        String v = raw.strip();
        if (needsCollapsing(v)) {
            v = WHITESPACE.matcher(v).replaceAll(" ");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "contains control characters"));
            return null;
        }
        if (v.length() > max) {
            errors.add(new FieldError(field, "is longer than " + max + " characters (" + v.length() + ")"));
            return null;
        }
        return v;
    }

    private static String email(String raw, List<FieldError> errors) {
        if (blank(raw)) {
            return null;
        }
        String v = raw.strip();
        if (v.startsWith("<") && v.endsWith(">")) {
            v = v.substring(1, v.length() - 1).strip();
        }
        if (v.regionMatches(true, 0, "mailto:", 0, 7)) {
            v = v.substring(7);
        }
        v = v.toLowerCase(Locale.ROOT);
        int at = v.lastIndexOf('@');
        if (at <= 0 || at == v.length() - 1 || v.indexOf('@') != at) {
            errors.add(new FieldError("email", "'" + shorten(raw) + "' is not an e-mail address (needs one '@')"));
            return null;
        }
        String local = v.substring(0, at);
        String domain;
        try {
            domain = IDN.toASCII(v.substring(at + 1), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("email", "'" + shorten(raw) + "' has an invalid domain"));
            return null;
        }
        if (local.length() > 64 || !LOCAL_PART.matcher(local).matches()) {
            errors.add(new FieldError("email", "'" + shorten(raw) + "' has an invalid part before the '@'"));
            return null;
        }
        if (!DOMAIN.matcher(domain).matches()) {
            errors.add(new FieldError("email", "'" + shorten(raw) + "' has an invalid domain"));
            return null;
        }
        String out = local + "@" + domain;
        if (out.length() > EMAIL_MAX) {
            errors.add(new FieldError("email", "is longer than " + EMAIL_MAX + " characters"));
            return null;
        }
        return out;
    }

    private static String phone(String raw, String region, List<FieldError> errors) {
        if (blank(raw)) {
            return null;
        }
        String v = raw.strip();
        try {
            PhoneNumber n = PHONES.parse(v, region);
            if (!PHONES.isValidNumber(n)) {
                errors.add(new FieldError("phone", "'" + shorten(raw) + "' is not a valid phone number"
                        + (v.startsWith("+") ? "" : " for region " + region + " (add the country code, e.g. +49)")));
                return null;
            }
            return PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            errors.add(new FieldError("phone", "'" + shorten(raw) + "' is not a phone number"));
            return null;
        }
    }

    /** Whether a stripped value has whitespace other than single spaces (the common case has none). */
    private static boolean needsCollapsing(String v) {
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (Character.isWhitespace(ch) && (ch != ' ' || v.charAt(i + 1) == ' ')) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasError(List<FieldError> errors, String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String shorten(String s) {
        String v = s.strip();
        return v.length() > 60 ? v.substring(0, 57) + "..." : v;
    }
}
