package kz.incidentmap.cli;

import java.io.IOException;
import java.util.Map;
import java.util.OptionalLong;
import kz.incidentmap.layers.IncidentRecords;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Vocabulary;
import kz.incidentmap.store.IncidentOrder;
import kz.incidentmap.store.StoreException;
import kz.incidentmap.store.pg.PgRecords;

/**
 * The records behind a map of a record on a server: a click reads the incidents it shows by row id, in
 * one indexed query per table. What the map on a server does not do yet (the table's sorts, a filter on
 * text that reads every record) says so rather than reading millions of records.
 */
final class ServerRecords implements IncidentRecords {

    private final PgRecords server;
    private final Vocabulary vocabulary;

    ServerRecords(PgRecords server) throws StoreException {
        this.server = server;
        this.vocabulary = server.vocabulary();
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public Map<Long, Incident> byRows(long[] rowIds) throws IOException {
        try {
            return server.byRowIds(rowIds);
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public OptionalLong rowOf(String id) throws IOException {
        throw notYet("finding an incident by its id");
    }

    @Override
    public void forEach(Visitor visitor) throws IOException {
        throw notYet("reading every record");
    }

    @Override
    public long[] orderedBy(IncidentOrder order) throws IOException {
        throw notYet("sorting the records");
    }

    private IOException notYet(String what) {
        return new IOException(server.where() + ": " + what + " is not built for a record on a server yet");
    }
}
