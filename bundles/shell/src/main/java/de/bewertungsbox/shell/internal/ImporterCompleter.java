package de.bewertungsbox.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import de.bewertungsbox.api.importer.ImporterInfo;
import de.bewertungsbox.api.importer.ImporterRegistry;

/** Completes the ids of the importers installed right now. */
@Service
public class ImporterCompleter implements Completer {
    @Reference
    ImporterRegistry registry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        for (ImporterInfo i : registry.importers()) {
            ids.getStrings().add(i.id());
        }
        return ids.complete(session, commandLine, candidates);
    }
}
