package de.bewertungsbox.restapi.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.metatype.annotations.Designate;

import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.customer.ProjectStore;

/**
 * Authenticates every request except the public ones ({@code /health}, {@code /openapi.json}, and
 * {@code /webhooks/...}, whose deliveries the importer verifies by their signature): a project key as
 * {@code Authorization: Bearer} (checked by the project store in constant time) or an administrator by HTTP Basic
 * against Karaf's JAAS realm. Applies the per-key rate limit. Protected resources require this extension by name,
 * so they are not served while it is missing.
 */
@Component(service = javax.ws.rs.container.ContainerRequestFilter.class, configurationPid = "de.bewertungsbox.restapi")
@Designate(ocd = RestConfig.class)
@JaxrsExtension
@JaxrsName(AuthFilter.NAME)
@JaxrsApplicationSelect(RestApplication.SELECT)
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {
    /** Name that protected resources select. */
    public static final String NAME = "bewertungsbox-auth";
    /** Filter for {@code osgi.jaxrs.extension.select}. */
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
    private static final Set<String> PUBLIC = Set.of("health", "openapi.json");
    private static final String WEBHOOKS = "webhooks/";
    /** The links in review requests carry their own random token. */
    private static final List<String> LINKS = List.of("r/", "unsubscribe/");

    private final ProjectStore projects;
    private final AdminLogin admins;
    private final RateLimiter limiter;

    /**
     * @param config   configuration
     * @param projects checks project keys
     */
    @Activate
    public AuthFilter(RestConfig config, @Reference(name = "projects") ProjectStore projects) {
        this.projects = projects;
        this.admins = new AdminLogin(config.realm(), Clock.systemUTC());
        this.limiter = new RateLimiter(config.rate__limit__per__minute());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        path = path.startsWith("/") ? path.substring(1) : path;
        if (PUBLIC.contains(path) || path.startsWith(WEBHOOKS) || LINKS.stream().anyMatch(path::startsWith)) {
            return;
        }
        String auth = request.getHeaderString("Authorization");
        if (auth == null || auth.isBlank()) {
            throw ApiError.unauthorized("send a project API key (Authorization: Bearer ...) or administrator "
                    + "credentials (HTTP Basic)");
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String key = auth.substring(7).strip();
            Optional<Project> project = key.isEmpty() ? Optional.empty() : projects.authenticate(key);
            if (project.isEmpty()) {
                throw ApiError.unauthorized("the API key is not valid (wrong, revoked, or of a deleted project)");
            }
            String id = keyId(key);
            long wait = limiter.acquire(id, System.nanoTime());
            if (wait > 0) {
                throw ApiError.tooManyRequests(wait);
            }
            request.setSecurityContext(new Caller(project.get(), id).context(secure));
        } else if (auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] userPassword = basic(auth.substring(6).strip());
            if (userPassword == null || !admins.check(userPassword[0], userPassword[1])) {
                throw ApiError.unauthorized("administrator user name or password is wrong");
            }
            request.setSecurityContext(new Caller(null, userPassword[0]).context(secure));
        } else {
            throw ApiError.unauthorized("unsupported Authorization scheme; use Bearer (API key) or Basic");
        }
    }

    /** The key's public prefix ({@code bb_<prefix>_<secret>}), never the secret. */
    private static String keyId(String key) {
        int second = key.indexOf('_', 3);
        return second > 3 ? key.substring(0, second) : "invalid";
    }

    private static String[] basic(String encoded) {
        try {
            String s = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = s.indexOf(':');
            return colon <= 0 ? null : new String[] {s.substring(0, colon), s.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
