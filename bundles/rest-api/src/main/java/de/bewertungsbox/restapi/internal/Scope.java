package de.bewertungsbox.restapi.internal;

import java.util.UUID;

import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.customer.ProjectStore;

/** Which project a request acts on, and who may call administrator endpoints. */
final class Scope {
    private Scope() {
    }

    /**
     * A project key acts on its own project; naming another one is answered as if it did not exist. An
     * administrator names the project with {@code ?project=<id or slug>}.
     */
    static Project project(Caller caller, String projectParam, ProjectStore projects) {
        boolean named = projectParam != null && !projectParam.isBlank();
        if (!caller.admin()) {
            Project own = caller.project();
            if (named && !projectParam.strip().equals(own.id().toString()) && !projectParam.strip().equals(own.slug())) {
                throw ApiError.notFound("no project '" + projectParam.strip() + "'");
            }
            return own;
        }
        if (!named) {
            throw ApiError.invalid("project", "administrators name the project: ?project=<id or slug>");
        }
        return projects.find(projectParam.strip())
                .orElseThrow(() -> ApiError.notFound("no project '" + projectParam.strip() + "'"));
    }

    static UUID projectId(Caller caller, String projectParam, ProjectStore projects) {
        return project(caller, projectParam, projects).id();
    }

    static void admin(Caller caller) {
        if (!caller.admin()) {
            throw ApiError.forbidden("this endpoint is for administrators; a project API key cannot call it");
        }
    }

    static UUID uuid(String value, String what) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiError.notFound("no " + what + " '" + value + "'");
        }
    }
}
