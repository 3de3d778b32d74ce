package de.bewertungsbox.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import de.bewertungsbox.api.importer.ImporterInfo;
import de.bewertungsbox.api.importer.ImporterRegistry;

/** Lists the importers installed right now. */
@Service
@Command(scope = "bb", name = "importer-list", description = "Lists the importers installed right now")
public class ImporterListCommand implements Action {
    @Reference
    ImporterRegistry registry;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Label");
        table.column("Kind");
        table.column("Bundle");
        table.column("Version");
        for (ImporterInfo i : registry.importers()) {
            table.addRow().addContent(i.id(), i.label(), i.kind().name().toLowerCase(java.util.Locale.ROOT),
                    i.bundle(), i.version());
        }
        table.print(System.out);
        return null;
    }
}
