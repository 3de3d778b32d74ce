package de.bewertungsbox.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.customer.ProjectStore;

/** Creates a project. */
@Service
@Command(scope = "bb", name = "project-create", description = "Creates a project")
public class ProjectCreateCommand implements Action {
    @Reference
    ProjectStore projects;

    @Argument(index = 0, name = "name", required = true, description = "The project's name")
    String name;

    @Override
    public Object execute() {
        Project p = projects.create(name);
        System.out.println("Project '" + p.name() + "' created: slug " + p.slug() + ", id " + p.id());
        return null;
    }
}
