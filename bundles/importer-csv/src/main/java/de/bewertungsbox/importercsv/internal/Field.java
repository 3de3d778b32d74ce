package de.bewertungsbox.importercsv.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns the CSV importer understands, each with the header names spreadsheets use for it in German and
 * English. Header matching ignores case, accents, spaces and punctuation ({@code E-Mail-Adresse} = {@code email
 * address} = {@code emailadresse}).
 */
enum Field {
    FIRST_NAME("first_name", "first name", "firstname", "first", "given name", "forename", "vorname", "rufname"),
    LAST_NAME("last_name", "last name", "lastname", "last", "surname", "family name", "nachname", "familienname",
            "zuname"),
    /** A whole name, split at its last space, used when there is no first-name column. */
    FULL_NAME("name", "full name", "fullname", "customer name", "contact name", "kundenname", "kunde", "voller name",
            "vollstaendiger name"),
    EMAIL("email", "e-mail", "email address", "e-mail address", "e-mail-adresse", "emailadresse", "mail",
            "mail address", "mailadresse"),
    PHONE("phone", "phone number", "telephone", "tel", "tel.", "telefon", "telefonnummer", "tel.-nr.", "rufnummer",
            "mobile", "mobile phone", "mobile number", "mobil", "mobilnummer", "mobiltelefon", "handy",
            "handynummer", "cell", "cell phone"),
    COMPANY("company", "company name", "companyname", "business", "business name", "organisation", "organization",
            "firma", "firmenname", "unternehmen"),
    LOCATION("location", "location slug", "location id", "branch", "store", "shop", "standort", "filiale",
            "niederlassung"),
    SIGNED_UP_AT("signed_up_at", "signup date", "sign up date", "signed up", "signup", "signed up at",
            "registration date", "registered at", "created at", "created", "customer since", "joined", "join date",
            "date joined", "anmeldedatum", "anmeldung", "registriert am", "registrierungsdatum", "kunde seit",
            "erstellt am"),
    HAS_SUBSCRIPTION("has_subscription", "subscription", "subscribed", "active subscription",
            "subscription active", "abo", "abonnement", "aktives abo", "hat abo"),
    UNSUBSCRIBED_AT("unsubscribed_at", "unsubscribed", "opt out", "opted out", "opted out at", "abgemeldet",
            "abgemeldet am", "abmeldedatum"),
    EXTERNAL_ID("external_id", "external id", "id", "customer id", "customer number", "customer no",
            "kundennummer", "kundennr", "kunden-nr.", "kunden id");

    private static final Map<String, Field> BY_KEY = new HashMap<>();

    static {
        for (Field f : values()) {
            for (String alias : f.aliases) {
                Field clash = BY_KEY.put(key(alias), f);
                if (clash != null && clash != f) {
                    throw new IllegalStateException("alias '" + alias + "' of " + f + " clashes with " + clash);
                }
            }
        }
    }

    private final List<String> aliases;

    Field(String... aliases) {
        this.aliases = List.of(aliases);
    }

    /** @return the documented header name */
    String documented() {
        return aliases.get(0);
    }

    /** @return a few names a user may know the column by, for error messages */
    String examples() {
        return String.join(", ", aliases.subList(0, Math.min(aliases.size(), 4)));
    }

    /**
     * @param header a header cell
     * @return the field it names
     */
    static Optional<Field> of(String header) {
        return Optional.ofNullable(BY_KEY.get(key(header)));
    }

    /** Lower case, umlauts spelled out, accents dropped, only letters and digits kept. */
    static String key(String header) {
        String s = header.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss");
        s = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
