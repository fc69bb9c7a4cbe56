package kz.incidentmap.store;

import static kz.incidentmap.store.StoreFixtures.seededStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import kz.incidentmap.model.SavedView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedViewsTest {

    @TempDir
    Path dir;

    private static SavedView view(String name, String filter) {
        return new SavedView(name, 71.2, 42.8, 71.5, 43.0, 50_000, filter, "{\"styling\":\"BY_TYPE\"}",
                Instant.parse("2026-12-07T03:00:00Z"));
    }

    @Test
    void viewsAreSavedListedReplacedByNameAndDeleted() throws Exception {
        Path db = seededStore(dir);
        try (IncidentStore s = IncidentStore.open(db)) {
            assertEquals(List.of(), s.views(), "a store nobody saved a view in has none");
            s.saveView(view("Taraz 2011", "{\"from\":\"2011-01-01\"}"));
            s.saveView(view("almaty", "{}"));
            s.saveView(view("TARAZ 2011", "{\"from\":\"2011-05-01\"}"));
            assertEquals(List.of("almaty", "TARAZ 2011"), s.views().stream().map(SavedView::name).toList());
            assertEquals("{\"from\":\"2011-05-01\"}", s.view("taraz 2011").orElseThrow().filter());
            assertTrue(s.deleteView("Almaty"));
            assertFalse(s.deleteView("Almaty"));
        }
        try (IncidentStore s = IncidentStore.openForViewing(db)) {
            SavedView back = s.view("Taraz 2011").orElseThrow();
            assertEquals(71.2, back.minLon());
            assertEquals(43.0, back.maxLat());
            assertEquals(50_000, back.scale());
            assertEquals(Instant.parse("2026-12-07T03:00:00Z"), back.saved());
        }
    }

    @Test
    void theTableIsAnAttributesTableGisProgramsListAndTheIncidentsAreUntouched() throws Exception {
        Path db = seededStore(dir);
        String before = incidentsContents(db);
        try (IncidentStore s = IncidentStore.open(db)) {
            s.saveView(view("Taraz", "{}"));
        }
        try (Connection c = StoreConnections.openReadOnly(db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT data_type FROM gpkg_contents WHERE table_name = 'kim_views'")) {
            assertTrue(rs.next());
            assertEquals("attributes", rs.getString(1));
        }
        assertEquals(List.of(), StoreVerifier.problems(db));
        assertEquals(before, incidentsContents(db), "saving a view is no change of the incidents");
    }

    @Test
    void aStoreOpenForViewingRefusesToSaveByName() throws Exception {
        Path db = seededStore(dir);
        try (IncidentStore s = IncidentStore.openForViewing(db)) {
            StoreException e = assertThrows(StoreException.class, () -> s.saveView(view("Taraz", "{}")));
            assertTrue(e.getMessage().contains("save the view 'Taraz'"), e.getMessage());
            assertTrue(e.getMessage().contains(db.getFileName().toString()), e.getMessage());
        }
    }

    @Test
    void aViewNeedsANameAndABox() {
        assertThrows(IllegalArgumentException.class, () -> view("  ", "{}"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SavedView("x", 72, 42, 71, 43, Double.NaN, "{}", "{}", Instant.now()));
        assertTrue(e.getMessage().contains("west,south,east,north"), e.getMessage());
    }

    private static String incidentsContents(Path db) throws Exception {
        try (Connection c = StoreConnections.openReadOnly(db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT min_x, max_x, last_change FROM gpkg_contents WHERE table_name = 'incidents'")) {
            rs.next();
            return rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3);
        }
    }
}
