package de.bewertungsbox.restapi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.RequestContext;
import org.apache.commons.fileupload.util.Streams;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.importer.ImportJob;
import de.bewertungsbox.api.importer.ImportOptions;
import de.bewertungsbox.api.importer.ImportService;
import de.bewertungsbox.restapi.internal.Views.JobView;
import de.bewertungsbox.restapi.internal.Views.ListView;

/**
 * CSV uploads (raw or multipart, streamed to the import engine's storage, never held in memory, refused beyond
 * {@code max_upload_mb}), import jobs, their rejected rows, and cancelling.
 */
@Component(service = ImportResource.class, configurationPid = "de.bewertungsbox.core")
@JaxrsResource
@JaxrsApplicationSelect(RestApplication.SELECT)
@JaxrsExtensionSelect(AuthFilter.SELECT)
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {
    private final ProjectStore projects;
    private final ImportService imports;
    private final long maxBytes;

    /**
     * @param projects the project store
     * @param imports  the import engine
     * @param config   the upload limit
     */
    @Activate
    public ImportResource(@Reference(name = "projects") ProjectStore projects,
                          @Reference(name = "imports") ImportService imports, CoreConfig config) {
        this.projects = projects;
        this.imports = imports;
        this.maxBytes = Math.max(1, config.max__upload__mb()) * 1024L * 1024L;
    }

    /** A CSV file as the raw body. */
    @POST
    @Path("csv")
    @Consumes({"text/csv", "text/plain", "application/csv", "application/vnd.ms-excel", "application/octet-stream"})
    public Response uploadRaw(@Context SecurityContext sc, @QueryParam("project") String project,
                              @QueryParam("delimiter") String delimiter, @QueryParam("charset") String charset,
                              @QueryParam("date_format") String dateFormat, @QueryParam("dry_run") String dryRun,
                              @HeaderParam("Content-Length") String length, InputStream body) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        checkLength(length);
        Map<String, String> params = params(delimiter, charset, dateFormat, dryRun);
        return accepted(start(p, params, body));
    }

    /** A CSV file as the form field {@code file}; other form fields before it act as parameters. */
    @POST
    @Path("csv")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadMultipart(@Context SecurityContext sc, @QueryParam("project") String project,
                                    @QueryParam("delimiter") String delimiter, @QueryParam("charset") String charset,
                                    @QueryParam("date_format") String dateFormat, @QueryParam("dry_run") String dryRun,
                                    @HeaderParam("Content-Type") String contentType,
                                    @HeaderParam("Content-Length") String length, InputStream body) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        checkLength(length);
        Map<String, String> params = params(delimiter, charset, dateFormat, dryRun);
        // The file part is spooled first, so form fields after it (curl -F order) still count.
        java.nio.file.Path spooled = null;
        try {
            FileItemIterator items = new FileUpload().getItemIterator(new UploadBody(contentType, body));
            while (items.hasNext()) {
                FileItemStream item = items.next();
                if (item.isFormField()) {
                    params.putIfAbsent(item.getFieldName(), Streams.asString(item.openStream(), "UTF-8"));
                } else if ("file".equals(item.getFieldName()) && spooled == null) {
                    spooled = java.nio.file.Files.createTempFile("bb-upload-", ".csv");
                    try (InputStream in = new LimitedStream(item.openStream(), maxBytes)) {
                        java.nio.file.Files.copy(in, spooled, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            if (spooled != null) {
                try (InputStream in = java.nio.file.Files.newInputStream(spooled)) {
                    return accepted(start(p, params, in));
                }
            }
        } catch (FileUploadException | IOException e) {
            if (LimitedStream.causedBy(e)) {
                throw tooLarge();
            }
            throw new BadRequest("the multipart body could not be read: " + e.getMessage());
        } finally {
            if (spooled != null) {
                try {
                    java.nio.file.Files.deleteIfExists(spooled);
                } catch (IOException e) {
                    spooled.toFile().deleteOnExit();
                }
            }
        }
        throw ApiError.invalid("file", "is required: send the CSV file as the form field 'file'");
    }

    private ImportJob start(UUID project, Map<String, String> params, InputStream in) {
        boolean dry = "true".equalsIgnoreCase(params.remove("dry_run"));
        try {
            return imports.start(project, "csv", new ImportOptions(dry, params), new LimitedStream(in, maxBytes));
        } catch (IOException e) {
            if (LimitedStream.causedBy(e)) {
                throw tooLarge();
            }
            throw new BadRequest("the upload could not be read to its end: " + e.getMessage());
        } catch (de.bewertungsbox.api.customer.NotFoundException e) {
            throw ApiError.conflict("the CSV importer is not installed right now");
        }
    }

    private void checkLength(String length) {
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > maxBytes) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw new BadRequest("Content-Length is not a number");
            }
        }
    }

    private ApiError tooLarge() {
        return ApiError.tooLarge("uploads are limited to " + (maxBytes >> 20) + " MB (max_upload_mb of "
                + "de.bewertungsbox.core); split the file");
    }

    private static Map<String, String> params(String delimiter, String charset, String dateFormat, String dryRun) {
        Map<String, String> m = new HashMap<>();
        put(m, "delimiter", delimiter);
        put(m, "charset", charset);
        put(m, "date_format", dateFormat);
        put(m, "dry_run", dryRun);
        return m;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isEmpty()) {
            m.put(k, v);
        }
    }

    private static Response accepted(ImportJob job) {
        return Response.accepted(JobView.of(job)).location(URI.create("imports/" + job.id())).build();
    }

    /** @return the project's import jobs, newest first */
    @GET
    public ListView<JobView> list(@Context SecurityContext sc, @QueryParam("project") String project,
                                  @QueryParam("limit") String limit, @QueryParam("after") String after) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        return ListView.of(imports.list(p, Paging.limit(limit), after), JobView::of);
    }

    /** @return one job with its report */
    @GET
    @Path("{id}")
    public JobView get(@Context SecurityContext sc, @QueryParam("project") String project,
                       @PathParam("id") String id) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        return JobView.of(imports.find(p, Scope.uuid(id, "import job"))
                .orElseThrow(() -> ApiError.notFound("no import job " + id)));
    }

    /** @return the rejected rows as CSV, with an error column */
    @GET
    @Path("{id}/rejected.csv")
    @Produces("text/csv")
    public Response rejected(@Context SecurityContext sc, @QueryParam("project") String project,
                             @PathParam("id") String id) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        UUID job = Scope.uuid(id, "import job");
        if (imports.find(p, job).isEmpty()) {
            throw ApiError.notFound("no import job " + id);
        }
        StreamingOutput out = os -> imports.writeRejected(p, job, os);
        return Response.ok(out, new MediaType("text", "csv", StandardCharsets.UTF_8.name()))
                .header("Content-Disposition", "attachment; filename=\"rejected-" + job + ".csv\"").build();
    }

    /** Cancels a queued or running job; what it stored stays. */
    @DELETE
    @Path("{id}")
    public JobView cancel(@Context SecurityContext sc, @QueryParam("project") String project,
                          @PathParam("id") String id) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        return JobView.of(imports.cancel(p, Scope.uuid(id, "import job"))
                .orElseThrow(() -> ApiError.notFound("no import job " + id)));
    }

    /** The multipart body as Commons FileUpload reads it: streamed, nothing buffered to disk by it. */
    private static final class UploadBody implements RequestContext {
        private final String contentType;
        private final InputStream body;

        UploadBody(String contentType, InputStream body) {
            this.contentType = contentType;
            this.body = body;
        }

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        @Deprecated
        public int getContentLength() {
            return -1;
        }

        @Override
        public InputStream getInputStream() {
            return body;
        }
    }
}
