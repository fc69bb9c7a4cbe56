package kz.incidentmap.store;

import static kz.incidentmap.store.StoreFixtures.seededStore;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.osm.ImportProgress;
import kz.incidentmap.osm.OsmImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every table of ours that a GIS program lists opens there: gpkg_contents lists it (GDAL shows only the
 * tables listed there; QGIS shows every table and fails on one that is not), and it has the INTEGER
 * primary key a GeoPackage table needs. A store made by an earlier version is put right when next
 * opened for editing. ({@code .ci/run} checks the same with GDAL itself.)
 */
class GeoPackageTablesTest {

    @TempDir
    Path dir;

    private static List<List<String>> layout(Path db) throws Exception {
        try (Connection c = StoreConnections.openReadOnly(db)) {
            return List.of(StoreVerifier.unregisteredTables(c), StoreVerifier.tablesWithoutRowIds(c));
        }
    }

    private static List<String> metadata(Path db) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = StoreConnections.openReadOnly(db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT key, value FROM kim_metadata ORDER BY key")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "=" + rs.getString(2));
            }
        }
        return rows;
    }

    @Test
    void aNewStoreAndItsStreetTablesAreAllRegistered() throws Exception {
        Path db = seededStore(dir);
        assertEquals(List.of(List.of(), List.of()), layout(db));
        try (IncidentStore store = IncidentStore.open(db);
                StreetLayerWriter w = store.streetWriter("small.osm", 0)) {
            OsmImporter.run(Path.of("src/test/resources/osm/small.osm"), null, w, ImportProgress.NONE);
            w.commit();
        }
        assertEquals(List.of(List.of(), List.of()), layout(db));
        assertEquals(List.of(), StoreVerifier.problems(db));
    }

    @Test
    void aStoreOfAnEarlierVersionIsPutRightWhenOpenedForEditing() throws Exception {
        Path db = seededStore(dir);
        try (Connection c = StoreConnections.openReadWrite(db); Statement s = c.createStatement()) {
            s.execute("DELETE FROM gpkg_contents WHERE table_name IN ('incident_points', 'kim_metadata')");
            s.execute("CREATE TABLE old_metadata (key TEXT NOT NULL PRIMARY KEY, value TEXT)");
            s.execute("INSERT INTO old_metadata SELECT key, value FROM kim_metadata");
            s.execute("INSERT INTO old_metadata VALUES ('note', 'kept')");
            s.execute("DROP TABLE kim_metadata");
            s.execute("ALTER TABLE old_metadata RENAME TO kim_metadata");
        }
        assertEquals(List.of(List.of("incident_points", "kim_metadata"), List.of()), layout(db));
        byte[] before = Files.readAllBytes(db);
        IncidentStore.openForViewing(db).close();
        assertArrayEquals(before, Files.readAllBytes(db), "viewing changes nothing");

        IncidentStore.open(db).close();
        assertEquals(List.of(List.of(), List.of()), layout(db));
        assertEquals(List.of("note=kept", "schema_version=" + GeoPackageSchema.SCHEMA_VERSION), metadata(db));
        assertEquals(List.of(), StoreVerifier.problems(db));
    }
}
