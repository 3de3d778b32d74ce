package de.bewertungsbox.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import de.bewertungsbox.api.customer.Location;
import de.bewertungsbox.api.customer.LocationInput;
import de.bewertungsbox.api.customer.ProjectStore;

/** Adds a location (shop, branch) to a project. */
@Service
@Command(scope = "bb", name = "location-add", description = "Adds a location to a project")
public class LocationAddCommand implements Action {
    @Reference
    ProjectStore projects;

    @Argument(index = 0, name = "project", required = true, description = "Project slug or id")
    @Completion(ProjectCompleter.class)
    String project;

    @Argument(index = 1, name = "slug", required = true, description = "Short id: lower-case letters, digits, dashes")
    String slug;

    @Argument(index = 2, name = "name", required = true, description = "The location's name")
    String name;

    @Option(name = "--review-url", description = "Where this location's customers leave reviews")
    String reviewUrl;

    @Override
    public Object execute() {
        Location l = projects.addLocation(Projects.resolve(projects, project).id(),
                new LocationInput(slug, name, reviewUrl));
        System.out.println("Location '" + l.name() + "' added: slug " + l.slug() + ", id " + l.id());
        return null;
    }
}
