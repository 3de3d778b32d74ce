package de.bewertungsbox.restapi.internal;

import java.security.Principal;

import javax.ws.rs.core.SecurityContext;

import de.bewertungsbox.api.customer.Project;

/**
 * Who is calling: a project key (acting on its project only) or an administrator (acting on any project named with
 * {@code ?project=}). Installed as the request's {@link SecurityContext} by {@link AuthFilter}.
 *
 * @param project the key's project; {@code null} for an administrator
 * @param name    the administrator's user name, or the key's prefix
 */
record Caller(Project project, String name) implements Principal {

    boolean admin() {
        return project == null;
    }

    @Override
    public String getName() {
        return name;
    }

    static Caller of(SecurityContext sc) {
        if (sc != null && sc.getUserPrincipal() instanceof Caller c) {
            return c;
        }
        throw ApiError.unauthorized("send a project API key (Authorization: Bearer ...) or administrator "
                + "credentials (HTTP Basic)");
    }

    /** @return a security context for this caller */
    SecurityContext context(boolean secure) {
        Caller self = this;
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return self;
            }

            @Override
            public boolean isUserInRole(String role) {
                return "admin".equals(role) ? admin() : "project".equals(role) && !admin();
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return admin() ? BASIC_AUTH : "Bearer";
            }
        };
    }
}
