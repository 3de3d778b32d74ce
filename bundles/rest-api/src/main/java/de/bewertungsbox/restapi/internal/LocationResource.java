package de.bewertungsbox.restapi.internal;

import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
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

import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.customer.Location;
import de.bewertungsbox.api.customer.LocationInput;
import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.customer.ValidationException;
import de.bewertungsbox.restapi.internal.Views.ListView;

/** A project's locations (shops, branches), each with its own review URL. */
@Component(service = LocationResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApplication.SELECT)
@JaxrsExtensionSelect(AuthFilter.SELECT)
@Path("locations")
@Produces(MediaType.APPLICATION_JSON)
public class LocationResource {
    private final ProjectStore projects;

    /** @param projects the project store */
    @Activate
    public LocationResource(@Reference(name = "projects") ProjectStore projects) {
        this.projects = projects;
    }

    /** @return the project's locations */
    @GET
    public ListView<Location> list(@Context SecurityContext sc, @QueryParam("project") String project) {
        return ListView.all(projects.locations(Scope.projectId(Caller.of(sc), project, projects)));
    }

    /** Adds a location. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext sc, @QueryParam("project") String project, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        Fields f = new Fields(body, errors);
        LocationInput in = new LocationInput(f.text("slug"), f.text("name"), f.text("review_url"));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Location l = projects.addLocation(Scope.projectId(Caller.of(sc), project, projects), in);
        return Response.status(201).entity(l).build();
    }
}
