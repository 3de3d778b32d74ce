package de.bewertungsbox.restapi.internal;

import java.util.Map;
import java.util.UUID;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import de.bewertungsbox.api.customer.CustomerStore;
import de.bewertungsbox.api.importer.ImporterInfo;
import de.bewertungsbox.api.importer.ImporterRegistry;

/**
 * {@code GET /health}, without credentials: UP when the database answers, with the importers installed right now.
 * The store is a dynamic optional reference: it is absent exactly while the database is down.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApplication.SELECT)
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile CustomerStore customers;

    @Reference
    ImporterRegistry importers;

    /** @return the health document; 503 when down */
    @GET
    public Response health() {
        CustomerStore store = customers;
        boolean db = false;
        if (store != null) {
            try {
                store.count(new UUID(0, 0));
                db = true;
            } catch (RuntimeException e) {
                db = false;
            }
        }
        Map<String, Object> body = Map.of("status", db ? "UP" : "DOWN", "database", db ? "UP" : "DOWN",
                "importers", importers.importers().stream().map(ImporterInfo::id).toList());
        return Response.status(db ? 200 : 503).entity(body).build();
    }
}
