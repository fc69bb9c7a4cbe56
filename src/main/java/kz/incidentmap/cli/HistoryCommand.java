package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.StoreException;
import kz.incidentmap.store.pg.HistoryEntry;
import kz.incidentmap.store.pg.PgRecords;
import kz.incidentmap.store.pg.ServerIncident;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code history --db postgresql://… ID}: the versions of one incident the server kept, who wrote each
 * and when; with {@code --restore N}, version N written again as the newest version.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"List the versions of an incident kept on a PostgreSQL server (--db postgresql://user@host:port/dbname):"
                + " each with the database user who wrote it and when.",
                "With --restore VERSION, that version becomes the newest one again (a new version; nothing is lost)."})
final class HistoryCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Mixin
    MapOptions options;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The incident's id.")
    String id;

    @Option(names = "--restore", paramLabel = "VERSION", description = "Write this earlier version again as the newest.")
    Integer restore;

    @Override
    public Integer call() throws StoreException {
        if (!options.onServer()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "history needs a record on a server,"
                    + " --db postgresql://user@host:port/dbname (a GeoPackage keeps no history of versions)");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (PgRecords records = options.openServer()) {
            if (restore != null) {
                restore(records, out);
            }
            List<HistoryEntry> history = records.history(id);
            if (history.isEmpty()) {
                throw new StoreException(records.where() + ": no incident " + id + " has ever been there");
            }
            out.println("Incident " + id + " on " + records.where() + ": " + history.size()
                    + (history.size() == 1 ? " version" : " versions"));
            out.printf("%-8s %-10s %-20s %s%n", "version", "operation", "changed at (UTC)", "changed by");
            for (HistoryEntry h : history) {
                out.printf("%-8d %-10s %-20s %s%n", h.version(), h.operation(), WHEN.format(h.changedAt()), h.changedBy());
            }
        }
        out.flush();
        return 0;
    }

    private void restore(PgRecords records, PrintWriter out) throws StoreException {
        Incident earlier = records.historical(id, restore).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "--restore " + restore + ": incident " + id + " has no such version on "
                        + records.where() + " (see history --db " + options.server.uri() + " " + id + ")"));
        Optional<ServerIncident> now = records.incident(id);
        OptionalInt written = now.isPresent() ? records.update(earlier, now.get().version()) : records.insert(earlier);
        if (written.isEmpty()) {
            throw new StoreException(records.where() + ": incident " + id + " was changed by someone else just now;"
                    + " nothing was written, try again");
        }
        out.println("Restored version " + restore + " of incident " + id + " as version " + written.getAsInt());
    }
}
