package de.bewertungsbox.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import de.bewertungsbox.api.customer.CustomerStore;
import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.customer.ProjectStore;

/** Lists projects with their customer counts. */
@Service
@Command(scope = "bb", name = "project-list", description = "Lists projects with their customer counts")
public class ProjectListCommand implements Action {
    @Reference
    ProjectStore projects;

    @Reference
    CustomerStore customers;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Slug");
        table.column("Name");
        table.column("Customers").alignRight();
        table.column("Id");
        for (Project p : projects.list()) {
            table.addRow().addContent(p.slug(), p.name(), customers.count(p.id()), p.id());
        }
        table.print(System.out);
        return null;
    }
}
