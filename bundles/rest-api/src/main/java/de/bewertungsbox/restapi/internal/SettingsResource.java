package de.bewertungsbox.restapi.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.customer.SecretStore;
import de.bewertungsbox.api.notify.RequestStore;

/**
 * {@code GET /settings}, {@code PATCH /settings} ({@code review_url}), {@code PUT /settings/smtp} and
 * {@code DELETE /settings/smtp}. A project's own SMTP settings are kept encrypted (password included) under
 * {@link SecretStore#PROJECT_SMTP}; the password is never returned. A PUT without a password keeps the stored one.
 */
@Component(service = SettingsResource.class, configurationPid = "de.bewertungsbox.importer.bcc")
@JaxrsResource
@JaxrsApplicationSelect(RestApplication.SELECT)
@JaxrsExtensionSelect(AuthFilter.SELECT)
@Path("settings")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TLS = Set.of("none", "starttls", "ssl");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9.:\\[\\]-]{1,253}$");

    private final ProjectStore projects;
    private final SecretStore secrets;
    private final RequestStore requests;
    private final String bccDomain;

    /**
     * @param projects the project store
     * @param secrets  the encrypted settings
     * @param requests the outbox (the project's review URL)
     * @param bcc      the BCC domain
     */
    @Activate
    public SettingsResource(@Reference(name = "projects") ProjectStore projects,
                            @Reference(name = "secrets") SecretStore secrets,
                            @Reference(name = "requests") RequestStore requests, BccConfig bcc) {
        this.projects = projects;
        this.secrets = secrets;
        this.requests = requests;
        this.bccDomain = bcc.domain();
    }

    /** @return the project's settings: BCC address, review URL, own SMTP (no password) */
    @GET
    public Map<String, Object> get(@Context SecurityContext sc, @QueryParam("project") String project) {
        return view(Scope.project(Caller.of(sc), project, projects));
    }

    /** Sets the review URL, where {@code /r/{token}} sends customers whose location has none. */
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> patch(@Context SecurityContext sc, @QueryParam("project") String project,
                                     JsonNode body) {
        Project p = Scope.project(Caller.of(sc), project, projects);
        if (body == null || !body.isObject()) {
            throw ApiError.invalid("body", "must be a JSON object such as {\"review_url\": \"https://...\"}");
        }
        if (body.has("review_url")) {
            String url = body.get("review_url").isNull() ? null : body.get("review_url").asText().strip();
            if (url != null && !url.isEmpty() && !webUrl(url)) {
                throw ApiError.invalid("review_url", "must be an http or https URL");
            }
            requests.reviewUrl(p.id(), url == null || url.isEmpty() ? null : url);
        }
        return view(p);
    }

    /** Sets the project's own SMTP server; 422 with every field error, nothing changed. */
    @PUT
    @Path("smtp")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> putSmtp(@Context SecurityContext sc, @QueryParam("project") String project,
                                       JsonNode body) {
        Project p = Scope.project(Caller.of(sc), project, projects);
        if (body == null || !body.isObject()) {
            throw ApiError.invalid("body", "must be a JSON object: {\"host\",\"port\",\"username\",\"password\","
                    + "\"tls\",\"from_address\",\"from_name\"}");
        }
        List<FieldError> errors = new ArrayList<>();
        String host = body.path("host").asText("").strip();
        if (host.isEmpty() || !HOST.matcher(host).matches()) {
            errors.add(new FieldError("host", "is required: the SMTP server's host name or IP address"));
        }
        int port = body.has("port") ? body.get("port").asInt(-1) : 587;
        if (port < 1 || port > 65535 || body.has("port") && !body.get("port").canConvertToInt()) {
            errors.add(new FieldError("port", "must be a port number from 1 to 65535"));
        }
        String tls = body.path("tls").asText("starttls").strip().toLowerCase(Locale.ROOT);
        if (!TLS.contains(tls)) {
            errors.add(new FieldError("tls", "is one of none, starttls, ssl"));
        }
        String from = body.path("from_address").asText("").strip();
        if (!EMAIL.matcher(from).matches()) {
            errors.add(new FieldError("from_address", "is required: the sender's e-mail address"));
        }
        if (!errors.isEmpty()) {
            throw new ApiError(422, "Validation failed", errors.size() + " field(s) are invalid; the SMTP settings are "
                    + "unchanged", errors, Map.of());
        }
        ObjectNode stored = JSON.createObjectNode();
        stored.put("host", host).put("port", port).put("username", body.path("username").asText("").strip())
                .put("tls", tls).put("from_address", from).put("from_name", body.path("from_name").asText("").strip());
        String password = body.hasNonNull("password") ? body.get("password").asText()
                : smtp(p.id()).map(old -> old.path("password").asText("")).orElse("");
        stored.put("password", password);
        try {
            secrets.put(p.id(), SecretStore.PROJECT_SMTP, JSON.writeValueAsString(stored));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return view(p);
    }

    /** Goes back to the platform's SMTP server (and the project's BCC address). */
    @DELETE
    @Path("smtp")
    public Map<String, Object> deleteSmtp(@Context SecurityContext sc, @QueryParam("project") String project) {
        Project p = Scope.project(Caller.of(sc), project, projects);
        secrets.delete(p.id(), SecretStore.PROJECT_SMTP);
        return view(p);
    }

    private java.util.Optional<JsonNode> smtp(UUID project) {
        return secrets.get(project, SecretStore.PROJECT_SMTP).map(json -> {
            try {
                return JSON.readTree(json);
            } catch (JsonProcessingException e) {
                return JSON.createObjectNode();
            }
        });
    }

    private Map<String, Object> view(Project p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("project_id", p.id());
        out.put("name", p.name());
        out.put("slug", p.slug());
        out.put("bcc_address", BccAddress.of(p, bccDomain, secrets));
        out.put("review_url", requests.reviewUrl(p.id()).orElse(null));
        out.put("smtp", smtp(p.id()).map(n -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("host", n.path("host").asText());
            m.put("port", n.path("port").asInt());
            m.put("username", n.path("username").asText());
            m.put("tls", n.path("tls").asText());
            m.put("from_address", n.path("from_address").asText());
            m.put("from_name", n.path("from_name").asText());
            m.put("password_set", !n.path("password").asText("").isEmpty());
            return m;
        }).orElse(null));
        return out;
    }

    private static boolean webUrl(String url) {
        try {
            URI u = URI.create(url);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
