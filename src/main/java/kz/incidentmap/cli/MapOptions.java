package kz.incidentmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import kz.incidentmap.AppPaths;
import kz.incidentmap.layers.ImportedStreets;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.IncidentIndexLoad;
import kz.incidentmap.layers.IncidentRecords;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.MapsAhead;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;
import kz.incidentmap.store.pg.PgRecords;
import kz.incidentmap.store.pg.ServerAddress;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every command shares: which incident store and which map folder to use.
 * Without {@code --db} the default store is used, created from the curated records on first use.
 */
final class MapOptions {

    /** The GeoPackage named by --db, or null (the default store, or a server). */
    Path db;

    /** The record on a PostgreSQL server named by --db postgresql://…, or null. */
    ServerAddress server;

    @Option(names = "--db", paramLabel = "STORE", description = "Incident store to use instead of data/incidents.gpkg:"
            + " a GeoPackage file, or a record on a PostgreSQL server, postgresql://user@host:port/dbname (the window,"
            + " init, incidents, export, history, copy, bench and bench generate; the password comes from ~/.pgpass or PGPASSWORD).")
    void db(String value) {
        if (ServerAddress.isAddress(value)) {
            try {
                server = ServerAddress.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(command.commandLine(), "--db: " + e.getMessage());
            }
            db = null;
        } else {
            db = Path.of(value);
            server = null;
        }
    }

    @Option(names = "--maps", paramLabel = "DIR", description = "Folder of the reference maps (default: maps/).")
    Path maps;

    /** The reference maps start-up began reading (see {@link #passDown}); none when run otherwise. */
    MapsAhead ahead = MapsAhead.none();

    /**
     * Lets {@code --db} and {@code --maps} given before the command word ({@code kz-incident-map --db
     * big.gpkg snapshot …}) hold for the command as well, unless it is given its own: otherwise the
     * command would silently use the default store.
     */
    static void passDown(CommandLine.ParseResult parsed, MapsAhead ahead) {
        MapOptions outer = null;
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            for (CommandLine.Model.CommandSpec mixin : p.commandSpec().mixins().values()) {
                if (mixin.userObject() instanceof MapOptions options) {
                    options.ahead = ahead;
                    if (outer != null && options.db == null && options.server == null) {
                        options.db = outer.db;
                        options.server = outer.server;
                    }
                    if (outer != null) {
                        options.maps = options.maps != null ? options.maps : outer.maps;
                    }
                    outer = options;
                }
            }
        }
    }

    AppPaths paths() {
        AppPaths found = AppPaths.locate();
        return maps == null ? found : new AppPaths(maps, found.dataDir(), found.storeDir());
    }

    /**
     * The command these options belong to: a line such as "recovered from a write that was
     * interrupted" goes to its error stream.
     */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The store named by --db (which must exist), or the default one, open for editing; the check of the
     * file that its first write waits for has begun.
     */
    IncidentStore openStore() throws StoreException {
        fileOnly();
        AppPaths p = paths();
        IncidentStore store = told(db != null ? IncidentStore.open(db)
                : IncidentStore.openOrCreate(p.defaultStore(), p.seedFile()));
        store.beginIntegrityCheck();
        return store;
    }

    /** Says on the command's error stream what opening {@code store} recovered, if anything. */
    private IncidentStore told(IncidentStore store) {
        store.recovery().ifPresent(line -> {
            PrintWriter err = command.commandLine().getErr();
            err.println(store.file() + ": " + line);
            err.flush();
        });
        return store;
    }

    /**
     * The same store open for reading only: it takes no lock, so the commands that only read work while
     * the app has the store open for editing.
     */
    IncidentStore openForViewing() throws StoreException {
        fileOnly();
        AppPaths p = paths();
        if (db != null) {
            return told(IncidentStore.openForViewing(db));
        }
        IncidentStore.createIfMissing(p.defaultStore(), p.seedFile());
        return told(IncidentStore.openForViewing(p.defaultStore()));
    }

    /** The incidents of the chosen store. */
    List<Incident> incidents() throws StoreException {
        try (IncidentStore store = openForViewing()) {
            return store.all();
        }
    }

    /** The map: shipped layers, the chosen store's street layers (if it has any) and {@code incidents}. */
    LoadedMap loadMap(List<Incident> incidents) throws IOException {
        return LoadedMap.load(paths().mapsDir(), incidents, ImportedStreets.inStore(storeFile()), ahead);
    }

    /**
     * Starts reading the chosen store's incident index, narrowed by {@code keep}, before the store is
     * opened (see {@link IncidentIndexLoad}); hand it to {@link #openForViewing(IncidentIndexLoad)}.
     */
    IncidentIndexLoad startIndex(UnaryOperator<IncidentIndex> keep) {
        return IncidentIndexLoad.start(storeFile(), keep);
    }

    /** {@link #openForViewing()}, telling the index read that began before it how the opening went. */
    IncidentStore openForViewing(IncidentIndexLoad index) throws StoreException {
        try {
            IncidentStore store = openForViewing();
            index.opened(store);
            return store;
        } catch (StoreException | RuntimeException e) {
            index.failed(e);
            throw e;
        }
    }

    /**
     * The map of an open store: its incident index comes from {@code index} while the basemap is read;
     * the records a click shows are read from {@code store}, which must stay open while the map is used.
     */
    LoadedMap loadMap(IncidentStore store, IncidentIndexLoad index) throws IOException {
        return LoadedMap.load(paths().mapsDir(), index, IncidentRecords.of(store),
                ImportedStreets.inStore(store.file()), ahead);
    }

    /** A store open for viewing and the map drawn from it; closing it closes the store. */
    record OpenMap(IncidentStore store, LoadedMap map) implements AutoCloseable {
        @Override
        public void close() {
            store.close();
        }
    }

    /**
     * The chosen store open for viewing and its map, the incident index narrowed by {@code keep}: the
     * index is read while the store opens ({@link #startIndex}, {@link #openForViewing(IncidentIndexLoad)},
     * {@link #loadMap(IncidentStore, IncidentIndexLoad)}).
     */
    OpenMap openMap(UnaryOperator<IncidentIndex> keep) throws StoreException, IOException {
        IncidentIndexLoad index = startIndex(keep);
        IncidentStore store = openForViewing(index);
        try {
            return new OpenMap(store, loadMap(store, index));
        } catch (Throwable e) {
            try {
                store.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Whether --db names a record on a server. */
    boolean onServer() {
        return server != null;
    }

    /** The record on the server --db names, connected; the password from PGPASSWORD or the password file. */
    PgRecords openServer() throws StoreException {
        return PgRecords.connect(server, System.getenv());
    }

    /** The map of the record on the server --db names: its index streamed from the server while the basemap is read. */
    ServerMap openServerMap() throws StoreException, IOException {
        return ServerMap.open(this::openServer, paths().mapsDir(), ahead);
    }

    /**
     * Refuses a server where the command works on a GeoPackage only: otherwise it would silently use the
     * default store.
     */
    void fileOnly() {
        if (server != null) {
            throw new CommandLine.ParameterException(command.commandLine(), "--db " + server.uri()
                    + ": this command works on a GeoPackage file only so far; on a server, the window, init, incidents,"
                    + " export, history, bench and copy work (copy --from " + server.uri() + " --to FILE.gpkg makes a file of the record)");
        }
    }

    /** The file of the store named by --db, or of the default store (which must have been opened before). */
    Path storeFile() {
        fileOnly();
        return db != null ? db : paths().defaultStore();
    }
}
