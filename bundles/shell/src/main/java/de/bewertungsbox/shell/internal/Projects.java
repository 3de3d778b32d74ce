package de.bewertungsbox.shell.internal;

import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.customer.ProjectStore;

/** Resolves the project argument of a command (id or slug) with a one-line error. */
final class Projects {
    private Projects() {
    }

    static Project resolve(ProjectStore store, String idOrSlug) {
        return store.find(idOrSlug).orElseThrow(() -> new IllegalArgumentException("no project '" + idOrSlug
                + "' (give its slug or id; bb:project-list shows them)"));
    }
}
