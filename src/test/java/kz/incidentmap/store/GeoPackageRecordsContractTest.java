package kz.incidentmap.store;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The record contract on a GeoPackage file. */
class GeoPackageRecordsContractTest extends RecordStoreContract {

    @TempDir
    Path dir;

    private int made;

    @Override
    protected RecordStore fresh() {
        return GeoPackageRecords.at(dir.resolve("store-" + ++made + ".gpkg"));
    }

    @Override
    protected RecordStore reopen(RecordStore s) {
        s.close();
        return GeoPackageRecords.at(Path.of(s.where()));
    }

    @Override
    protected boolean untouched(RecordStore s) throws Exception {
        try (var files = Files.list(dir)) {
            return !Files.exists(Path.of(s.where())) && files.findAny().isEmpty();
        }
    }

    @Override
    protected RecordStore older() throws Exception {
        return GeoPackageRecords.at(StoreFixtures.version4Copy(dir));
    }

    @Override
    protected int olderIncidents() {
        try {
            return Integer.parseInt(StoreFixtures.firstValue(StoreFixtures.V4, "SELECT count(*) FROM incidents"));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected int schemaVersion(RecordStore s) throws Exception {
        return Integer.parseInt(StoreFixtures.firstValue(Path.of(s.where()),
                "SELECT value FROM kim_metadata WHERE key = 'schema_version'"));
    }

    @Override
    protected int currentVersion() {
        return GeoPackageSchema.SCHEMA_VERSION;
    }
}
