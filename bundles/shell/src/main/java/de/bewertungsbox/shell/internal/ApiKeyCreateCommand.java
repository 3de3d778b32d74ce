package de.bewertungsbox.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import de.bewertungsbox.api.customer.CreatedApiKey;
import de.bewertungsbox.api.customer.ProjectStore;

/** Creates an API key for a project and prints it, once. */
@Service
@Command(scope = "bb", name = "apikey-create", description = "Creates an API key for a project (shown once)")
public class ApiKeyCreateCommand implements Action {
    @Reference
    ProjectStore projects;

    @Argument(index = 0, name = "project", required = true, description = "Project slug or id")
    @Completion(ProjectCompleter.class)
    String project;

    @Option(name = "--label", description = "What the key is for (e.g. zapier)")
    String label;

    @Override
    public Object execute() {
        CreatedApiKey key = projects.createApiKey(Projects.resolve(projects, project).id(), label);
        System.out.println("API key " + key.key().prefix() + " created. Copy it now; it is not shown again:");
        System.out.println(key.secret());
        return null;
    }
}
