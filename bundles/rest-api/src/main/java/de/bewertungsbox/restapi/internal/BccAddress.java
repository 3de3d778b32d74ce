package de.bewertungsbox.restapi.internal;

import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.customer.SecretStore;

/** A project's BCC address, or {@code null} when the project sends through its own SMTP server (API.md). */
final class BccAddress {
    private BccAddress() {
    }

    static String of(Project p, String domain, SecretStore secrets) {
        return secrets.get(p.id(), SecretStore.PROJECT_SMTP).isPresent() ? null : p.bccToken() + "@" + domain;
    }
}
