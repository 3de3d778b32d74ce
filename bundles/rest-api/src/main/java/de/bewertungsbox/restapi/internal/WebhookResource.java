package de.bewertungsbox.restapi.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportOptions;
import de.bewertungsbox.api.importer.ImportService;
import de.bewertungsbox.api.importer.ImporterRegistry;
import de.bewertungsbox.api.importer.RemoteImporter;
import de.bewertungsbox.api.importer.WebhookDelivery;
import de.bewertungsbox.api.importer.WebhookException;
import de.bewertungsbox.api.importer.WebhookRequest;

/**
 * Webhook deliveries of remote accounts (Stripe, HubSpot): {@code POST /webhooks/{importer}/{project_id}}. No API
 * key: the importer verifies the sender's signature against the project's webhook secret. An authentic delivery
 * whose events are not all known is imported as a job of that importer; a replayed one is acknowledged and ignored.
 * Anything refused is a 400 that stores nothing. Installed importers are looked up per call, so removing an importer
 * bundle removes its webhook address too (404).
 */
@Component(service = WebhookResource.class, configurationPid = "de.bewertungsbox.core")
@JaxrsResource
@JaxrsApplicationSelect(RestApplication.SELECT)
@Path("webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookResource.class);
    /** Webhook bodies are small; anything beyond this is not a delivery. */
    static final int MAX_BODY = 1024 * 1024;

    private final ProjectStore projects;
    private final ImporterRegistry registry;
    private final ImportService imports;
    private final String publicUrl;

    /**
     * @param projects the project store
     * @param registry the importers installed now
     * @param imports  the import engine
     * @param config   where users reach this server (the URI a signature covers)
     */
    @Activate
    public WebhookResource(@Reference(name = "projects") ProjectStore projects,
                           @Reference(name = "registry") ImporterRegistry registry,
                           @Reference(name = "imports") ImportService imports, CoreConfig config) {
        this.projects = projects;
        this.registry = registry;
        this.imports = imports;
        this.publicUrl = config.public__url().replaceAll("/+$", "");
    }

    /** Receives one delivery. */
    @POST
    @Path("{importer}/{project_id}")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> receive(@PathParam("importer") String importerId,
                                       @PathParam("project_id") String project, @Context HttpHeaders headers,
                                       @Context UriInfo uri, InputStream body)
            throws IOException {
        RemoteImporter importer = registry.remote(importerId).orElseThrow(() -> ApiError.notFound(
                "no importer '" + importerId + "' with webhooks is installed"));
        UUID projectId = projectId(project);
        String settings = imports.settings(projectId, importerId).orElseThrow(() -> ApiError.notFound(
                "'" + importerId + "' is not configured for project " + projectId));
        byte[] raw;
        try (InputStream in = new LimitedStream(body, MAX_BODY)) {
            raw = in.readAllBytes();
        } catch (IOException e) {
            if (LimitedStream.causedBy(e)) {
                throw ApiError.tooLarge("a webhook delivery has at most " + MAX_BODY + " bytes");
            }
            throw new BadRequest("the delivery could not be read to its end");
        }
        Map<String, String> h = new LinkedHashMap<>();
        headers.getRequestHeaders().forEach((k, v) -> {
            if (!v.isEmpty()) {
                h.put(k.toLowerCase(Locale.ROOT), v.get(0));
            }
        });
        WebhookRequest request = new WebhookRequest(projectId, "POST", addressed(uri), h, raw);
        WebhookDelivery delivery;
        try {
            delivery = importer.verify(request, settings);
        } catch (WebhookException e) {
            LOG.info("Webhook delivery for '{}' in project {} refused: {}", importerId, projectId, e.getMessage());
            throw new BadRequest(e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("received", delivery.eventIds().size());
        if (!imports.firstDelivery(projectId, importerId, delivery.eventIds())) {
            out.put("status", "duplicate");
            return out;
        }
        ImportJob job = imports.start(projectId, importerId,
                new ImportOptions(false, Map.of(RemoteImporter.WEBHOOK_PARAMETER, "true")),
                new ByteArrayInputStream(raw));
        out.put("status", "accepted");
        out.put("job", job.id());
        return out;
    }

    private UUID projectId(String project) {
        try {
            UUID id = UUID.fromString(project);
            projects.find(id.toString()).orElseThrow(() -> ApiError.notFound("no such project"));
            return id;
        } catch (IllegalArgumentException e) {
            throw ApiError.notFound("no such project");
        }
    }

    /**
     * The URI the sender addressed. Behind a proxy the request URI is the proxy's, so the configured public URL
     * replaces scheme, host and port.
     */
    private URI addressed(UriInfo uri) {
        URI r = uri.getRequestUri();
        if (publicUrl.isEmpty()) {
            return r;
        }
        URI base = URI.create(publicUrl);
        String query = r.getRawQuery() == null ? "" : "?" + r.getRawQuery();
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + r.getRawPath() + query);
    }
}
