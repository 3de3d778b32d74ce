package de.bewertungsbox.restapi.internal;

import java.time.Instant;
import java.util.UUID;

import javax.ws.rs.GET;
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

import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.notify.CapturedMail;
import de.bewertungsbox.api.notify.RequestStore;
import de.bewertungsbox.restapi.internal.Views.ListView;

/**
 * {@code GET /mail-sink}: the e-mail the built-in sink kept for the project (no SMTP server configured), newest
 * first, each with its whole MIME text.
 */
@Component(service = MailSinkResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApplication.SELECT)
@JaxrsExtensionSelect(AuthFilter.SELECT)
@Path("mail-sink")
@Produces(MediaType.APPLICATION_JSON)
public class MailSinkResource {
    private final ProjectStore projects;
    private final RequestStore requests;

    /**
     * @param projects the project store
     * @param requests the outbox, which keeps the sink
     */
    @Activate
    public MailSinkResource(@Reference(name = "projects") ProjectStore projects,
                            @Reference(name = "requests") RequestStore requests) {
        this.projects = projects;
        this.requests = requests;
    }

    /** One kept message. */
    record MailView(UUID id, UUID requestId, String to, String subject, String mime, Instant createdAt) {
        static MailView of(CapturedMail m) {
            return new MailView(m.id(), m.requestId(), m.recipient(), m.subject(), m.mime(), m.createdAt());
        }
    }

    /** @return one page of kept messages */
    @GET
    public ListView<MailView> list(@Context SecurityContext sc, @QueryParam("project") String project,
                                   @QueryParam("limit") String limit, @QueryParam("after") String after) {
        UUID p = Scope.projectId(Caller.of(sc), project, projects);
        return ListView.of(requests.captured(p, Paging.limit(limit), after), MailView::of);
    }
}
