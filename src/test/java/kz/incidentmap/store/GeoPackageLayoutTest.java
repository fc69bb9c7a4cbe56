package kz.incidentmap.store;

import static kz.incidentmap.store.StoreFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store file is laid out as a GeoPackage 1.2 with an R-tree index that follows every change. */
class GeoPackageLayoutTest {

    @TempDir
    Path dir;

    private Path db;

    @BeforeEach
    void create() throws StoreException {
        db = seededStore(dir);
    }

    private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Object single(Connection c, String sql) throws SQLException {
        return rows(c, sql).get(0).get(0);
    }

    @Test
    void sqliteHeaderSaysGeoPackage12() throws Exception {
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(db)).order(ByteOrder.BIG_ENDIAN);
        assertEquals(0x47504B47, header.getInt(68), "application_id 'GPKG'");
        assertEquals(10200, header.getInt(60), "user_version");
        // Bytes 16-17: the page size, big-endian, where 1 stands for 65,536.
        int pageSize = header.getShort(16) & 0xFFFF;
        assertEquals(StoreCreator.PAGE_SIZE, pageSize == 1 ? 65_536 : pageSize, "page size");
    }

    @Test
    void coreTablesHoldTheRequiredRows() throws Exception {
        try (Connection c = StoreConnections.openReadOnly(db)) {
            assertEquals(List.of(List.of(-1, "NONE", -1, "undefined"), List.of(0, "NONE", 0, "undefined")),
                    rows(c, "SELECT srs_id, organization, organization_coordsys_id, definition"
                            + " FROM gpkg_spatial_ref_sys WHERE srs_id IN (-1, 0) ORDER BY srs_id"));
            String wkt = (String) single(c, "SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = 4326");
            assertTrue(wkt.startsWith("GEOGCS[\"WGS 84\"") && wkt.endsWith("AUTHORITY[\"EPSG\",\"4326\"]]"));
            Map<String, String> contents = new HashMap<>();
            for (List<Object> r : rows(c, "SELECT table_name, data_type FROM gpkg_contents")) {
                contents.put((String) r.get(0), (String) r.get(1));
            }
            assertEquals(Map.ofEntries(Map.entry("incidents", "features"), Map.entry("sources", "attributes"),
                    Map.entry("claims", "attributes"), Map.entry("incident_sources", "attributes"),
                    Map.entry("incident_points", "attributes"), Map.entry("kim_metadata", "attributes"),
                    Map.entry("incident_vocabulary", "attributes"), Map.entry("source_copies", "attributes"),
                    Map.entry("incident_aliases", "attributes"), Map.entry("not_duplicates", "attributes"),
                    Map.entry("kim_my_places", "attributes"), Map.entry("events", "attributes"),
                    Map.entry("event_members", "attributes")),
                    contents);
            assertEquals(List.of(List.of("incidents", "geom", "POINT", 4326, 0, 0)),
                    rows(c, "SELECT * FROM gpkg_geometry_columns"));
            assertEquals(List.of(List.of("incidents", "geom", "gpkg_rtree_index", "write-only")),
                    rows(c, "SELECT table_name, column_name, extension_name, scope FROM gpkg_extensions"));
            String lastChange = (String) single(c, "SELECT last_change FROM gpkg_contents WHERE table_name = 'incidents'");
            assertTrue(lastChange.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), lastChange);
        }
    }

    @Test
    void contentsExtentIsTheExactExtentOfTheIncidents() throws Exception {
        try (Connection c = StoreConnections.openReadOnly(db)) {
            List<Object> e = rows(c, "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents"
                    + " WHERE table_name = 'incidents'").get(0);
            assertEquals(List.of(51.88333, 42.897, 76.92861, 51.1801), e);
        }
    }

    @Test
    void rtreeHasOneEntryPerIncidentEnclosingItsPoint() throws Exception {
        try (Connection c = StoreConnections.openReadOnly(db)) {
            assertEquals(16, single(c, "SELECT count(*) FROM rtree_incidents_geom"));
            for (List<Object> r : rows(c, "SELECT i.geom, r.minx, r.maxx, r.miny, r.maxy FROM incidents i"
                    + " JOIN rtree_incidents_geom r ON r.id = i.fid")) {
                double[] env = GeoPackageGeometry.envelope((byte[]) r.get(0));
                assertTrue((Double) r.get(1) <= env[0] && (Double) r.get(2) >= env[1]);
                assertTrue((Double) r.get(3) <= env[2] && (Double) r.get(4) >= env[3]);
                // SQLite's R-tree keeps 32-bit floats, rounded outwards: about two float steps at 71 degrees.
                assertEquals(env[0], (Double) r.get(1), 2e-5);
                assertEquals(env[2], (Double) r.get(3), 2e-5);
            }
            Set<String> triggers = new TreeSet<>();
            rows(c, "SELECT name FROM sqlite_master WHERE type = 'trigger'").forEach(r -> triggers.add((String) r.get(0)));
            assertEquals(Set.of("rtree_incidents_geom_insert", "rtree_incidents_geom_update1",
                    "rtree_incidents_geom_update2", "rtree_incidents_geom_update3", "rtree_incidents_geom_update4",
                    "rtree_incidents_geom_delete"), triggers);
        }
    }

    @Test
    void geometryBlobsAreLittleEndianWithEnvelope() throws Exception {
        try (Connection c = StoreConnections.openReadOnly(db)) {
            byte[] blob = (byte[]) single(c, "SELECT geom FROM incidents WHERE uuid = '" + TARAZ_BLAST + "'");
            assertEquals('G', blob[0]);
            assertEquals('P', blob[1]);
            assertEquals(0, blob[2]);
            assertEquals(0x03, blob[3], "little-endian, envelope code 1");
            ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(4326, b.getInt(4));
            assertEquals(71.367, b.getDouble(8));
            assertEquals(71.367, b.getDouble(16));
            assertEquals(42.897, b.getDouble(24));
            assertEquals(42.897, b.getDouble(32));
            assertEquals(1, blob[40], "WKB little-endian");
            assertEquals(1, b.getInt(41), "WKB point");
            assertEquals(61, blob.length);
        }
    }

    @Test
    void triggersKeepTheIndexInStepWithEdits() throws Exception {
        try (IncidentStore store = IncidentStore.open(db)) {
            assertEquals(7, store.within(71.2, 42.8, 71.5, 43.0).size());
        }
        try (Connection c = StoreConnections.openReadWrite(db)) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE incidents SET geom = ? WHERE uuid = ?")) {
                ps.setBytes(1, GeoPackageGeometry.encodePoint(10.0, 10.0, 4326));
                ps.setString(2, TARAZ_BLAST);
                assertEquals(1, ps.executeUpdate());
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM incidents WHERE uuid = ?")) {
                ps.setString(1, TARAZ_TOTAL);
                assertEquals(1, ps.executeUpdate());
            }
            assertEquals(15, single(c, "SELECT count(*) FROM rtree_incidents_geom"));
            assertEquals(0, single(c, "SELECT count(*) FROM claims WHERE incident_uuid = '" + TARAZ_TOTAL + "'"),
                    "claims follow their incident");
        }
        try (IncidentStore store = IncidentStore.open(db)) {
            assertEquals(5, store.within(71.2, 42.8, 71.5, 43.0).size());
            assertEquals(TARAZ_BLAST, store.within(9.9, 9.9, 10.1, 10.1).get(0).id());
        }
    }

    @Test
    void foreignKeysAreEnforced() throws Exception {
        try (Connection c = StoreConnections.openReadWrite(db);
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO claims (incident_uuid, source_key, seq) VALUES (?, ?, 0)")) {
            ps.setString(1, TARAZ_BLAST);
            ps.setString(2, "no-such-source");
            assertThrows(SQLException.class, ps::executeUpdate);
        }
    }
}
