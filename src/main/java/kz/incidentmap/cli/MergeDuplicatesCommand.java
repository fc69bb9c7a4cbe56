package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import kz.incidentmap.edit.EditService;
import kz.incidentmap.edit.MergeIncidents;
import kz.incidentmap.edit.OblastLocator;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentAlias;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code merge-duplicates KEEP_ID OTHER_ID}: merges one incident into another (see {@link MergeIncidents}). */
@Command(name = "merge-duplicates", mixinStandardHelpOptions = true,
        description = "Merge incident OTHER_ID into KEEP_ID: KEEP_ID keeps its facts and takes every source and claim"
                + " of OTHER_ID, which is deleted; OTHER_ID (and the ACLED/GTD event ids it carried) become aliases of"
                + " KEEP_ID, so importing them again updates KEEP_ID. Undo it in the app's Edit menu right after, or"
                + " restore the store from a copy.")
final class MergeDuplicatesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    @Parameters(index = "0", paramLabel = "KEEP_ID", description = "The incident to keep.")
    String keepId;

    @Parameters(index = "1", paramLabel = "OTHER_ID", description = "The duplicate to merge into it and delete.")
    String otherId;

    @Override
    public Integer call() throws Exception {
        if (keepId.equals(otherId)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "KEEP_ID and OTHER_ID are the same incident ("
                    + keepId + "); nothing was changed");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (IncidentStore store = options.openStore()) {
            Incident keep = stored(store, keepId);
            Incident other = stored(store, otherId);
            EditService service = new EditService(store, OblastLocator.load(options.paths().mapsDir()));
            Incident merged = new MergeIncidents(keep, other).apply(service);
            out.println("merged '" + other.title() + "' (" + other.id() + ") into '" + merged.title() + "' ("
                    + merged.id() + "): " + merged.sources().size() + " sources, " + merged.claims().size()
                    + " claims, killed " + merged.killedRange() + ", wounded " + merged.woundedRange());
            for (IncidentAlias a : store.aliasesOf(merged.id())) {
                out.println("alias " + a.alias() + " (" + a.origin() + ", from " + a.mergedId() + ")");
            }
        }
        out.flush();
        return 0;
    }

    private Incident stored(IncidentStore store, String id) throws StoreException {
        return store.byId(id).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "no incident " + id + " in " + store.file() + "; nothing was changed"));
    }
}
