package de.bewertungsbox.restapi.internal;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The JAX-RS whiteboard application {@code /api/v1}. Resources and extensions of this bundle select it by name;
 * it holds no state of its own.
 */
@Component(service = Application.class)
@JaxrsApplicationBase("api/v1")
@JaxrsName(RestApplication.NAME)
public class RestApplication extends Application {
    /** The application's name, for {@code osgi.jaxrs.application.select}. */
    public static final String NAME = "bewertungsbox";
    /** Filter that selects this application. */
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
