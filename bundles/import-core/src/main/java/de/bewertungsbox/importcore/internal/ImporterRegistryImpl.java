package de.bewertungsbox.importcore.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import de.bewertungsbox.api.importer.Importer;
import de.bewertungsbox.api.importer.ImporterInfo;
import de.bewertungsbox.api.importer.ImporterRegistry;
import de.bewertungsbox.api.importer.RemoteImporter;

/**
 * The importers installed right now, for REST, shell and console. Dynamic: importers bind and unbind while it
 * runs, on SCR's threads; reads never block.
 */
@Component(service = ImporterRegistry.class)
public class ImporterRegistryImpl implements ImporterRegistry {
    private final ImporterTable table = new ImporterTable(true);

    /**
     * @param importer an importer arriving
     * @param ref      its service reference
     */
    @Reference(name = "importers", service = Importer.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeImporter")
    void addImporter(Importer importer, ServiceReference<Importer> ref) {
        table.bind(importer, ref);
    }

    void removeImporter(Importer importer, ServiceReference<Importer> ref) {
        table.unbind(importer, ref);
    }

    @Override
    public List<ImporterInfo> importers() {
        return table.infos();
    }

    @Override
    public Optional<ImporterInfo> importer(String id) {
        return table.get(id).map(ImporterTable.Entry::info);
    }

    @Override
    public Optional<RemoteImporter> remote(String id) {
        return table.get(id).map(ImporterTable.Entry::importer).filter(RemoteImporter.class::isInstance)
                .map(RemoteImporter.class::cast);
    }
}
