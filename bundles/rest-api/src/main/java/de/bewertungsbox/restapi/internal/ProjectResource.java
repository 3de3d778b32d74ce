package de.bewertungsbox.restapi.internal;

import java.util.Map;
import java.util.UUID;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.JsonNode;

import de.bewertungsbox.api.customer.ApiKey;
import de.bewertungsbox.api.customer.CreatedApiKey;
import de.bewertungsbox.api.customer.CustomerStore;
import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.customer.SecretStore;
import de.bewertungsbox.restapi.internal.Views.CreatedProjectView;
import de.bewertungsbox.restapi.internal.Views.ListView;
import de.bewertungsbox.restapi.internal.Views.ProjectView;

/** Projects and their API keys; administrators only. */
@Component(service = ProjectResource.class, configurationPid = "de.bewertungsbox.importer.bcc")
@JaxrsResource
@JaxrsApplicationSelect(RestApplication.SELECT)
@JaxrsExtensionSelect(AuthFilter.SELECT)
@Path("projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {
    private final ProjectStore projects;
    private final CustomerStore customers;
    private final SecretStore secrets;
    private final String bccDomain;

    /**
     * @param projects  the project store
     * @param customers the customer store, for customer counts
     * @param secrets   where a project's own SMTP settings are (then it has no BCC address)
     * @param bcc       the BCC domain
     */
    @Activate
    public ProjectResource(@Reference(name = "projects") ProjectStore projects,
                           @Reference(name = "customers") CustomerStore customers,
                           @Reference(name = "secrets") SecretStore secrets, BccConfig bcc) {
        this.projects = projects;
        this.customers = customers;
        this.secrets = secrets;
        this.bccDomain = bcc.domain();
    }

    /** Creates a project with a first API key, shown once. */
    @POST
    public Response create(@Context SecurityContext sc, JsonNode body) {
        Scope.admin(Caller.of(sc));
        String name = body.path("name").isTextual() ? body.path("name").asText().strip() : "";
        if (name.isEmpty()) {
            throw ApiError.invalid("name", "is required");
        }
        if (name.length() > 200) {
            throw ApiError.invalid("name", "is longer than 200 characters");
        }
        Project p = projects.create(name);
        CreatedApiKey key = projects.createApiKey(p.id(), "default");
        ProjectView v = ProjectView.of(p, BccAddress.of(p, bccDomain, secrets), 0L);
        return Response.status(201).entity(new CreatedProjectView(p.id(), p.slug(), p.name(), v.bccAddress(),
                key.secret())).build();
    }

    /** @return every project, with its number of customers */
    @GET
    public ListView<ProjectView> list(@Context SecurityContext sc) {
        Scope.admin(Caller.of(sc));
        return ListView.all(projects.list().stream()
                .map(p -> ProjectView.of(p, BccAddress.of(p, bccDomain, secrets), customers.count(p.id()))).toList());
    }

    /** Creates another API key for a project, shown once. */
    @POST
    @Path("{id}/api-keys")
    public Response createKey(@Context SecurityContext sc, @PathParam("id") String id, JsonNode body) {
        Scope.admin(Caller.of(sc));
        Project p = find(id);
        String label = body != null && body.path("label").isTextual() ? body.path("label").asText() : null;
        CreatedApiKey key = projects.createApiKey(p.id(), label);
        ApiKey k = key.key();
        return Response.status(201).entity(Map.of("id", k.id(), "prefix", k.prefix(),
                "label", k.label() == null ? "" : k.label(), "created_at", k.createdAt().toString(),
                "api_key", key.secret())).build();
    }

    /** @return a project's keys (never their secrets) */
    @GET
    @Path("{id}/api-keys")
    public ListView<ApiKey> keys(@Context SecurityContext sc, @PathParam("id") String id) {
        Scope.admin(Caller.of(sc));
        return ListView.all(projects.apiKeys(find(id).id()));
    }

    /** Revokes a key at once. */
    @DELETE
    @Path("{id}/api-keys/{keyId}")
    public Response revoke(@Context SecurityContext sc, @PathParam("id") String id, @PathParam("keyId") String keyId) {
        Scope.admin(Caller.of(sc));
        UUID key = Scope.uuid(keyId, "API key");
        if (!projects.revokeApiKey(find(id).id(), key)) {
            throw ApiError.notFound("no API key " + keyId + " in this project");
        }
        return Response.noContent().build();
    }

    private Project find(String idOrSlug) {
        return projects.find(idOrSlug).orElseThrow(() -> ApiError.notFound("no project '" + idOrSlug + "'"));
    }
}
