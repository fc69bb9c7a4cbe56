package kz.incidentmap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.model.MapLevel;
import kz.incidentmap.osm.ImportProgress;
import kz.incidentmap.osm.OsmFormatException;
import kz.incidentmap.osm.OsmImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

/** The generalised level tables: made by every import from all it stored, registered, valid, all or nothing. */
class StreetLevelTablesTest {

    private static final Path OSM = Path.of("src/test/resources/osm");

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

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /** Rows per level table, in MapLevel order, lines then areas. */
    private List<Long> rows() throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = StoreConnections.openReadOnly(db)) {
            for (MapLevel level : MapLevel.values()) {
                out.add(count(c, "SELECT count(*) FROM " + level.linesTable()));
                out.add(count(c, "SELECT count(*) FROM " + level.areasTable()));
            }
        }
        return out;
    }

    @Test
    void anImportMakesRegisteredIndexedValidLevels() throws Exception {
        importFile(OSM.resolve("small.osm"));
        try (Connection c = StoreConnections.openReadOnly(db)) {
            assertTrue(StreetLevelTables.exist(c));
            for (MapLevel level : MapLevel.values()) {
                for (String t : List.of(level.linesTable(), level.areasTable())) {
                    assertEquals(1, count(c, "SELECT count(*) FROM gpkg_contents WHERE data_type = 'features' AND"
                            + " table_name = '" + t + "'"), t);
                    assertEquals(1, count(c, "SELECT count(*) FROM gpkg_geometry_columns WHERE table_name = '" + t + "'"));
                    assertEquals(count(c, "SELECT count(*) FROM " + t),
                            count(c, "SELECT count(*) FROM rtree_" + t + "_geom"), t + ": every row indexed");
                    try (PreparedStatement ps = c.prepareStatement("SELECT geom FROM " + t);
                            ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Geometry g = GeoPackageGeometry.decode(rs.getBytes(1));
                            assertTrue(g.isValid() && !g.isEmpty(), t + ": " + g);
                        }
                    }
                }
            }
            // Abai street is secondary: on the regional level, not the overview.
            assertEquals(0, count(c, "SELECT count(*) FROM osm_overview_lines WHERE name = 'Abai street'"));
            assertEquals(1, count(c, "SELECT count(*) FROM osm_regional_lines WHERE name = 'Abai street'"));
        }
    }

    @Test
    void theLevelsHoldEveryExtractImportedAndAnImportAgainChangesNothing() throws Exception {
        importFile(OSM.resolve("small.osm"));
        List<Long> small = rows();
        importFile(OSM.resolve("west-oakland.osm.bz2"));
        List<Long> both = rows();
        try (Connection c = StoreConnections.openReadOnly(db)) {
            assertEquals(1, count(c, "SELECT count(*) FROM osm_regional_lines WHERE name = 'Abai street'"));
            assertTrue(count(c, "SELECT count(*) FROM osm_regional_lines WHERE name = '7th Street'") >= 1);
        }
        assertTrue(both.get(2) > small.get(2), both + " after " + small);
        importFile(OSM.resolve("west-oakland.osm.bz2"));
        assertEquals(both, rows(), "rebuilt from the streets, which an import again replaces");
    }

    @Test
    void roadTagsAreStoredAndARoadsTableMadeBeforeThemGetsTheirColumns() throws Exception {
        importFile(OSM.resolve("small.osm"));
        try (Connection c = StoreConnections.openReadWrite(db); java.sql.Statement s = c.createStatement()) {
            for (String column : List.of("ref", "oneway", "layer", "bridge", "tunnel")) {
                s.execute("ALTER TABLE osm_roads DROP COLUMN " + column);
            }
        }
        assertTrue(StreetLayerReader.readAll(db).stream().allMatch(f -> f.road().equals(kz.incidentmap.model.RoadTags.NONE)),
                "a table without the columns reads as roads without tags");
        importFile(OSM.resolve("west-oakland.osm.bz2"));
        List<kz.incidentmap.model.StreetFeature> read = StreetLayerReader.readAll(db);
        assertEquals(2, read.stream().filter(f -> f.road().bridge() && f.road().level() == 1).count());
        assertEquals(8, read.stream().filter(f -> f.road().isOneway()).count());
        try (StreetLayerQuery q = StreetLayerQuery.open(db)) {
            assertEquals(2, q.within(kz.incidentmap.model.StreetLayer.ROADS, -123, 37, -122, 38).stream()
                    .filter(f -> f.road().bridge()).count(), "box queries read them too");
        }
    }

    @Test
    void aFailedImportLeavesTheLevelsAsTheyWere() throws Exception {
        importFile(OSM.resolve("west-oakland.osm.bz2"));
        List<Long> before = rows();
        byte[] whole = Files.readAllBytes(OSM.resolve("west-oakland.osm.bz2"));
        Path cut = Files.write(tmp.resolve("cut.osm.bz2"), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThrows(OsmFormatException.class, () -> importFile(cut));
        assertEquals(before, rows());
    }
}
