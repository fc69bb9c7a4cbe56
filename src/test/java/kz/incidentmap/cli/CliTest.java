package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line end to end: exit codes, messages, files written or not. Every command gets
 * {@code --db} pointing to a store seeded in a temporary folder, never the user's data/incidents.gpkg.
 */
class CliTest {

    private static final Path DEFAULT_STORE = Path.of("data/incidents.gpkg");
    private static final double TARAZ_LON = 71.36667;
    private static final double TARAZ_LAT = 42.9;

    @TempDir
    static Path storeDir;

    @TempDir
    Path tmp;

    private static Path store;
    private static String db;
    private static int storeCount;
    private static boolean defaultStoreExisted;
    private static long defaultStoreModified;

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @BeforeAll
    static void seedStore() throws Exception {
        defaultStoreExisted = Files.exists(DEFAULT_STORE);
        defaultStoreModified = defaultStoreExisted ? Files.getLastModifiedTime(DEFAULT_STORE).toMillis() : 0;
        store = storeDir.resolve("s.gpkg");
        IncidentStore.openOrCreate(store, Path.of("data/incidents.json")).close();
        db = store.toString();
        try (IncidentStore s = IncidentStore.open(store)) {
            storeCount = s.count();
        }
        assertTrue(storeCount > 0, "seeded store is empty");
    }

    @AfterAll
    static void defaultStoreUntouched() throws Exception {
        assertEquals(defaultStoreExisted, Files.exists(DEFAULT_STORE), "the tests created or removed data/incidents.gpkg");
        if (defaultStoreExisted) {
            assertEquals(defaultStoreModified, Files.getLastModifiedTime(DEFAULT_STORE).toMillis(),
                    "the tests changed data/incidents.gpkg");
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private static String[] args(String... a) {
        return a;
    }

    private List<Path> filesIn(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).sorted().toList();
        }
    }

    // ---------------------------------------------------------------- snapshot

