package de.bewertungsbox.importerbcc.internal;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

import de.bewertungsbox.api.customer.CustomerInput;
import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.importer.ImportException;
import de.bewertungsbox.api.importer.SourceRow;

/**
 * Reads the customers out of one BCC'd message (Jakarta Mail): every address in To and Cc, group members included,
 * except the sender and our own BCC addresses. The display name (encoded words and raw UTF-8 decoded) is split at its
 * last space; an address without a display name keeps an empty first name, since its local part is no name, and is
 * rejected with that reason. The signup date is the message's Date, or the receive time when that is missing or
 * absurd (more than a day ahead, or before 2000).
 */
final class Recipients {
    static final List<String> COLUMNS = List.of("email", "display_name", "header");
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Session SESSION;

    static {
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", "true");
        p.setProperty("mail.mime.address.strict", "false");
        SESSION = Session.getInstance(p);
    }

    /** One recipient found, with its problems. */
    record Found(SourceRow at, CustomerInput customer, List<FieldError> problems) {
    }

    private Recipients() {
    }

    /**
     * @param message    the raw message
     * @param bccDomain  our BCC domain (its addresses are never customers)
     * @param receivedAt when the message arrived
     * @return the recipients in header order, each address once
     * @throws ImportException when the message cannot be read at all or names no recipient
     */
    static List<Found> read(InputStream message, String bccDomain, Instant receivedAt) throws ImportException {
        MimeMessage m;
        try {
            m = new MimeMessage(SESSION, message);
        } catch (MessagingException e) {
            throw new ImportException("the message could not be read as e-mail: " + e.getMessage(), e);
        }
        Set<String> senders = new TreeSet<>();
        for (String h : List.of("From", "Sender", "Reply-To")) {
            for (Parsed p : addresses(m, h)) {
                senders.add(p.address.getAddress().toLowerCase(Locale.ROOT));
            }
        }
        Instant signup = signup(m, receivedAt);
        Map<String, Found> found = new LinkedHashMap<>();
        boolean anyHeader = false;
        long row = 0;
        for (String header : List.of("To", "Cc")) {
            List<Parsed> list = addresses(m, header);
            anyHeader |= header(m, header) != null;
            for (Parsed p : list) {
                row++;
                if (p.error != null) {
                    found.put("#" + row, new Found(new SourceRow(row, 0, List.of(p.raw, "", header)), null,
                            List.of(new FieldError("email", p.error))));
                    continue;
                }
                String email = p.address.getAddress() == null ? "" : p.address.getAddress().strip();
                String key = email.toLowerCase(Locale.ROOT);
                if (key.endsWith("@" + bccDomain.toLowerCase(Locale.ROOT)) || senders.contains(key)
                        || found.containsKey(key)) {
                    continue;
                }
                String name = p.address.getPersonal() == null ? null : p.address.getPersonal().strip()
                        .replaceAll("\\s+", " ");
                List<FieldError> problems = new ArrayList<>();
                String first = null;
                String last = null;
                if (name == null || name.isEmpty()) {
                    problems.add(new FieldError("first_name", "the recipient " + email + " has no display name, "
                            + "and an address is not a name"));
                } else {
                    name = name.replaceAll("^[\"']+|[\"']+$", "");
                    int space = name.lastIndexOf(' ');
                    first = space > 0 ? name.substring(0, space).strip() : name;
                    last = space > 0 ? name.substring(space + 1).strip() : null;
                }
                CustomerInput c = CustomerInput.builder().firstName(first).lastName(last).email(email)
                        .signedUpAt(signup).build();
                found.put(key, new Found(new SourceRow(row, 0, List.of(email, name == null ? "" : name, header)), c,
                        problems));
            }
        }
        if (!anyHeader) {
            throw new ImportException("the message has neither To nor Cc: nobody to import (the BCC address must "
                    + "be in Bcc, the customers in To or Cc)");
        }
        return List.copyOf(found.values());
    }

    private record Parsed(InternetAddress address, String raw, String error) {
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ",");
        } catch (MessagingException e) {
            return null;
        }
    }

    /** The addresses of one header, group members included; a part that cannot be read is returned as an error. */
    private static List<Parsed> addresses(MimeMessage m, String name) {
        String raw = header(m, name);
        List<Parsed> out = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return out;
        }
        InternetAddress[] parsed;
        try {
            parsed = InternetAddress.parseHeader(unfold(raw), false);
        } catch (AddressException e) {
            out.add(new Parsed(null, raw.strip(), "the " + name + " header could not be read: " + e.getMessage()));
            return out;
        }
        for (InternetAddress a : parsed) {
            if (a.isGroup()) {
                try {
                    InternetAddress[] members = a.getGroup(false);
                    if (members != null) {
                        for (InternetAddress member : members) {
                            out.add(checked(member));
                        }
                    }
                } catch (AddressException e) {
                    out.add(new Parsed(null, a.toString(), "the group " + a.getAddress() + " could not be read"));
                }
            } else {
                out.add(checked(a));
            }
        }
        return out;
    }

    private static Parsed checked(InternetAddress a) {
        try {
            a.validate();
            return new Parsed(a, a.toUnicodeString(), null);
        } catch (AddressException e) {
            return new Parsed(null, a.toUnicodeString(), "'" + a.getAddress() + "' is not an e-mail address");
        }
    }

    private static String unfold(String raw) {
        return raw.replaceAll("\r?\n[ \t]+", " ");
    }

    private static Instant signup(MimeMessage m, Instant receivedAt) {
        try {
            java.util.Date sent = m.getSentDate();
            if (sent != null) {
                Instant t = sent.toInstant();
                if (!t.isBefore(EARLIEST) && !t.isAfter(receivedAt.plus(Duration.ofDays(1)))) {
                    return t;
                }
            }
        } catch (MessagingException e) {
            // an unreadable Date header: the receive time it is
        }
        return receivedAt;
    }

    /** @return the Message-ID, or {@code null}; reads the header block only, not the body */
    static String messageId(byte[] raw) {
        try {
            String id = new InternetHeaders(new java.io.ByteArrayInputStream(raw), true).getHeader("Message-ID", null);
            return id == null || id.isBlank() ? null : id.strip();
        } catch (MessagingException e) {
            return null;
        }
    }
}
