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

import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportOptions;
import de.bewertungsbox.api.importer.ImportService;
import de.bewertungsbox.api.importer.ImporterInfo;
import de.bewertungsbox.api.importer.ImporterKind;
import de.bewertungsbox.api.importer.ImporterRegistry;
import de.bewertungsbox.api.importer.RemoteImporter;
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

    /** Minutes between scheduled syncs when the settings do not say. */
    static final int DEFAULT_SYNC_MINUTES = 60;
    /** At most a week between syncs. */
    static final int MAX_SYNC_MINUTES = 7 * 24 * 60;

    private final ProjectStore projects;
    private final ImporterRegistry registry;
    private final ImportService imports;

    /** One importer as listed. */
    record ImporterView(String id, String label, String kind, String version, Boolean configured, SyncView sync) {
    }

    /** The schedule and last sync of a pull importer in the caller's project. */
    record SyncView(int intervalMinutes, java.time.Instant nextSyncAt, JobView lastJob,
                    java.time.Instant lastCompletedAt) {
    }

    /**
     * @param projects the project store
     * @param registry the importers
     * @param imports  the import engine, which keeps importer settings encrypted
     */
    @Activate
    public ImporterResource(@Reference(name = "projects") ProjectStore projects,
                            @Reference(name = "registry") ImporterRegistry registry,
                            @Reference(name = "imports") ImportService imports) {
        this.projects = projects;
        this.registry = registry;
        this.imports = imports;
    }

    /** @return the installed importers; {@code configured} for the caller's project (administrators: ?project=) */
    @GET
    public ListView<ImporterView> list(@Context SecurityContext sc, @QueryParam("project") String project) {
        Caller caller = Caller.of(sc);
        UUID p = caller.admin() && (project == null || project.isBlank()) ? null
                : Scope.projectId(caller, project, projects);
        return ListView.all(registry.importers().stream().map(i -> new ImporterView(i.id(), i.label(),
                i.kind().name().toLowerCase(Locale.ROOT), i.version(), p == null ? null : configured(p, i),
                p == null || i.kind() != ImporterKind.PULL ? null : sync(p, i.id()))).toList());
    }

    private SyncView sync(UUID project, String importer) {
        return imports.syncState(project, importer).map(s -> new SyncView(s.intervalMinutes(), s.nextSyncAt(),
                s.lastJobId() == null ? null : imports.find(project, s.lastJobId()).map(JobView::of).orElse(null),
                s.cursorSavedAt())).orElse(null);
    }

    /** The project's settings of an importer, secrets left out (only their names are listed). */
    @GET
    @Path("{id}/config")
    public Map<String, Object> config(@Context SecurityContext sc, @QueryParam("project") String project,
                                      @PathParam("id") String id) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        ImporterInfo importer = importer(id);
        ObjectNode stored = load(p, importer.id()).orElseThrow(() -> ApiError.notFound("'" + importer.id()
                + "' is not configured for this project"));
        return view(importer.id(), stored);
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
        int interval = interval(settings.get("sync_interval_minutes"));
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(settings);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Optional<RemoteImporter> remote = registry.remote(importer.id());
        if (remote.isPresent()) {
            List<FieldError> errors = remote.get().checkSettings(json);
            if (!errors.isEmpty()) {
                throw new ApiError(422, "Validation failed", errors.size() + " setting(s) are invalid; nothing was "
                        + "stored", errors, Map.of());
            }
        }
        imports.saveSettings(p, importer.id(), json, importer.kind() == ImporterKind.PULL ? interval : 0);
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

    private static int interval(JsonNode value) {
        if (value == null || value.isNull()) {
            return DEFAULT_SYNC_MINUTES;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0
                || value.asInt() > MAX_SYNC_MINUTES) {
            throw ApiError.invalid("sync_interval_minutes", "must be a whole number of minutes from 0 (sync only on "
                    + "demand) to " + MAX_SYNC_MINUTES + " (a week)");
        }
        return value.asInt();
    }

    private ImporterInfo importer(String id) {
        return registry.importer(id).orElseThrow(() -> ApiError.notFound("no importer '" + id + "' is installed"));
    }

    private Boolean configured(UUID project, ImporterInfo importer) {
        return importer.kind() == ImporterKind.PUSH || load(project, importer.id()).isPresent();
    }

    private Optional<ObjectNode> load(UUID project, String importer) {
        return imports.settings(project, importer).map(s -> {
            try {
                return (ObjectNode) Json.MAPPER.readTree(s);
            } catch (IOException e) {
                throw new IllegalStateException("stored importer settings are not JSON", e);
            }
        });
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