    private static BufferedImage readPng(Path file) throws Exception {
        assertTrue(Files.isRegularFile(file), "no PNG at " + file);
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img, "not a readable image: " + file);
        return img;
    }

    @Test
    void aPngWithoutAPageIsAPictureOfExactlyTheSizeAsked() throws Exception {
        Path png = tmp.resolve("blog.png");
        Result r = run("snapshot", "--db", db, "--city", "Taraz", "--width", "640", "--height", "400", "--out",
                png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(PNG picture, 640x400 px): 7 incidents drawn"), r.out());
        BufferedImage img = readPng(png);
        assertEquals(640, img.getWidth());
        assertEquals(400, img.getHeight());
        // The title's light band in the top left corner, the map's cream elsewhere.
        assertTrue((img.getRGB(12, 12) & 0xFF) > 240, "the title band");
        Path page = tmp.resolve("page.png");
        assertEquals(0, run("snapshot", "--db", db, "--city", "Taraz", "--width", "640", "--height", "400",
                "--portrait", "--dpi", "72", "--out", page.toString()).code());
        assertEquals(595, readPng(page).getWidth(), "--portrait asks for a page: A4 at 72 dpi");
    }

    @Test
    void aWordThatIsNeitherACommandNorAStoreIsRefused() {
        Result r = run("snapshto");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'snapshto' is neither a command nor a store file"), r.err());
        Result twice = run(db, "--db", db);
        assertEquals(2, twice.code());
        assertTrue(twice.err().contains("give the store once"), twice.err());
    }

    @Test
    void aPageLabelsPlacesWithTheNamesOfTheFiltersLastDay() throws Exception {
        Path in2020 = tmp.resolve("2020.svg");
        Path in2011 = tmp.resolve("2011.svg");
        assertEquals(0, run("snapshot", "--db", db, "--bbox", "66,42,76,53", "--to", "2020-06-01", "--out",
                in2020.toString()).code());
        assertEquals(0, run("snapshot", "--db", db, "--bbox", "66,42,76,53", "--to", "2011-06-01", "--out",
                in2011.toString()).code());
        String svg2020 = Files.readString(in2020);
        String svg2011 = Files.readString(in2011);
        assertTrue(svg2020.contains(">Nur-Sultan<") && svg2020.contains(">Turkistan Region<"),
                "the capital and the south as named in 2020");
        assertFalse(svg2011.contains("Nur-Sultan"), "no Nur-Sultan in 2011");
        assertTrue(svg2011.contains(">Astana<") && svg2011.contains(">South Kazakhstan Region<"),
                "the capital and the south as named in 2011");
        assertTrue(svg2011.contains("Oblasts (boundaries as of 2017)"), "the legend says which boundaries are drawn");
    }

    @Test
    void snapshotOfTheCountryIsAnA4PageAtTheAskedDpi() throws Exception {
        Path png = tmp.resolve("kz.png");
        Result r = run("snapshot", "--page", "A4", "--db", db, "--out", png.toString(), "--dpi", "96");
        assertEquals(0, r.code(), r.err());
        BufferedImage img = readPng(png);
        assertEquals(1123, img.getWidth(), "297 mm at 96 dpi");
        assertEquals(794, img.getHeight(), "210 mm at 96 dpi");
        assertTrue(r.out().contains("wrote"), r.out());
    }

    @Test
    void aPageOfTarazDefaultsToLandscapeAt150Dpi() throws Exception {
        Path png = tmp.resolve("t.png");
        Result r = run("snapshot", "--page", "A4", "--db", db, "--city", "Taraz", "--out", png.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage img = readPng(png);
        assertEquals(1754, img.getWidth(), "default width");
        assertEquals(1240, img.getHeight(), "default height");
    }

    @ParameterizedTest
    @ValueSource(strings = {"svg", "pdf"})
    void snapshotTakesItsFormatFromTheFileName(String ext) throws Exception {
        Path file = tmp.resolve("taraz." + ext);
        Result r = run("snapshot", "--db", db, "--city", "Taraz", "--page", "letter", "--portrait", "--out", file.toString());
        assertEquals(0, r.code(), r.err());
        String head = new String(Files.readAllBytes(file), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals(ext.equals("pdf") ? "%PDF-" : "<?xml", head);
        assertTrue(r.out().contains("Letter portrait"), r.out());
    }

    @Test
    void aPageIsTitledByThePlaceItShows() throws Exception {
        Path svg = tmp.resolve("titled.svg");
        Result box = run("snapshot", "--db", db, "--bbox", "71.361,42.893,71.373,42.901", "--out", svg.toString());
        assertEquals(0, box.code(), box.err());
        assertTrue(Files.readString(svg).contains("Taraz \u2014 centre \u2014 security incidents"), "the title names the place");
        Result former = run("snapshot", "--db", db, "--city", "Nur-Sultan", "--out", svg.toString());
        assertEquals(0, former.code(), former.err());
        assertTrue(Files.readString(svg).contains("Astana \u2014 security incidents"), "a former name finds the city as named now");
    }

    @Test
    void snapshotOfADayKeepsOnlyItsIncidents() throws Exception {
        Path svg = tmp.resolve("y.svg");
        Result r = run("snapshot", "--db", db, "--from", "2011-11-12", "--to", "2011-11-12", "--out", svg.toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(svg);
        assertTrue(text.contains("incidents 12 Nov 2011 to 12 Nov 2011"), "the subtitle names the dates");
        // Overlaps, the default: the six of that day in Taraz, and the six dated only to November 2011 or
        // to 2011, which may have happened on it.
        assertTrue(text.contains("12 incidents, 1 Jul 2011 \u2013 19 Nov 2011 \u00b7"), "the footer counts them: " + r.out());
        assertTrue(r.out().contains("12 incidents drawn, 12 of 16 pass the filter"), r.out());
        Result inside = run("snapshot", "--db", db, "--from", "2011-11-12", "--to", "2011-11-12", "--time-match", "inside",
                "--out", svg.toString());
        assertEquals(0, inside.code(), inside.err());
        assertTrue(Files.readString(svg).contains("6 incidents, 12 Nov 2011 \u00b7"), "certainly that day: 6 in Taraz");
        assertTrue(Files.readString(svg).contains("Filter: 12 Nov 2011 (certainly inside) \u00b7 6 of 16 incidents"),
                "the filter in words under the title");
    }

    @Test
    void badFormatOptionsAreRefused() throws Exception {
        refusedSnapshot("--format", "must be png, svg or pdf", "--format", "gif");
        refusedSnapshot("--out", "must end in .pdf", "--format", "pdf", "--out", tmp.resolve("x.png").toString());
        refusedSnapshot("--out", ".png, .svg or .pdf", "--out", tmp.resolve("x.jpg").toString());
        refusedSnapshot("--dpi", "between 72 and 600", "--dpi", "5");
        refusedSnapshot("--page", "A4, A3 or Letter", "--page", "A5");
        refusedSnapshot("--margin", "between 0 and 40", "--margin", "-3");
        refusedSnapshot("--from", "not a date", "--from", "2011-13-01");
        refusedSnapshot("--to", "before --from", "--from", "2012-01-01", "--to", "2011-01-01");
        refusedSnapshot("--exported-at", "not a time", "--exported-at", "yesterday");
    }

    @ParameterizedTest
    @ValueSource(strings = {"тараз", "ALMATY", "Astana", "Алматы"})
    void snapshotOfACityByAnyName(String city) throws Exception {
        Path png = tmp.resolve("city.png");
        Result r = run("snapshot", "--page", "A4", "--db", db, "--city", city, "--out", png.toString(), "--dpi", "72");
        assertEquals(0, r.code(), "--city " + city + ": " + r.err());
        BufferedImage img = readPng(png);
        assertEquals(842, img.getWidth());
        assertEquals(595, img.getHeight());
    }

    @Test
    void snapshotOfABoundingBox() throws Exception {
        Path png = tmp.resolve("box.png");
        Result r = run("snapshot", "--db", db, "--bbox", "70,42,73,44", "--out", png.toString(), "--dpi", "72",
                "--portrait");
        assertEquals(0, r.code(), r.err());
        BufferedImage img = readPng(png);
        assertEquals(595, img.getWidth());
        assertEquals(842, img.getHeight());
    }

    /** Runs a snapshot that must be refused as bad arguments; checks exit 2, the message and that nothing was written. */
    private void refusedSnapshot(String option, String expectedInMessage, String... extra) throws Exception {
        List<String> a = new ArrayList<>(List.of("snapshot", "--db", db));
        a.addAll(List.of(extra));
        if (!a.contains("--out")) {
            a.addAll(List.of("--out", tmp.resolve("x.png").toString()));
        }
        List<Path> before = filesIn(tmp);
        Result r = run(a.toArray(String[]::new));
        assertEquals(2, r.code(), "exit code for " + a + "; err: " + r.err());
        List<String> lines = r.errLines();
        assertFalse(lines.isEmpty(), "nothing on err for " + a);
        String first = lines.get(0);
        assertTrue(first.contains(option), "first err line should name " + option + ": " + r.err());
        assertTrue(first.toLowerCase(Locale.ROOT).contains(expectedInMessage.toLowerCase(Locale.ROOT)),
                "expected '" + expectedInMessage + "' in: " + r.err());
        assertTrue(lines.size() <= 2, "more than a message and a usage hint: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "stack trace on err: " + r.err());
        assertEquals(before, filesIn(tmp), "a refused snapshot wrote a file");
    }

    /** Bad place and scale arguments: refused, naming the option and what is wrong. Arguments are separated by spaces. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            --city  | unknown city              | --city Atlantis
            --city  | Taraz                     | --city Tarax
            --bbox  | four numbers              | --bbox 1,2,3
            --bbox  | min must be less than max | --bbox 80,50,70,40
            --bbox  | -90..90                   | --bbox 0,100,10,110
            --bbox  | not a number              | --bbox 70,north,73,44
            --bbox  | not both                  | --city Taraz --bbox 70,42,73,44
            --scale | must be between           | --scale 1
            """)
    void aBadPlaceIsRefused(String option, String expectedInMessage, String arguments) throws Exception {
        refusedSnapshot(option, expectedInMessage, arguments.split(" "));
    }

    @Test
    void missingOutputFolderIsRefused() throws Exception {
        Path missing = tmp.resolve("missing");
        refusedSnapshot("--out", "does not exist", "--out", missing.resolve("x.png").toString());
        assertFalse(Files.exists(missing), "the missing folder was created");
    }

    @Test
    void outputThatIsNotPngIsRefused() throws Exception {
        refusedSnapshot("--out", ".png", "--out", tmp.resolve("x.jpg").toString());
    }

    @Test
    void outputThatIsAFolderIsRefused() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("folder.png"));
        refusedSnapshot("--out", "cannot write", "--out", folder.toString());
    }

    @Test
    void tinyWidthIsRefused() throws Exception {
        refusedSnapshot("--width", "between 100 and 20000", "--width", "5");
    }

    @Test
    void missingOutIsRefused() {
        Result r = run("snapshot", "--db", db);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.errLines().get(0).contains("--out"), r.err());
    }

    @Test
    void unknownOptionIsRefused() {
        Result r = run("snapshot", "--db", db, "--out", tmp.resolve("x.png").toString(), "--colour", "red");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.errLines().get(0).contains("--colour"), r.err());
        assertFalse(Files.exists(tmp.resolve("x.png")));
    }

    // ---------------------------------------------------------------- store errors

    @Test
    void missingStoreIsAFailureNamingTheFile() throws Exception {
        Path absent = tmp.resolve("nonexistent.gpkg");
        Path png = tmp.resolve("x.png");
        Result r = run("snapshot", "--db", absent.toString(), "--out", png.toString(), "--width", "200", "--height", "200");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("nonexistent.gpkg"), r.err());
        assertFalse(Files.exists(absent), "--db must not create a missing store");
        assertFalse(Files.exists(png), "a snapshot was written without a store");

        Result list = run("incidents", "--db", absent.toString());
        assertEquals(1, list.code(), list.err());
        assertTrue(list.err().contains("nonexistent.gpkg"), list.err());
        assertEquals("", list.out().strip());
        assertFalse(Files.exists(absent));
    }

    @Test
    void aStoreNamedBeforeTheCommandIsTheOneItUses() throws Exception {
        Path absent = tmp.resolve("absent-before.gpkg");
        Result before = run("--db", absent.toString(), "incidents");
        assertEquals(1, before.code(), before.err());
        assertTrue(before.err().contains("absent-before.gpkg"), before.err());
        assertFalse(Files.exists(absent));

        Result own = run("--db", absent.toString(), "incidents", "--db", db);
        assertEquals(0, own.code(), own.err());
        assertEquals(storeCount, JSON.readTree(own.out()).size(), "the command's own --db wins");
    }

    @Test
    void textFileAsStoreIsAFailureAndStaysUnchanged() throws Exception {
        Path notes = tmp.resolve("notes.txt");
        Files.writeString(notes, "Not a database, just notes about Taraz.\n".repeat(40), StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(notes);
        for (String[] a : List.of(args("incidents", "--db", notes.toString()),
                args("identify", "--db", notes.toString(), "--lon", "71.367", "--lat", "42.897", "--scale", "5000"),
                args("snapshot", "--db", notes.toString(), "--out", tmp.resolve("n.png").toString()))) {
            Result r = run(a);
            assertEquals(1, r.code(), String.join(" ", a) + ": " + r.err());
            assertTrue(r.err().contains("notes.txt"), r.err());
            assertArrayEquals(before, Files.readAllBytes(notes), "the text file was changed by " + a[0]);
        }
        assertFalse(Files.exists(tmp.resolve("n.png")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(notes), s.toList(), "side files were left beside the text file");
        }
    }

    // ---------------------------------------------------------------- identify

    private static JsonNode identify(String... extra) throws Exception {
        List<String> a = new ArrayList<>(List.of("identify", "--db", db));
        a.addAll(List.of(extra));
        Result r = run(a.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertTrue(root.isArray(), "not a JSON array: " + r.out());
        return root;
    }

    @Test
    void identifyAtTheTarazMarketFindsTheBlast() throws Exception {
        JsonNode hits = identify("--lon", "71.3670", "--lat", "42.8970", "--scale", "5000");
        assertTrue(hits.size() > 0, "no hits");
        JsonNode first = hits.get(0);
        assertEquals("incidents", first.path("layer").asText());
        JsonNode attrs = first.path("attributes");
        assertTrue(attrs.path("title").asText().toLowerCase(Locale.ROOT).contains("blast")
                || attrs.path("type").asText().equals("suicide_bombing"), first.toString());
        assertTrue(attrs.path("sources").isArray() && attrs.path("sources").size() > 0, "no sources: " + first);
        assertEquals(71.367, attrs.path("lon").asDouble(), 0.01);
        assertEquals(42.897, attrs.path("lat").asDouble(), 0.01);

        boolean otherSeen = false;
        double last = -1;
        for (JsonNode h : hits) {
            if (h.path("layer").asText().equals("incidents")) {
                assertFalse(otherSeen, "an incident after another layer: " + hits);
                double d = h.path("distance_px").asDouble();
                assertTrue(d >= last, "incidents not nearest first: " + hits);
                last = d;
            } else {
                otherSeen = true;
            }
        }
    }

    @Test
    void identifyAtTarazAtTheCountryScaleFindsTheClusterAndItsIncidents() throws Exception {
        JsonNode hits = identify("--lon", "71.36667", "--lat", "42.9", "--scale", "15000000");
        JsonNode first = hits.get(0);
        assertEquals("incidents", first.path("layer").asText());
        JsonNode cluster = first.path("cluster");
        assertEquals(7, cluster.path("count").asInt(), first.toString());
        assertEquals(7, cluster.path("members").size());
        for (JsonNode m : cluster.path("members")) {
            assertTrue(m.path("title").asText().contains("Taraz"), m.toString());
        }
        // At street scale the blast at the market is a marker of its own.
        JsonNode market = identify("--lon", "71.3670", "--lat", "42.8970", "--scale", "5000").get(0);
        assertTrue(market.path("cluster").isMissingNode(), market.toString());
    }

    @Test
    void benchMeasuresExportsAndScalesWithSyntheticIncidents() throws Exception {
        Result r = run("bench", "--db", db, "--runs", "1", "--synthetic", "500", "--import-rows", "300", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode m = JSON.readTree(r.out());
        List<String> keys = new java.util.ArrayList<>();
        m.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("country_frame_ms", "oblast_frame_ms", "city_frame_ms", "filter_frame_ms", "timeline_ms", "playback_fps",
                "identify_dense_ms", "first_frame_ms", "window_first_frame_ms", "window_full_frame_ms", "snapshot_process_ms",
                "import_rows_per_s", "import_peak_rss_mb", "table_page_ms", "heap_mb"), keys);
        // The window's start is measured where there is a display to open it on, and is null elsewhere.
        boolean display = WindowStartBench.hasDisplay(System.getenv());
        for (String k : keys) {
            if (k.startsWith("window_") && !display) {
                assertTrue(m.get(k).isNull(), k + " in " + m);
            } else {
                assertTrue(m.path(k).asDouble() > 0, k + " in " + m);
            }
        }
        Result table = run("bench", "--db", db, "--runs", "1", "--synthetic", "500", "--import-rows", "300");
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().startsWith("516 incidents"), "the 16 stored and 500 made up: " + table.out());
        assertTrue(table.out().contains("export_a4_pdf_ms"), table.out());
        Result negative = run("bench", "--db", db, "--synthetic", "-1");
        assertEquals(2, negative.code());
        assertTrue(negative.err().startsWith("bench: --synthetic -1: must be 0..2000000"), negative.err());
        Result none = run("bench", "--db", db, "--import-rows", "0");
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("bench: --import-rows 0: must be 1..5000000"), none.err());
    }

    @Test
    void benchOsmPrintsTheStreetLevelFiguresAsOneObject() throws Exception {
        Result r = run("bench", "--db", db, "--osm", "2000", "--runs", "1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode m = JSON.readTree(r.out());
        List<String> keys = new java.util.ArrayList<>();
        m.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("osm_pbf_elements_per_s", "osm_xml_elements_per_s", "osm_import_peak_rss_mb",
                "town_5000_ms", "town_25000_ms", "town_250000_ms", "town_5000_pan_ms", "town_25000_pan_ms",
                "town_250000_pan_ms", "town_5000_zoom_ms", "town_25000_zoom_ms", "town_5000_zoom_after_idle_ms",
                "town_25000_zoom_after_idle_ms", "town_5000_draw_ahead_ms", "town_25000_draw_ahead_ms"), keys);
        for (String k : keys) {
            assertTrue(m.path(k).asDouble() > 0, k + " in " + m);
        }
        Result small = run("bench", "--db", db, "--osm", "999");
        assertEquals(2, small.code());
        assertTrue(small.err().startsWith("bench: --osm 999: must be 1000..100000000"), small.err());
    }

    @Test
    void identifyInTheEmptySteppeFindsNoIncidentOrCity() throws Exception {
        JsonNode hits = identify("--lon", "68.0", "--lat", "46.0", "--scale", "50000");
        for (JsonNode h : hits) {
            String layer = h.path("layer").asText();
            assertTrue(layer.equals("countries") || layer.equals("oblasts"), "unexpected hit: " + h);
        }
    }

    @Test
    void identifyRefusesALatitudeOutOfRange() {
        Result r = run("identify", "--db", db, "--lon", "71.367", "--lat", "500", "--scale", "5000");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.errLines().get(0).contains("latitude"), r.err());
        assertEquals("", r.out().strip());
    }

    @Test
    void identifyRefusesScaleZero() {
        Result r = run("identify", "--db", db, "--lon", "71.367", "--lat", "42.897", "--scale", "0");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.errLines().get(0).contains("--scale"), r.err());
    }

    @Test
    void identifyRefusesANegativeTolerance() {
        Result r = run("identify", "--db", db, "--lon", "71.367", "--lat", "42.897", "--scale", "5000",
                "--tolerance", "-1");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.errLines().get(0).contains("--tolerance"), r.err());
    }

    @Test
    void identifyNeedsAPoint() {
        Result r = run("identify", "--db", db, "--scale", "5000");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--lon") || r.err().contains("--lat"), r.err());
    }

    // ---------------------------------------------------------------- incidents

    @Test
    void incidentsAsJsonListTheWholeStoreWithSources() throws Exception {
        Result r = run("incidents", "--db", db, "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode all = JSON.readTree(r.out());
        assertTrue(all.isArray());
        assertEquals(storeCount, all.size());
        for (JsonNode i : all) {
            assertTrue(i.path("sources").isArray() && i.path("sources").size() > 0, "no sources: " + i);
            assertFalse(i.path("id").asText().isBlank(), "no id: " + i);
        }
    }

    @Test
    void incidentsDefaultToJson() throws Exception {
        Result r = run("incidents", "--db", db);
        assertEquals(0, r.code(), r.err());
        assertEquals(storeCount, JSON.readTree(r.out()).size());
    }

    @Test
    void incidentsAsCsvHaveAHeaderAndOneRecordEach() throws Exception {
        Result r = run("incidents", "--db", db, "--format", "csv");
        assertEquals(0, r.code(), r.err());
        List<List<String>> records = parseCsv(r.out());
        assertEquals(storeCount + 1, records.size(), "header plus one record per incident");
        List<String> header = records.get(0);
        assertEquals(IncidentRecords.CSV_COLUMNS, header);
        int lon = header.indexOf("lon");
        int lat = header.indexOf("lat");
        int sources = header.indexOf("sources");
        for (List<String> rec : records.subList(1, records.size())) {
            assertEquals(header.size(), rec.size(), "wrong field count: " + rec);
            double x = Double.parseDouble(rec.get(lon));
            double y = Double.parseDouble(rec.get(lat));
            assertTrue(x > 46 && x < 88 && y > 40 && y < 56, "not in Kazakhstan: " + rec);
            assertFalse(rec.get(sources).isBlank(), "no sources: " + rec);
        }
    }

    @Test
    void csvAndJsonListTheSameIncidents() throws Exception {
        JsonNode json = JSON.readTree(run("incidents", "--db", db, "--format", "json").out());
        List<List<String>> csv = parseCsv(run("incidents", "--db", db, "--format", "csv").out());
        for (int i = 0; i < json.size(); i++) {
            assertEquals(json.get(i).path("id").asText(), csv.get(i + 1).get(0));
            assertEquals(json.get(i).path("title").asText(), csv.get(i + 1).get(1));
        }
    }

    @Test
    void incidentsInTaraz() throws Exception {
        Result r = run("incidents", "--db", db, "--city", "Taraz", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode taraz = JSON.readTree(r.out());
        assertTrue(taraz.size() >= 1, "no incident in Taraz");
        assertTrue(taraz.size() < storeCount, "the city filter kept everything");
        for (JsonNode i : taraz) {
            assertEquals(TARAZ_LON, i.path("lon").asDouble(), 0.5, i.toString());
            assertEquals(TARAZ_LAT, i.path("lat").asDouble(), 0.5, i.toString());
        }
        Result cyrillic = run("incidents", "--db", db, "--city", "Тараз");
        assertEquals(0, cyrillic.code(), cyrillic.err());
        assertEquals(taraz, JSON.readTree(cyrillic.out()));
    }

    @Test
    void incidentsInAnUnknownCityAreRefused() {
        Result r = run("incidents", "--db", db, "--city", "Atlantis");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.errLines().get(0).contains("unknown city"), r.err());
        assertEquals("", r.out().strip());
        // The city is checked before the store is opened: a bad argument, not a missing store.
        Result noStore = run("incidents", "--db", tmp.resolve("missing.gpkg").toString(), "--city", "Atlantis");
        assertEquals(2, noStore.code(), noStore.err());
        assertTrue(noStore.errLines().get(0).contains("unknown city"), noStore.err());
    }

    @Test
    void unknownFormatIsRefused() {
        Result r = run("incidents", "--db", db, "--format", "xml");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.errLines().get(0).contains("--format"), r.err());
        assertEquals("", r.out().strip());
    }

    // ---------------------------------------------------------------- help

    @Test
    void rootHelp() {
        Result r = run("--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Usage:"), r.out());
        assertTrue(r.out().contains("kz-incident-map"), r.out());
        for (String c : List.of("snapshot", "identify", "incidents", "bench")) {
            assertTrue(r.out().contains(c), "root help does not list " + c + ": " + r.out());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"snapshot", "identify", "incidents", "bench"})
    void commandHelp(String command) {
        Result r = run(command, "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Usage:"), r.out());
        assertTrue(r.out().contains(command), r.out());
        assertTrue(r.out().contains("--db"), "help of " + command + " does not mention --db: " + r.out());
    }

    @Test
    void version() {
        Result r = run("--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("kz-incident-map"), r.out());
    }

    @Test
    void snapshotAcceptsAnUpperCaseExtensionAndReplacesAnOldFile() throws Exception {
        Path png = tmp.resolve("OLD.PNG");
        Files.writeString(png, "stale");
        Result r = run("snapshot", "--page", "A4", "--db", db, "--out", png.toString(), "--dpi", "72");
        assertEquals(0, r.code(), r.err());
        BufferedImage img = readPng(png);
        assertEquals(842, img.getWidth());
        assertEquals(595, img.getHeight());
    }

    @Test
    void unknownCommandIsRefused() {
        Result r = run("frobnicate");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("frobnicate"), r.err());
    }

    // ---------------------------------------------------------------- CSV reading

    /** Splits RFC 4180 text into records of fields: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\r') {
                // part of a CRLF line end
            } else if (c == '\n') {
                fields.add(field.toString());
                records.add(fields);
                fields = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            fields.add(field.toString());
            records.add(fields);
        }
        assertFalse(quoted, "unterminated quoted field");
        return records;
    }

    @Test
    void csvReaderHandlesQuotesAndLineBreaks() {
        List<List<String>> r = parseCsv("a,b\n\"x, y\",\"say \"\"hi\"\"\nthere\"\n");
        assertEquals(List.of(List.of("a", "b"), List.of("x, y", "say \"hi\"\nthere")), r);
    }
}
