package kz.incidentmap.store.pg;

import java.util.Map;
import kz.incidentmap.store.RecordStore;
import kz.incidentmap.store.RecordStoreContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** The record contract on a PostgreSQL/PostGIS server: each test on a database of its own. */
@ExtendWith(ScratchServer.class)
class PgRecordsContractTest extends RecordStoreContract {

    private final ScratchServer.Server server;

    PgRecordsContractTest(ScratchServer.Server server) {
        this.server = server;
    }

    @Override
    protected RecordStore fresh() throws Exception {
        return PgRecords.connect(server.newDatabase(true), Map.of());
    }

    @Override
    protected RecordStore reopen(RecordStore s) throws Exception {
        s.close();
        return PgRecords.connect(((PgRecords) s).address(), Map.of());
    }

    @Override
    protected boolean untouched(RecordStore s) throws Exception {
        try (var c = server.connect(((PgRecords) s).address().database()); var st = c.createStatement();
                var rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                        + " AND tablename <> 'spatial_ref_sys'")) {
            return rs.next() && rs.getInt(1) == 0;
        }
    }

    @Override
    protected RecordStore older() throws Exception {
        return fresh(); // version 0: PostGIS and no tables of ours
    }

    @Override
    protected int olderIncidents() {
        return 0;
    }

    @Override
    protected int schemaVersion(RecordStore s) throws Exception {
        return ((PgRecords) s).schemaVersion();
    }

    @Override
    protected int currentVersion() {
        return PgSchema.SCHEMA_VERSION;
    }
}
