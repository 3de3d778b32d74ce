package de.bewertungsbox.restapi.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
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
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.customer.SecretStore;
import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportOptions;
import de.bewertungsbox.api.importer.ImportService;
import de.bewertungsbox.api.importer.ImporterInfo;
import de.bewertungsbox.api.importer.ImporterKind;
import de.bewertungsbox.api.importer.ImporterRegistry;
import de.bewertungsbox.restapi.internal.Views.JobView;
import de.bewertungsbox.restapi.internal.Views.ListView;

/**
 * The importers installed right now (asked live on every call), their per-project settings (kept encrypted in the
 * secret store; secret values are write-only) and on-demand syncs of pull importers.
 */
@Component(service = ImporterResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApplication.SELECT)
@JaxrsExtensionSelect(AuthFilter.SELECT)
@Path("importers")
@Produces(MediaType.APPLICATION_JSON)
public class ImporterResource {
    /** Setting names whose values are secrets: never returned, never logged. */
    static final Pattern SECRET = Pattern.compile(".*(key|token|secret|password)$");

    private final ProjectStore projects;
    private final ImporterRegistry registry;
    private final ImportService imports;
    private final SecretStore secrets;

    /** One importer as listed. */
    record ImporterView(String id, String label, String kind, String version, Boolean configured) {
    }

    /**
     * @param projects the project store
     * @param registry the importers
     * @param imports  the import engine
     * @param secrets  where settings are kept, encrypted
     */
    @Activate
    public ImporterResource(@Reference(name = "projects") ProjectStore projects,
                            @Reference(name = "registry") ImporterRegistry registry,
                            @Reference(name = "imports") ImportService imports,
                            @Reference(name = "secrets") SecretStore secrets) {
        this.projects = projects;
        this.registry = registry;
        this.imports = imports;
        this.secrets = secrets;
    }

    /** @return the installed importers; {@code configured} for the caller's project (administrators: ?project=) */
    @GET
    public ListView<ImporterView> list(@Context SecurityContext sc, @QueryParam("project") String project) {
        Caller caller = Caller.of(sc);
        UUID p = caller.admin() && (project == null || project.isBlank()) ? null
                : Scope.projectId(caller, project, projects);
        return ListView.all(registry.importers().stream().map(i -> new ImporterView(i.id(), i.label(),
                i.kind().name().toLowerCase(Locale.ROOT), i.version(), p == null ? null : configured(p, i)))
                .toList());
    }

    /**
     * Replaces the project's settings of an importer. Secret settings left out keep their stored value; the
     * response lists which secrets are set, never their values.
     */
    @PUT
    @Path("{id}/config")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> configure(@Context SecurityContext sc, @QueryParam("project") String project,
                                         @PathParam("id") String id, JsonNode body) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        ImporterInfo importer = importer(id);
        if (!body.isObject()) {
            throw ApiError.invalid("body", "must be a JSON object of settings");
        }
        ObjectNode settings = (ObjectNode) body.deepCopy();
        ObjectNode stored = load(p, importer.id()).orElseGet(Json.MAPPER::createObjectNode);
        for (Iterator<String> it = stored.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (SECRET.matcher(name).matches() && !settings.has(name)) {
                settings.set(name, stored.get(name));
            }
        }
        try {
            secrets.put(p, settingsName(importer.id()), Json.MAPPER.writeValueAsString(settings));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return view(importer.id(), settings);
    }

    /** Starts a sync of a pull importer: 202 with the job. */
    @POST
    @Path("{id}/sync")
    public Response sync(@Context SecurityContext sc, @QueryParam("project") String project,
                         @PathParam("id") String id) throws IOException {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        ImporterInfo importer = importer(id);
        if (importer.kind() != ImporterKind.PULL) {
            throw ApiError.conflict("'" + importer.id() + "' receives its data (push); it has nothing to sync"
                    + ("csv".equals(importer.id()) ? ": upload a file with POST /imports/csv" : ""));
        }
        if (load(p, importer.id()).isEmpty()) {
            throw ApiError.conflict("'" + importer.id() + "' is not configured for this project: "
                    + "PUT /importers/" + importer.id() + "/config first");
        }
        ImportJob job = imports.start(p, importer.id(), ImportOptions.defaults(), null);
        return Response.accepted(JobView.of(job)).location(URI.create("imports/" + job.id())).build();
    }

    private ImporterInfo importer(String id) {
        return registry.importer(id).orElseThrow(() -> ApiError.notFound("no importer '" + id + "' is installed"));
    }

    private Boolean configured(UUID project, ImporterInfo importer) {
        return importer.kind() == ImporterKind.PUSH || load(project, importer.id()).isPresent();
    }

    private Optional<ObjectNode> load(UUID project, String importer) {
        return secrets.get(project, settingsName(importer)).map(s -> {
            try {
                return (ObjectNode) Json.MAPPER.readTree(s);
            } catch (IOException e) {
                throw new IllegalStateException("stored importer settings are not JSON", e);
            }
        });
    }

    static String settingsName(String importer) {
        return "importer." + importer + ".settings";
    }

    private static Map<String, Object> view(String importer, ObjectNode settings) {
        Map<String, Object> plain = new LinkedHashMap<>();
        TreeSet<String> secretNames = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = settings.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (SECRET.matcher(e.getKey()).matches()) {
                if (!e.getValue().isNull() && !e.getValue().asText().isEmpty()) {
                    secretNames.add(e.getKey());
                }
            } else {
                plain.put(e.getKey(), e.getValue());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("importer", importer);
        out.put("settings", plain);
        out.put("secrets_set", List.copyOf(secretNames));
        return out;
    }
}
