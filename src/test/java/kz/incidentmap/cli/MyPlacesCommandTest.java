package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The places command, its errors, the filter's --of place:NAME, and places kept out of every export. */
class MyPlacesCommandTest {

    /** Near Taraz, where the seed has incidents. */
    private static final String LON = "71.37";
    private static final String LAT = "42.9";

    @TempDir
    Path dir;

    private String db;

    @BeforeEach
    void seedStore() throws Exception {
        Path store = dir.resolve("s.gpkg");
        IncidentStore.openOrCreate(store, Path.of("data/incidents.json")).close();
        db = store.toString();
    }

    private static int exported(TestCli.Result r) {
        Matcher m = Pattern.compile("Exported (\\d+) incidents").matcher(r.out());
        assertTrue(m.find(), r.out() + r.err());
        return Integer.parseInt(m.group(1));
    }

    private TestCli.Result addLived() {
        return TestCli.run("places", "add", "where I lived", "--lon", LON, "--lat", LAT, "--rings", "200,1000", "--db", db);
    }

    @Test
    void addListRenameDelete() {
        TestCli.Result none = TestCli.run("places", "--db", db);
        assertEquals(0, none.code(), none.err());
        assertTrue(none.out().contains("has no places of yours"), none.out());
        assertEquals(0, addLived().code());
        TestCli.Result office = TestCli.run("places", "add", "the office", "--lon", "71.4", "--lat", "42.95", "--db", db);
        assertEquals(0, office.code(), office.err());
        String list = TestCli.run("places", "--db", db).out();
        assertTrue(list.contains("where I lived\t71.370000,42.900000\trings 200,1000 m"), list);
        assertTrue(list.contains("the office\t71.400000,42.950000\trings 200,1000,5000 m"), list);
        assertTrue(list.indexOf("the office") < list.indexOf("where I lived"), "by name: " + list);
        assertEquals(0, TestCli.run("places", "rename", "THE OFFICE", "the old office", "--db", db).code());
        assertEquals(0, TestCli.run("places", "delete", "where i lived", "--db", db).code());
        list = TestCli.run("places", "--db", db).out();
        assertTrue(list.contains("the old office") && !list.contains("where I lived"), list);
    }

    @Test
    void errorsNameWhatIsWrongAndChangeNothing() throws Exception {
        assertEquals(0, addLived().code());
        byte[] before = Files.readAllBytes(Path.of(db));

        TestCli.Result twice = TestCli.run("places", "add", "Where I Lived", "--lon", "70", "--lat", "45", "--db", db);
        assertNotEquals(0, twice.code());
        assertTrue(twice.err().contains("there is a place of that name already"), twice.err());

        TestCli.Result rings = TestCli.run("places", "add", "flat", "--lon", "70", "--lat", "45", "--rings", "abc", "--db", db);
        assertNotEquals(0, rings.code());
        assertTrue(rings.err().contains("'abc' is not a whole number of metres"), rings.err());

        TestCli.Result negative = TestCli.run("places", "add", "flat", "--lon", "70", "--lat", "45", "--rings", "-5", "--db", db);
        assertNotEquals(0, negative.code());
        assertTrue(negative.err().contains("rings are 1 to"), negative.err());

        TestCli.Result far = TestCli.run("places", "add", "flat", "--lon", "200", "--lat", "45", "--db", db);
        assertNotEquals(0, far.code());
        assertTrue(far.err().contains("is not a longitude,latitude"), far.err());

        TestCli.Result unknown = TestCli.run("places", "delete", "nowhere", "--db", db);
        assertNotEquals(0, unknown.code());
        assertTrue(unknown.err().contains("has no place of that name"), unknown.err());

        TestCli.Result filter = TestCli.run("export", "--db", db, "--within", "2", "--of", "place:nowhere",
                "--out", dir.resolve("n.csv").toString());
        assertNotEquals(0, filter.code());
        assertTrue(filter.err().contains("--of place:nowhere: the store has no place of yours named 'nowhere'"), filter.err());
        assertFalse(Files.exists(dir.resolve("n.csv")));

        assertEquals(1, TestCli.run("places", "--db", db).out().lines().count(), "still only the first place");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(Path.of(db))), "the store is as it was");
    }

    @Test
    void theFilterMeasuresFromAPlaceOfYoursAsFromItsPoint() {
        assertEquals(0, addLived().code());
        int byPlace = exported(TestCli.run("export", "--db", db, "--within", "20", "--of", "place:Where I lived",
                "--out", dir.resolve("p.csv").toString()));
        int byPoint = exported(TestCli.run("export", "--db", db, "--within", "20", "--of", LON + "," + LAT,
                "--out", dir.resolve("q.csv").toString()));
        int all = exported(TestCli.run("export", "--db", db, "--out", dir.resolve("all.csv").toString()));
        assertEquals(byPoint, byPlace);
        assertTrue(byPlace > 0 && byPlace < all, byPlace + " of " + all);
    }

    @Test
    void aSavedViewKeepsTheAreaRoundAPlaceOfYours() {
        assertEquals(0, addLived().code());
        TestCli.Result saved = TestCli.run("views", "save", "Near home", "--within", "20", "--of", "place:where I lived",
                "--db", db);
        assertEquals(0, saved.code(), saved.err());
        // The view keeps the point itself: it still shows that area if the place is renamed or deleted.
        assertEquals(0, TestCli.run("places", "delete", "where I lived", "--db", db).code());
        String list = TestCli.run("views", "--db", db).out();
        assertTrue(list.contains("--within 20 --of 71.37,42.9"), list);
        int byView = exported(TestCli.run("export", "--db", db, "--view", "Near home", "--out", dir.resolve("v.csv").toString()));
        int byPoint = exported(TestCli.run("export", "--db", db, "--within", "20", "--of", LON + "," + LAT,
                "--out", dir.resolve("q.csv").toString()));
        assertEquals(byPoint, byView);
    }

    @Test
    void noExportFormatWritesThePlaces() throws Exception {
        assertEquals(0, addLived().code());
        for (String format : new String[] {"csv", "geojson", "kml"}) {
            Path out = dir.resolve("e." + format);
            assertTrue(exported(TestCli.run("export", "--db", db, "--out", out.toString())) > 0);
            String text = Files.readString(out);
            assertFalse(text.contains("where I lived") || text.contains("kim_my_places"), format + " has the place");
        }
        Path store = dir.resolve("e.gpkg");
        assertTrue(exported(TestCli.run("export", "--db", db, "--out", store.toString())) > 0);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM kim_my_places")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(1), "a store made by an export has no places of the user's");
        }
        assertFalse(new String(Files.readAllBytes(store), java.nio.charset.StandardCharsets.ISO_8859_1).contains("where I lived"));
    }
}
