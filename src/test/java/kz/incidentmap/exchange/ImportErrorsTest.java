package kz.incidentmap.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every class of bad import file is refused with file:line (or feature), field and reason, and the
 * store stays byte for byte as it was; with "keep valid" only the good records go in.
 */
class ImportErrorsTest {

    @TempDir
    Path dir;

    private Path db;
    private String goodCsv;

    @BeforeEach
    void exportAGoodCsv() throws Exception {
        db = ExchangeFixtures.richStore(dir);
        List<Incident> all;
        try (IncidentStore store = IncidentStore.openForViewing(db)) {
            all = store.all();
        }
        Path csv = dir.resolve("good.csv");
        RecordExporter.export(all.subList(0, 3), ExchangeFormat.CSV, csv, Progress.NONE);
        goodCsv = Files.readString(csv, StandardCharsets.UTF_8);
    }

    /** Imports {@code file} all-or-nothing; returns the message and checks the store did not change. */
    private String refused(Path file, ExchangeFormat format) throws Exception {
        byte[] before = Files.readAllBytes(db);
        String message;
        try (IncidentStore store = IncidentStore.open(db)) {
            ImportException e = assertThrows(ImportException.class,
                    () -> ExchangeFixtures.importer().importFile(file, format, false, store, Progress.NONE));
            message = e.getMessage();
            assertEquals(17, store.count());
        }
        assertArrayEquals(before, Files.readAllBytes(db), "the store changed");
        return message;
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    /** The line of the first incident that has a single row in the good CSV: the one the tests spoil. */
    private int target() throws Exception {
        List<CsvTable.Row> rows = CsvTable.parse("good.csv", goodCsv);
        for (CsvTable.Row r : rows.subList(1, rows.size())) {
            if (rows.stream().filter(o -> o.fields().get(0).equals(r.fields().get(0))).count() == 1) {
                return r.line();
            }
        }
        throw new IllegalStateException("no single-row incident");
    }

    /** The good CSV with one column of the target row replaced. */
    private String withValue(String column, String value) throws Exception {
        List<CsvTable.Row> rows = CsvTable.parse("good.csv", goodCsv);
        int col = rows.get(0).fields().indexOf(column);
        StringBuilder sb = new StringBuilder();
        for (CsvTable.Row r : rows) {
            List<String> fields = new java.util.ArrayList<>(r.fields());
            if (r.line() == target()) {
                fields.set(col, value);
            }
            sb.append(CsvTable.line(fields));
        }
        return sb.toString();
    }

    @Test
    void anImpossibleCoordinateNamesLineFieldAndReason() throws Exception {
        Path f = write("bad-lat.csv", withValue("lat", "95"));
        assertEquals(f + ":" + target() + ": field 'lat': latitude 95 is outside -90..90", refused(f, null));
    }

    @Test
    void aBadDateAndABadNumber() throws Exception {
        Path f = write("bad-date.csv", withValue("date", "2011-13-45"));
        assertEquals(f + ":" + target() + ": field 'date': '2011-13-45' is not a valid date (expected yyyy-MM-dd)",
                refused(f, null));
        Path g = write("bad-count.csv", withValue("claim_killed", "seven"));
        assertEquals(g + ":" + target() + ": field 'claim_killed': 'seven' is not a whole number", refused(g, null));
    }

    @Test
    void aGradeOrCredibilityOffTheScaleNamesLineAndColumn() throws Exception {
        Path f = write("bad-grade.csv", withValue("source_reliability", "G"));
        assertEquals(f + ":" + target() + ": field 'source_reliability': grade 'G' is not one of A–F", refused(f, null));
        Path g = write("bad-credibility.csv", withValue("claim_credibility", "9"));
        assertEquals(g + ":" + target() + ": field 'claim_credibility': credibility '9' is not one of 1–6",
                refused(g, null));
    }

    @Test
    void missingAndUnknownColumns() throws Exception {
        Path f = write("columns.csv", goodCsv.replaceFirst(",lat,", ",latitude,"));
        String m = refused(f, ExchangeFormat.CSV);
        assertTrue(m.contains(f + ":1: field 'latitude': unknown column (known: id, title"), m);
        assertTrue(m.contains(f + ":1: field 'lat': required column is missing"), m);
    }

    @Test
    void anEmptyFileAndABlankOne() throws Exception {
        Path f = write("empty.csv", "");
        assertEquals(f + ": empty file, nothing to import", refused(f, ExchangeFormat.CSV));
        Path g = write("blank.geojson", "  \n\n");
        assertEquals(g + ": empty file, nothing to import", refused(g, ExchangeFormat.GEOJSON));
    }

    @Test
    void wrongEncoding() throws Exception {
        Path f = dir.resolve("latin1.csv");
        byte[] text = goodCsv.replaceFirst("Aktobe", "Akt\u00f6be").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(f, text);
        String m = refused(f, null);
        assertTrue(m.startsWith(f + ":2: not UTF-8 text (byte 0xF6 at offset "), m);
    }

    @Test
    void brokenJsonAndBrokenXml() throws Exception {
        Path json = write("broken.geojson", "{\"type\": \"FeatureCollection\",\n \"features\": [\n {\"type\": \"Feature\",,}\n]}");
        String m = refused(json, null);
        assertTrue(m.startsWith(json + ":3:"), m);
        assertTrue(m.contains("not valid JSON"), m);
        Path xml = write("broken.kml", "<?xml version=\"1.0\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n"
                + "<Document><Placemark><name>x</name></Document>\n</kml>\n");
        String k = refused(xml, null);
        assertTrue(k.startsWith(xml + ":3:"), k);
        assertTrue(k.contains("not well-formed XML"), k);
    }

    /** What the parsers say of a malformed file, in the file's terms: no parser settings, no function names. */
    @Test
    void theParsersMessagesCarryNoInternals() throws Exception {
        Path json = write("unclosed.geojson", "{\"type\": \"FeatureCollection\",\n \"features\": [\n {\"type\": \"Feature\"\n]}");
        String m = refused(json, null);
        assertTrue(m.startsWith(json + ":4:1: not valid JSON: Unexpected close marker ']': expected '}'"), m);
        assertTrue(m.endsWith("(for Object starting at line 3, column 2)"), m);
        Path kml = write("nested.kml", "<?xml version=\"1.0\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n"
                + "<Document><Placemark>\n<name>a <b>bold</b> name</name></Placemark></Document>\n</kml>\n");
        String k = refused(kml, null);
        assertEquals(kml + ":4:12: not well-formed XML: <name> holds other elements where its text belongs", k);
    }

    @Test
    void aBadFeatureIsNamedByLineAndIndex() throws Exception {
        Path json = dir.resolve("good.geojson");
        try (IncidentStore store = IncidentStore.openForViewing(db)) {
            RecordExporter.export(store.all().subList(0, 2), ExchangeFormat.GEOJSON, json, Progress.NONE);
        }
        String text = Files.readString(json).replaceFirst("\"date_precision\" : \"day\"", "\"date_precision\" : \"week\"");
        Path bad = write("bad.geojson", text);
        String m = refused(bad, null);
        assertTrue(m.matches("(?s)" + java.util.regex.Pattern.quote(bad.toString())
                + ":\\d+ \\(feature 0\\): field 'date_precision': unknown date precision 'week'.*"), m);
    }

    @Test
    void aDuplicateIdInKmlNamesBothPlacemarksAndTheirLines() throws Exception {
        Path kml = dir.resolve("two.kml");
        try (IncidentStore store = IncidentStore.openForViewing(db)) {
            RecordExporter.export(store.all().subList(0, 2), ExchangeFormat.KML, kml, Progress.NONE);
        }
        String text = Files.readString(kml);
        String first = text.substring(text.indexOf("<Placemark"), text.indexOf("</Placemark>") + "</Placemark>".length());
        Path twice = write("twice.kml", text.replace("</Document>", "\n" + first + "</Document>"));
        String m = refused(twice, null);
        String id = first.substring(first.indexOf("incident-") + 9, first.indexOf("incident-") + 45);
        int line1 = lineOf(Files.readString(twice), 0);
        int line3 = lineOf(Files.readString(twice), 2);
        assertEquals(twice + ":" + line3 + " (placemark 2): field 'id': incident " + id + " appears twice in the file;"
                + " its first record is at " + twice + ":" + line1 + " (placemark 0)", m);
    }

    /** The line the n-th placemark's start tag ends on, as a streaming reader counts it. */
    private static int lineOf(String kml, int n) {
        int at = -1;
        for (int k = 0; k <= n; k++) {
            at = kml.indexOf("<Placemark", at + 1);
        }
        int end = kml.indexOf('>', at);
        return (int) kml.substring(0, end).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void geoJsonNestedTooDeeplyNamesTheFeature() throws Exception {
        String deep = "[".repeat(1200) + "]".repeat(1200);
        Path json = write("deep.geojson", "{\"type\": \"FeatureCollection\", \"features\": [\n"
                + "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [71, 43]},"
                + " \"properties\": {}},\n"
                + "{\"type\": \"Feature\",\n \"properties\": {\"tags\": " + deep + "}}]}\n");
        assertEquals(json + ":3 (feature 1): nested too deeply (arrays and objects more than 1,000 levels deep) at line 4",
                refused(json, null));
        Path outside = write("deep-outside.geojson", "{\"type\": \"FeatureCollection\",\n \"bbox\": " + deep
                + ", \"features\": []}");
        assertEquals(outside + ":2: nested too deeply (arrays and objects more than 1,000 levels deep)",
                refused(outside, null));
        Path kml = write("deep.kml", "<?xml version=\"1.0\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>\n"
                + "<Placemark><name>x</name><ExtendedData><Data name=\"sources\"><value>" + deep
                + "</value></Data></ExtendedData><Point><coordinates>71,43</coordinates></Point></Placemark>\n"
                + "</Document></kml>\n");
        assertEquals(kml + ":3 (placemark 0): field 'sources': nested too deeply (arrays and objects more than 1,000"
                + " levels deep)", refused(kml, null));
    }

    @Test
    void aFileFarTooLarge() throws Exception {
        Path f = dir.resolve("huge.csv");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(InputText.MAX_BYTES + 1);
        }
        assertEquals(f + ": file too large (1,073,741,825 bytes; the limit is 1,073,741,824 bytes = 1 GiB);"
                + " split it and import the parts", refused(f, ExchangeFormat.CSV));
    }

    @Test
    void aNonSqliteFileAsAStore() throws Exception {
        Path f = write("notes.gpkg", "not a database\n".repeat(100));
        String m = refused(f, ExchangeFormat.GPKG);
        assertEquals(f + ": cannot read this store: not a SQLite database", m);
    }

    @Test
    void keepValidImportsTheGoodRowsAndReportsTheRest() throws Exception {
        Path target = ExchangeFixtures.emptyStore(dir, "target.gpkg");
        Path f = write("mixed.csv", withValue("lat", "95"));
        try (IncidentStore store = IncidentStore.open(target)) {
            ImportReport r = ExchangeFixtures.importer().importFile(f, null, true, store, Progress.NONE);
            assertEquals(3, r.records());
            assertEquals(new IncidentStore.MergeResult(2, 0, 0), r.merged());
            assertEquals(1, r.skipped().size());
            assertEquals(f + ":" + target() + ": field 'lat': latitude 95 is outside -90..90",
                    r.skipped().get(0).toString());
            assertEquals(2, store.count());
        }
    }

    @Test
    void aCancelledImportWritesNothing() throws Exception {
        Path f = write("good-again.csv", goodCsv);
        byte[] before = Files.readAllBytes(db);
        try (IncidentStore store = IncidentStore.open(db)) {
            Progress cancelled = new Progress() {
                @Override
                public void report(long done, long total) {
                }

                @Override
                public boolean isCancelled() {
                    return true;
                }
            };
            assertThrows(CancelledException.class,
                    () -> ExchangeFixtures.importer().importFile(f, null, false, store, cancelled));
        }
        assertArrayEquals(before, Files.readAllBytes(db));
    }
}
