package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StreetLayerReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import-osm} end to end, and what {@code identify} and {@code snapshot} make of the result. */
class ImportOsmCommandTest {

    private static final Path OSM = Path.of("src/test/resources/osm");

    @TempDir
    Path tmp;

    private Path db;

    private record Result(int code, String out, String err) {
    }

    @BeforeEach
    void seed() throws Exception {
        db = tmp.resolve("s.gpkg");
        IncidentStore.openOrCreate(db, Path.of("data/incidents.json")).close();
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void importsAndThenIdentifyNamesTheImportedStreet() throws Exception {
        Result r = run("import-osm", OSM.resolve("small.osm").toString(), "--db", db.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("osm_roads 4"), r.out());
        assertTrue(r.out().contains("elements/s"), r.out());
        Result id = run("identify", "--db", db.toString(), "--lon", "71.3660", "--lat", "42.8980", "--scale", "5000");
        assertEquals(0, id.code(), id.err());
        JsonNode hits = new ObjectMapper().readTree(id.out());
        boolean found = false;
        for (JsonNode h : hits) {
            if (h.get("layer").asText().equals("osm-roads")) {
                assertEquals("Abai street", h.get("attributes").get("name").asText());
                found = true;
            }
        }
        assertTrue(found, id.out());
    }

    @Test
    void aBoxLimitsTheImport() throws Exception {
        Result r = run("import-osm", OSM.resolve("small.osm").toString(), "--db", db.toString(), "--bbox",
                "71.359,42.900,71.363,42.903");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, StreetLayerReader.readAll(db).size());
    }

    @Test
    void aRealBzip2ExtractImports() throws Exception {
        Result r = run("import-osm", OSM.resolve("west-oakland.osm.bz2").toString(), "--db", db.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("read 446 nodes, 66 ways, 23 relations"), r.out());
        assertTrue(r.out().contains("osm_roads 33 osm_buildings 23 osm_landuse 11 osm_water 0 osm_pois 12"), r.out());
    }

    @Test
    void aCutOffBzip2ExtractIsReportedAndNothingIsStored() throws Exception {
        byte[] whole = Files.readAllBytes(OSM.resolve("west-oakland.osm.bz2"));
        Path cut = tmp.resolve("cut.osm.bz2");
        Files.write(cut, java.util.Arrays.copyOf(whole, 8000));
        byte[] before = Files.readAllBytes(db);
        Result r = run("import-osm", cut.toString(), "--db", db.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("cut.osm.bz2: damaged or truncated bzip2 data near byte"), r.err());
        assertArrayEquals(before, Files.readAllBytes(db));
    }

    @Test
    void aBrokenFileIsReportedWithLineAndNothingIsStored() throws Exception {
        byte[] before = Files.readAllBytes(db);
        Result r = run("import-osm", OSM.resolve("broken.osm").toString(), "--db", db.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("broken.osm:8:"), r.err());
        assertTrue(r.err().contains("<way id=\"100\">"), r.err());
        assertArrayEquals(before, Files.readAllBytes(db));
    }

    @Test
    void theErrorStartsOnALineOfItsOwnAfterTheProgressLine() throws Exception {
        Result r = run("import-osm", OSM.resolve("broken.osm").toString(), "--db", db.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("\rReading relations"), r.err());
        assertTrue(r.err().contains("%" + System.lineSeparator() + "import-osm: error: "), r.err());
    }

    @Test
    void aWayGivenTwiceNamesTheExtractNotTheStore() throws Exception {
        String small = Files.readString(OSM.resolve("small.osm"));
        int from = small.indexOf("<way id=\"101\">");
        int to = small.indexOf("</way>", from) + "</way>".length();
        Path twice = tmp.resolve("o.osm");
        Files.writeString(twice, small.substring(0, to) + "\n  " + small.substring(from, to) + small.substring(to));
        byte[] before = Files.readAllBytes(db);
        Result r = run("import-osm", twice.toString(), "--db", db.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(System.lineSeparator() + "import-osm: error: " + twice + ": way 101 appears twice in"
                + " the file, at line 41 and at line 46; "), r.err());
        assertFalse(r.err().contains("SQLITE"), r.err());
        assertArrayEquals(before, Files.readAllBytes(db));
    }

    @Test
    void anEmptyFileIsReported() {
        Result r = run("import-osm", OSM.resolve("empty.osm").toString(), "--db", db.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("empty file"), r.err());
    }

    @Test
    void badArgumentsExitWithTwoAndTouchNothing() throws Exception {
        byte[] before = Files.readAllBytes(db);
        Result missing = run("import-osm", tmp.resolve("nowhere.osm").toString(), "--db", db.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nowhere.osm: no such file"), missing.err());
        Result box = run("import-osm", OSM.resolve("small.osm").toString(), "--db", db.toString(), "--bbox", "71,42,70,43");
        assertEquals(2, box.code());
        assertTrue(box.err().contains("--bbox"), box.err());
        assertArrayEquals(before, Files.readAllBytes(db));
    }

    @Test
    void snapshotAtStreetScale() throws Exception {
        Path png = tmp.resolve("market.png");
        Result r = run("snapshot", "--db", db.toString(), "--city", "Taraz", "--scale", "5000", "--width", "400",
                "--height", "300", "--out", png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote " + png), r.out());
        assertTrue(Files.size(png) > 0);
        Result bad = run("snapshot", "--db", db.toString(), "--scale", "10", "--out", tmp.resolve("x.png").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--scale 10"), bad.err());
        assertFalse(Files.exists(tmp.resolve("x.png")));
    }
}
