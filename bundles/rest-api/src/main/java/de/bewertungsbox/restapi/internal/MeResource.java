package de.bewertungsbox.restapi.internal;

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

import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.customer.SecretStore;
import de.bewertungsbox.restapi.internal.Views.MeView;

/** {@code GET /me}: the key's project; app connectors call it to test a key. */
@Component(service = MeResource.class, configurationPid = "de.bewertungsbox.importer.bcc")
@JaxrsResource
@JaxrsApplicationSelect(RestApplication.SELECT)
@JaxrsExtensionSelect(AuthFilter.SELECT)
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    private final ProjectStore projects;
    private final SecretStore secrets;
    private final String bccDomain;

    /**
     * @param projects the project store
     * @param secrets  where a project's own SMTP settings are
     * @param bcc      the BCC domain
     */
    @Activate
    public MeResource(@Reference(name = "projects") ProjectStore projects,
                      @Reference(name = "secrets") SecretStore secrets, BccConfig bcc) {
        this.projects = projects;
        this.secrets = secrets;
        this.bccDomain = bcc.domain();
    }

    /** @return the caller's project */
    @GET
    public MeView me(@Context SecurityContext sc, @QueryParam("project") String project) {
        Project p = Scope.project(Caller.of(sc), project, projects);
        return new MeView(p.id(), p.name(), p.slug(), BccAddress.of(p, bccDomain, secrets));
    }
}
