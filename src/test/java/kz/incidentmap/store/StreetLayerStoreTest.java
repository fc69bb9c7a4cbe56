package kz.incidentmap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.model.StreetLayer;
import kz.incidentmap.osm.ImportProgress;
import kz.incidentmap.osm.OsmFormatException;
import kz.incidentmap.osm.OsmImporter;
import kz.incidentmap.osm.SyntheticExtract;
import org.locationtech.jts.geom.Envelope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The street tables: created on demand by an import, GeoPackage-registered, all or nothing. */
class StreetLayerStoreTest {

    private static final Path SMALL = Path.of("src/test/resources/osm/small.osm");

    @TempDir
    Path tmp;

    private Path db;

    @BeforeEach
    void seed() throws Exception {
        db = tmp.resolve("s.gpkg");
        IncidentStore.openOrCreate(db, Path.of("data/incidents.json")).close();
    }

    private void importFile(Path osm) throws Exception {
        try (IncidentStore store = IncidentStore.open(db);
                StreetLayerWriter w = store.streetWriter(osm.getFileName().toString(), 0)) {
            OsmImporter.run(osm, null, w, ImportProgress.NONE);
            w.commit();
        }
    }

    private static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    @Test
    void aNewStoreHasNoStreetTablesAndReadsAsEmpty() throws Exception {
        assertEquals(List.of(), StreetLayerReader.readAll(db));
        try (Connection c = StoreConnections.openReadOnly(db)) {
            assertEquals(0, count(c, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'osm_%'"));
        }
    }

    @Test
    void importCreatesRegisteredIndexedTables() throws Exception {
        importFile(SMALL);
        try (Connection c = StoreConnections.openReadOnly(db)) {
            for (StreetLayer layer : StreetLayer.values()) {
                String t = layer.table();
                assertEquals(1, count(c, "SELECT count(*) FROM gpkg_contents WHERE table_name = ? AND data_type = 'features'"
                        + " AND srs_id = 4326", t), t);
                assertEquals(1, count(c, "SELECT count(*) FROM gpkg_geometry_columns WHERE table_name = ?"
                        + " AND column_name = 'geom' AND geometry_type_name = ?", t, layer.geometryType()), t);
                assertEquals(1, count(c, "SELECT count(*) FROM gpkg_extensions WHERE table_name = ?"
                        + " AND extension_name = 'gpkg_rtree_index'", t), t);
                assertEquals(count(c, "SELECT count(*) FROM " + t),
                        count(c, "SELECT count(*) FROM rtree_" + t + "_geom"), t + " rows and index entries");
            }
            assertEquals(4, count(c, "SELECT count(*) FROM osm_roads"));
            assertEquals(1, count(c, "SELECT count(*) FROM gpkg_contents WHERE table_name = 'osm_roads'"
                    + " AND min_x <= 71.3650 AND max_x >= 71.3690 AND min_y <= 42.896 AND max_y >= 42.900"));
            assertEquals(String.valueOf(GeoPackageSchema.SCHEMA_VERSION),
                    String.valueOf(count(c, "SELECT value FROM kim_metadata WHERE key = 'schema_version'")),
                    "the incident schema version is left alone");
        }
        List<StreetFeature> read = StreetLayerReader.readAll(db);
        StreetFeature abai = read.stream().filter(f -> f.osmId().equals("w100")).findFirst().orElseThrow();
        assertEquals("Абай көшесі", abai.nameKk());
        assertEquals(71.3650, abai.geometry().getCoordinates()[0].x, 1e-9);
        assertEquals("MultiPolygon", read.stream().filter(f -> f.layer() == StreetLayer.BUILDINGS).findFirst()
                .orElseThrow().geometry().getGeometryType());
        try (IncidentStore store = IncidentStore.open(db)) {
            assertTrue(store.count() > 0, "the store still opens as an incident store");
        }
    }

    @Test
    void importingAgainReplacesInsteadOfDuplicating() throws Exception {
        importFile(SMALL);
        int first = StreetLayerReader.readAll(db).size();
        importFile(SMALL);
        assertEquals(first, StreetLayerReader.readAll(db).size());
        try (Connection c = StoreConnections.openReadOnly(db)) {
            assertEquals(count(c, "SELECT count(*) FROM osm_roads"), count(c, "SELECT count(*) FROM rtree_osm_roads_geom"));
        }
    }

    /**
     * A town large enough that its R-trees are packed in one go at the commit, imported twice (the second
     * time replacing every row): each index holds exactly its table's rows with their boxes, passes
     * SQLite's own check, and takes ordinary inserts again through its trigger.
     */
    @Test
    void bulkWrittenIndexesHoldEveryRowWithItsBox() throws Exception {
        Path town = tmp.resolve("town.osm.pbf");
        new SyntheticExtract(20_000).writePbf(town);
        importFile(town);
        importFile(town);
        try (Connection c = StoreConnections.openReadWrite(db); Statement s = c.createStatement()) {
            for (StreetLayer layer : StreetLayer.values()) {
                String t = layer.table();
                String rtree = "rtree_" + t + "_geom";
                assertEquals("ok", string(s, "SELECT rtreecheck('" + rtree + "')"), t);
                assertEquals(count(c, "SELECT count(*) FROM " + t), count(c, "SELECT count(*) FROM " + rtree), t);
                assertEquals(1, count(c, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                        rtree + "_insert"), t + ": the insert trigger is back");
                try (ResultSet rs = s.executeQuery("SELECT f.geom, r.minx, r.maxx, r.miny, r.maxy FROM " + t
                        + " f JOIN " + rtree + " r ON r.id = f.fid")) {
                    while (rs.next()) {
                        Envelope e = GeoPackageGeometry.decode(rs.getBytes(1)).getEnvelopeInternal();
                        assertTrue(rs.getDouble(2) <= e.getMinX() && rs.getDouble(3) >= e.getMaxX()
                                && rs.getDouble(4) <= e.getMinY() && rs.getDouble(5) >= e.getMaxY()
                                && rs.getDouble(3) - rs.getDouble(2) <= e.getWidth() + 1e-4, t + ": box of its row");
                    }
                }
            }
            assertTrue(count(c, "SELECT count(*) FROM osm_buildings") > 1_000, "enough rows to be packed");
            s.execute("INSERT INTO osm_roads (geom, osm_id, kind, type) SELECT geom, 'w-1', kind, type FROM osm_roads"
                    + " LIMIT 1");
            assertEquals(count(c, "SELECT count(*) FROM osm_roads"), count(c, "SELECT count(*) FROM rtree_osm_roads_geom"));
        }
    }

    private static String string(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void aBrokenFileStoresNothingNotEvenTheTables() throws Exception {
        byte[] before = Files.readAllBytes(db);
        assertThrows(OsmFormatException.class, () -> importFile(Path.of("src/test/resources/osm/truncated.osm")));
        try (Connection c = StoreConnections.openReadOnly(db)) {
            assertEquals(0, count(c, "SELECT count(*) FROM sqlite_master WHERE name LIKE '%osm_%'"));
            assertEquals(0, count(c, "SELECT count(*) FROM gpkg_contents WHERE table_name LIKE 'osm_%'"));
        }
        assertTrue(Arrays.equals(before, Files.readAllBytes(db)), "the file is byte for byte as before");
    }

    @Test
    void aFailedSecondImportKeepsTheFirst() throws Exception {
        importFile(SMALL);
        int first = StreetLayerReader.readAll(db).size();
        assertThrows(OsmFormatException.class, () -> importFile(Path.of("src/test/resources/osm/broken.osm")));
        assertEquals(first, StreetLayerReader.readAll(db).size());
    }

    @Test
    void aFileThatIsNotAStoreIsRefusedByName() throws Exception {
        Path other = Files.writeString(tmp.resolve("notes.gpkg"), "hello");
        StoreException e = assertThrows(StoreException.class, () -> IncidentStore.open(other));
        assertTrue(e.getMessage().contains("notes.gpkg"), e.getMessage());
        assertFalse(Files.readString(other).contains("osm"));
    }
}
