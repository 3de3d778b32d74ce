package de.bewertungsbox.restapi.internal;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.bewertungsbox.api.customer.FieldError;

/**
 * Checks a message template before it is stored: every {@code {{...}}} names a known placeholder and every
 * {@code {{} is closed, so a typo fails at {@code PUT /strategy} and not in a customer's inbox.
 */
final class TemplateCheck {
    static final Set<String> PLACEHOLDERS = Set.of("first_name", "last_name", "company", "location", "project",
            "review_link", "unsubscribe_link");
    private static final Pattern TAG = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private TemplateCheck() {
    }

    static void check(String field, String template, List<FieldError> errors) {
        if (template == null) {
            return;
        }
        Matcher m = TAG.matcher(template);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (m.find()) {
            rest.append(template, last, m.start());
            last = m.end();
            if (!PLACEHOLDERS.contains(m.group(1))) {
                errors.add(new FieldError(field, "unknown placeholder {{" + m.group(1) + "}}; use "
                        + String.join(", ", PLACEHOLDERS.stream().sorted().map(p -> "{{" + p + "}}").toList())));
                return;
            }
        }
        rest.append(template.substring(last));
        if (rest.indexOf("{{") >= 0 || rest.indexOf("}}") >= 0) {
            errors.add(new FieldError(field, "has a {{ without its }} (or the other way round)"));
        }
    }
}
