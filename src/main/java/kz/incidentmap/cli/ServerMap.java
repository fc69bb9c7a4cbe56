package kz.incidentmap.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.ImportedStreets;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.IncidentIndexLoad;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.MapsAhead;
import kz.incidentmap.store.StoreException;
import kz.incidentmap.store.pg.PgRecords;

/**
 * The map of a record on a server: the incident index built from the points the server streams (binary
 * COPY), read on a thread of its own while the basemap is read on this one, as a file's; the records a
 * click shows read from the server by row id. Closing it closes the connections.
 */
record ServerMap(PgRecords server, LoadedMap map) implements AutoCloseable {

    /**
     * Opens the map of the record {@code connect} connects to: one connection for the records a click
     * reads, a second, closed once read, for the index.
     */
    static ServerMap open(Connect connect, Path mapsDir, MapsAhead ahead) throws StoreException, IOException {
        PgRecords server = connect.open();
        try {
            IncidentIndexLoad index = IncidentIndexLoad.reading(() -> {
                try (PgRecords reading = connect.open()) {
                    return index(reading);
                }
            });
            // Street layers stay in files for now: a record on a server has none to add.
            LoadedMap map = LoadedMap.load(mapsDir, index, new ServerRecords(server), ImportedStreets.of(List.of()),
                    ahead);
            return new ServerMap(server, map);
        } catch (StoreException | IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The index of every incident with a position on the server. */
    static IncidentIndex index(PgRecords server) throws StoreException {
        return IncidentIndex.of(server.points(), MapProjection.kazakhstan());
    }

    /** Opens a connection to the record. */
    @FunctionalInterface
    interface Connect {
        PgRecords open() throws StoreException;
    }

    @Override
    public void close() {
        server.close();
    }
}
