package de.bewertungsbox.notifier.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;

import de.bewertungsbox.api.strategy.Strategy.Templates;

/**
 * Renders review requests with JMustache. A template is plain text with placeholders ({@code {{first_name}}},
 * {@code {{last_name}}}, {@code {{company}}}, {@code {{location}}}, {@code {{project}}}, {@code {{review_link}}},
 * {@code {{unsubscribe_link}}}). The plain-text part and SMS get the values as they are; the HTML part escapes the
 * template's text and every value, keeps line breaks, and makes the two links clickable. Projects in a
 * German-speaking region get German defaults, all others English. Stateless, thread-safe.
 */
final class MessageRenderer {
    private static final Set<String> GERMAN = Set.of("DE", "AT", "CH", "LI", "LU");
    private static final Mustache.Compiler TEXT = Mustache.compiler().escapeHTML(false).defaultValue("");
    private static final Mustache.Compiler HTML = Mustache.compiler().withEscaper(Escapers.HTML).defaultValue("");

    private static final String DE_SUBJECT = "{{first_name}}, wie war Ihre Erfahrung mit {{project}}?";
    private static final String DE_BODY = """
            Hallo {{first_name}},

            vielen Dank, dass Sie sich für {{project}} entschieden haben. Wir würden uns sehr über Ihre Bewertung \
            freuen, es dauert nur eine Minute:

            {{review_link}}

            Herzliche Grüße
            Ihr Team von {{project}}

            Sie möchten keine Bewertungsanfragen mehr erhalten? Hier abmelden: {{unsubscribe_link}}
            """;
    private static final String DE_SMS = "Hallo {{first_name}}, wie war es bei {{project}}? Wir freuen uns über "
            + "Ihre Bewertung: {{review_link}} Keine Nachrichten mehr: STOP antworten";
    private static final String EN_SUBJECT = "{{first_name}}, how was your experience with {{project}}?";
    private static final String EN_BODY = """
            Hello {{first_name}},

            thank you for choosing {{project}}. We would be glad to hear what you think; it takes only a minute:

            {{review_link}}

            Kind regards
            The {{project}} team

            No more review requests? Unsubscribe here: {{unsubscribe_link}}
            """;
    private static final String EN_SMS = "Hi {{first_name}}, how was {{project}}? We'd love your review: "
            + "{{review_link}} Reply STOP to opt out";

    /** A rendered message. {@code subject} and {@code html} are {@code null} for SMS. */
    record Rendered(String subject, String text, String html) {
    }

    private MessageRenderer() {
    }

    static boolean german(String region) {
        return region != null && GERMAN.contains(region.toUpperCase(Locale.ROOT));
    }

    static Rendered email(Templates t, String region, boolean reminder, Map<String, String> values) {
        boolean de = german(region);
        String subject = render(TEXT, or(t.emailSubject(), de ? DE_SUBJECT : EN_SUBJECT), values).strip();
        if (reminder) {
            subject = (de ? "Erinnerung: " : "Reminder: ") + subject;
        }
        String body = or(t.emailBody(), de ? DE_BODY : EN_BODY);
        String text = render(TEXT, body, values);
        String html = render(HTML, escapeText(body), values).replace("\r\n", "\n").replace("\n", "<br>\n");
        for (String link : new String[] {values.get("review_link"), values.get("unsubscribe_link")}) {
            if (link != null && !link.isEmpty()) {
                String escaped = Escapers.HTML.escape(link);
                html = html.replace(escaped, "<a href=\"" + escaped + "\">" + escaped + "</a>");
            }
        }
        html = "<!DOCTYPE html>\n<html lang=\"" + (de ? "de" : "en") + "\"><head><meta charset=\"utf-8\"><title>"
                + Escapers.HTML.escape(subject) + "</title></head>\n<body style=\"font-family:sans-serif;"
                + "line-height:1.5\">\n" + html + "</body></html>\n";
        return new Rendered(subject, text, html);
    }

    static Rendered sms(Templates t, String region, Map<String, String> values) {
        return new Rendered(null, render(TEXT, or(t.smsBody(), german(region) ? DE_SMS : EN_SMS), values).strip(),
                null);
    }

    /** @return the template with its literal text HTML-escaped; the {@code {{...}}} tags have no such characters */
    private static String escapeText(String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf("{{", i);
            if (open < 0) {
                out.append(Escapers.HTML.escape(template.substring(i)));
                break;
            }
            int close = template.indexOf("}}", open);
            if (close < 0) {
                out.append(Escapers.HTML.escape(template.substring(i)));
                break;
            }
            out.append(Escapers.HTML.escape(template.substring(i, open))).append(template, open, close + 2);
            i = close + 2;
        }
        return out.toString();
    }

    private static String render(Mustache.Compiler compiler, String template, Map<String, String> values) {
        try {
            return compiler.compile(template).execute(values);
        } catch (MustacheException e) {
            throw new IllegalArgumentException("the template cannot be rendered: " + e.getMessage(), e);
        }
    }

    private static String or(String template, String fallback) {
        return template == null || template.isBlank() ? fallback : template;
    }
}
