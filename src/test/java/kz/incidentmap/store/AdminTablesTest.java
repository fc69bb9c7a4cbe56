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
import java.time.LocalDate;
import java.util.List;
import kz.incidentmap.model.AdminArea;
import kz.incidentmap.model.OsmPlace;
import kz.incidentmap.osm.ImportProgress;
import kz.incidentmap.osm.OsmFormatException;
import kz.incidentmap.osm.OsmImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The imported boundaries and places in a store: registered, indexed, dated, all or nothing. */
class AdminTablesTest {

    private static final Path EXTRACT = Path.of("src/test/resources/osm/admin-boundaries.osm");

    @TempDir
    Path tmp;

    private Path db;

    @BeforeEach
    void seed() throws Exception {
        db = tmp.resolve("a.gpkg");
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
    void aStoreWithoutImportedBoundariesReadsNone() throws Exception {
        try (StreetLayerQuery q = StreetLayerQuery.open(db)) {
            assertEquals(List.of(), q.boundaries());
            assertEquals(List.of(), q.places());
        }
    }

    @Test
    void boundariesAndPlacesAreStoredInRegisteredIndexedTables() throws Exception {
        importFile(EXTRACT);
        try (Connection c = StoreConnections.openReadOnly(db)) {
            for (String t : List.of(AdminTables.ADMIN, AdminTables.PLACES)) {
                assertEquals(1, count(c, "SELECT count(*) FROM gpkg_contents WHERE table_name = ? AND data_type = 'features'"
                        + " AND srs_id = 4326 AND min_x IS NOT NULL", t), t);
                assertEquals(1, count(c, "SELECT count(*) FROM gpkg_extensions WHERE table_name = ?"
                        + " AND extension_name = 'gpkg_rtree_index'", t), t);
                assertEquals(count(c, "SELECT count(*) FROM " + t), count(c, "SELECT count(*) FROM rtree_" + t + "_geom"), t);
            }
            assertEquals(4, count(c, "SELECT count(*) FROM osm_admin"));
            assertEquals(2, count(c, "SELECT count(*) FROM osm_admin WHERE admin_level = 6"));
            assertEquals(4, count(c, "SELECT count(*) FROM osm_admin WHERE extract_date = '2026-11-30'"));
            assertEquals(4, count(c, "SELECT count(*) FROM osm_places"));
            assertEquals(1, count(c, "SELECT count(*) FROM osm_places WHERE population IS NULL"), "Townsk's is unknown");
            // The street tables' R-tree search finds Oblast B by a box on its eastern edge.
            assertEquals(2, count(c, "SELECT count(*) FROM rtree_osm_admin_geom WHERE minx <= 74 AND maxx >= 73.9"
                    + " AND miny <= 45 AND maxy >= 45"));
        }
        try (StreetLayerQuery q = StreetLayerQuery.open(db)) {
            List<AdminArea> b = q.boundaries();
            assertEquals(List.of(4, 4, 6, 6), b.stream().map(AdminArea::adminLevel).toList(), "oblasts first");
            assertTrue(b.stream().allMatch(a -> a.geometry().isValid()));
            AdminArea a = b.stream().filter(x -> "Oblast A".equals(x.name())).findFirst().orElseThrow();
            assertEquals(4 - 0.16, a.geometry().getArea(), 1e-6);
            assertEquals(LocalDate.of(2026, 11, 30), a.extractDate());
            assertEquals("А облысы", a.nameKk());
            OsmPlace t = q.places().stream().filter(p -> "Testgrad".equals(p.name())).findFirst().orElseThrow();
            assertEquals("Oldtown", t.oldName());
            assertEquals(120_000, t.population());
            assertEquals("city", t.type());
        }
    }

    @Test
    void importingTheSameExtractAgainReplacesRatherThanDoubles() throws Exception {
        importFile(EXTRACT);
        importFile(EXTRACT);
        try (Connection c = StoreConnections.openReadOnly(db)) {
            assertEquals(4, count(c, "SELECT count(*) FROM osm_admin"));
            assertEquals(4, count(c, "SELECT count(*) FROM rtree_osm_admin_geom"));
            assertEquals(4, count(c, "SELECT count(*) FROM osm_places"));
        }
    }

    @Test
    void aBrokenFileLeavesNoBoundaryTables() throws Exception {
        Path broken = tmp.resolve("broken.osm");
        String text = Files.readString(EXTRACT);
        // Cut inside the relations: the boundaries' ways were read, the file ends badly.
        Files.writeString(broken, text.substring(0, text.indexOf("<relation id=\"602\"")));
        assertThrows(OsmFormatException.class, () -> importFile(broken));
        try (Connection c = StoreConnections.openReadOnly(db)) {
            assertEquals(0, count(c, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'osm_%'"));
        }
    }
}
