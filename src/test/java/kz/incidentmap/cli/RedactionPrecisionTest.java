package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import kz.incidentmap.layers.BasemapLayers;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Source;
import kz.incidentmap.store.IncidentStore;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Each redaction profile against each output: the shipped records and three made up to be revealing (an
 * exact position with a time of day, a witness's name and a URL; one tagged restricted; one in the
 * steppe) are exported and drawn with {@code --redact}, every output is read back here, on its own terms
 * (CSV, JSON, XML and SQLite parsed; PNG chunks, SVG text and PDF text and metadata read), and any
 * position off the profile's grid or city points, any day or time of day, and anything the profile drops
 * is a failure. The same reading of an unredacted export finds what it must, so the checks can fail.
 */
class RedactionPrecisionTest {

    @TempDir
    static Path dir;

    private static String db;
    private static Gazetteer gazetteer;

    private static final String URL = "https://example.org/witness-report-9f2";
    private static final String NAME = "Aigul Nurlanovna";
    private static final String RESTRICTED_TITLE = "Meeting with an informant";
    private static final String DESCRIPTION = "The witness watched it from the flat above the shop.";
    private static final List<String> EXACT = List.of("76.951234", "43.263456", "69.612345", "42.318765",
            "66.123456", "47.654321");
    private static final double KM_PER_DEGREE = 6_371.0088 * Math.PI / 180;

    /** What a profile lets out: where positions may be, and whether source names and descriptions stay. */
    private record Shape(String arg, String name, int gridKm, boolean namesKept, boolean descriptionsKept) {
    }

    private static final Shape CITY = new Shape("city", "city", 0, true, true);
    private static final Shape GRID25 = new Shape("grid25", "grid25", 25, false, true);

    @BeforeAll
    static void seed() throws Exception {
        Path store = dir.resolve("s.gpkg");
        IncidentStore.openOrCreate(store, Path.of("data/incidents.json")).close();
        try (IncidentStore s = IncidentStore.open(store)) {
            s.add(madeUp("Shooting by the Green Bazaar", 76.951234, 43.263456, "Almaty, Zhibek Zholy street 53",
                    List.of("witness")));
            s.add(madeUp(RESTRICTED_TITLE, 69.612345, 42.318765, "Shymkent", List.of("restricted")));
            s.add(madeUp("Shots fired at a shepherds' camp", 66.123456, 47.654321, "Steppe south of Zhezkazgan",
                    List.of()));
        }
        db = store.toString();
        gazetteer = BasemapLayers.gazetteer(Path.of("maps"));
        Files.writeString(dir.resolve("grid5.json"), """
                {"name": "grid5", "position": "grid", "grid_km": 5, "dates": "month",
                 "drop": ["source_urls", "source_names", "descriptions", "restricted"]}
                """);
    }

    private static Incident madeUp(String title, double lon, double lat, String place, List<String> tags) {
        String key = "witness-" + Math.round(lon * 1000);
        Source s = new Source(key, "Witness account by " + NAME, NAME + "'s channel", URL, LocalDate.of(2011, 11, 18), "ru");
        Claim c = new Claim(key, 2, 3, LocalDate.of(2011, 11, 17), "Seen at 14:35 on 17 November 2011");
        return new Incident(java.util.UUID.randomUUID().toString(), title, IncidentType.ARMED_ATTACK,
                LocalDate.of(2011, 11, 17), DatePrecision.DAY, place, null, lon, lat, LocationPrecision.EXACT, null, null,
                DESCRIPTION, null, List.of(s), List.of(c), null, LocalTime.of(14, 35), tags,
                Instant.parse("2026-12-05T10:11:12Z"), Instant.parse("2026-12-05T10:11:12Z"));
    }

    private static TestCli.Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new TestCli.Result(code, out.toString(), err.toString());
    }

    private static List<Shape> shapes() {
        return List.of(CITY, GRID25, new Shape(dir.resolve("grid5.json").toString(), "grid5", 5, false, false));
    }

    @Test
    void everyRecordFormatHoldsNothingMorePreciseThanItsProfile() throws Exception {
        for (Shape shape : shapes()) {
            for (String format : List.of("csv", "geojson", "kml", "gpkg", "acled")) {
                Path out = dir.resolve(shape.name() + "." + format + (format.equals("acled") ? ".csv" : ""));
                TestCli.Result r = run("export", "--db", db, "--redact", shape.arg(), "--format", format, "--out",
                        out.toString());
                assertEquals(0, r.code(), r.err());
                assertTrue(r.out().contains("Redacted: " + shape.name() + " ("), r.out());
                Leaks leaks = new Leaks(shape, out.getFileName().toString());
                int records = read(format, out, leaks);
                assertTrue(records >= 18, out + " holds the shipped records and two made-up ones: " + records);
                assertTrue(leaks.problems.isEmpty(), String.join("\n", leaks.problems));
                assertTrue(leaks.labelled, out + " says which profile shaped it");
            }
        }
    }

    @Test
    void everyPictureFormatHoldsNothingMorePreciseThanItsProfile() throws Exception {
        for (Shape shape : shapes()) {
            List<List<String>> views = List.of(
                    List.of("--page", "A4", "page.png"), List.of("page.svg"), List.of("page.pdf"), List.of("picture.png"),
                    // A street-level view around the witness's exact point: its title and scale must not tell it.
                    List.of("--bbox", "76.9505,43.2628,76.9519,43.2641", "--scale", "5000", "street.png"),
                    List.of("--bbox", "76.9505,43.2628,76.9519,43.2641", "--scale", "5000", "street.svg"),
                    List.of("--bbox", "76.9505,43.2628,76.9519,43.2641", "street.pdf"));
            for (List<String> view : views) {
                Path out = dir.resolve(shape.name() + "-" + view.get(view.size() - 1));
                List<String> args = new ArrayList<>(List.of("snapshot", "--db", db, "--redact", shape.arg(),
                        "--width", "800", "--height", "500", "--exported-at", "2026-11-22T18:47Z"));
                args.addAll(view.subList(0, view.size() - 1));
                args.addAll(List.of("--out", out.toString()));
                TestCli.Result r = run(args.toArray(String[]::new));
                assertEquals(0, r.code(), r.err());
                Leaks leaks = new Leaks(shape, out.getFileName().toString());
                readPicture(out, leaks);
                assertTrue(leaks.problems.isEmpty(), String.join("\n", leaks.problems));
                assertTrue(leaks.labelled, out + " says which profile shaped it");
            }
        }
    }

    @Test
    void theReportHoldsNothingMorePreciseThanItsProfile() throws Exception {
        for (Shape shape : shapes()) {
            Path out = dir.resolve(shape.name() + "-report.pdf");
            TestCli.Result r = run("report", "--db", db, "--redact", shape.arg(), "--exported-at", "2026-11-22T18:47Z",
                    "--out", out.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("Redacted: " + shape.name() + " ("), r.out());
            Leaks leaks = new Leaks(shape, out.getFileName().toString());
            readPicture(out, leaks);
            assertTrue(leaks.problems.isEmpty(), String.join("\n", leaks.problems));
            assertTrue(leaks.labelled, out + " says which profile shaped it");
            try (PDDocument doc = Loader.loadPDF(out.toFile())) {
                // The profile is printed on every page's footer, not on the cover alone.
                PDFTextStripper page = new PDFTextStripper();
                for (int k = 1; k <= doc.getNumberOfPages(); k++) {
                    page.setStartPage(k);
                    page.setEndPage(k);
                    assertTrue(page.getText(doc).contains("Redacted: " + shape.name()), out + ", page " + k);
                }
            }
        }
    }

    @Test
    void theChecksFindWhatAnUnredactedExportAndPageGiveAway() throws Exception {
        Path json = dir.resolve("plain.geojson");
        assertEquals(0, run("export", "--db", db, "--out", json.toString()).code());
        Leaks leaks = new Leaks(GRID25, "plain.geojson");
        read("geojson", json, leaks);
        String found = String.join("\n", leaks.problems);
        assertTrue(found.contains("not the centre of a 25 km cell"), found);
        assertTrue(found.contains("day-precise date"), found);
        assertTrue(found.contains(URL), found);
        assertTrue(found.contains(RESTRICTED_TITLE), found);
        assertFalse(leaks.labelled);

        Path page = dir.resolve("plain.svg");
        assertEquals(0, run("snapshot", "--db", db, "--width", "800", "--height", "500", "--exported-at",
                "2026-11-22T18:47Z", "--out", page.toString()).code());
        Leaks pageLeaks = new Leaks(CITY, "plain.svg");
        readPicture(page, pageLeaks);
        assertTrue(String.join("\n", pageLeaks.problems).contains("day-precise date"), String.join("\n", pageLeaks.problems));

        Path report = dir.resolve("plain-report.pdf");
        assertEquals(0, run("report", "--db", db, "--exported-at", "2026-11-22T18:47Z", "--out", report.toString()).code());
        Leaks reportLeaks = new Leaks(GRID25, "plain-report.pdf");
        readPicture(report, reportLeaks);
        String inReport = String.join("\n", reportLeaks.problems);
        assertTrue(inReport.contains("day-precise date") && inReport.contains(URL) && inReport.contains(RESTRICTED_TITLE)
                && inReport.contains(NAME), inReport);
    }

    @Test
    void aBadProfileIsRefusedNamingTheFileAndTheFieldAndNothingIsWritten() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"name\": \"g\", \"position\": \"grid\", \"grid_km\": 0, \"dates\": \"month\"}");
        Path out = dir.resolve("never.geojson");
        TestCli.Result r = run("export", "--db", db, "--redact", bad.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("field 'grid_km'"), r.err());
        assertFalse(Files.exists(out));
        TestCli.Result unknown = run("snapshot", "--db", db, "--redact", "grid7", "--out", dir.resolve("n.png").toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("'grid7': no such redaction profile (there are city, grid25"), unknown.err());
    }

    // ---- reading the outputs back

    /** Reads a record export, checking each position and all its text; returns how many records it holds. */
    private static int read(String format, Path file, Leaks leaks) throws Exception {
        switch (format) {
            case "geojson" -> {
                String text = Files.readString(file);
                leaks.text("the file", text);
                JsonNode root = new ObjectMapper().readTree(text);
                leaks.label(root.path("redaction").asText());
                for (JsonNode f : root.get("features")) {
                    JsonNode c = f.get("geometry").get("coordinates");
                    leaks.position(f.get("id").asText(), c.get(0).asDouble(), c.get(1).asDouble());
                    leaks.time(f.get("properties").get("time"));
                }
                return root.get("features").size();
            }
            case "csv", "acled" -> {
                String text = Files.readString(file);
                leaks.text("the file", text);
                Path side = file.resolveSibling(file.getFileName() + ".redaction.txt");
                if (Files.exists(side)) {
                    leaks.label(Files.readString(side));
                }
                List<List<String>> rows = csv(text);
                List<String> header = rows.get(0);
                boolean ours = format.equals("csv");
                int lon = header.indexOf(ours ? "lon" : "longitude");
                int lat = header.indexOf(ours ? "lat" : "latitude");
                int id = header.indexOf(ours ? "id" : "event_id_cnty");
                java.util.Set<String> ids = new java.util.HashSet<>();
                for (List<String> row : rows.subList(1, rows.size())) {
                    leaks.position(row.get(id), Double.parseDouble(row.get(lon)), Double.parseDouble(row.get(lat)));
                    ids.add(row.get(id));
                    if (ours && !row.get(header.indexOf("time")).isEmpty()) {
                        leaks.problems.add(row.get(id) + ": a time of day " + row.get(header.indexOf("time")));
                    }
                    if (!ours && !row.get(header.indexOf("timestamp")).isEmpty()) {
                        leaks.instant(row.get(id), Instant.ofEpochSecond(Long.parseLong(row.get(header.indexOf("timestamp")))));
                    }
                }
                return ids.size();
            }
            case "kml" -> {
                String text = Files.readString(file);
                leaks.text("the file", text);
                Document doc = xml().parse(file.toFile());
                Element document = (Element) doc.getElementsByTagName("Document").item(0);
                for (Node n = document.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if ("description".equals(n.getNodeName())) {
                        leaks.label(n.getTextContent());
                    }
                }
                NodeList marks = doc.getElementsByTagName("Placemark");
                for (int k = 0; k < marks.getLength(); k++) {
                    Element m = (Element) marks.item(k);
                    String[] c = m.getElementsByTagName("coordinates").item(0).getTextContent().trim().split(",");
                    leaks.position(m.getAttribute("id"), Double.parseDouble(c[0]), Double.parseDouble(c[1]));
                    Map<String, String> data = new HashMap<>();
                    NodeList ds = m.getElementsByTagName("Data");
                    for (int j = 0; j < ds.getLength(); j++) {
                        Element d = (Element) ds.item(j);
                        data.put(d.getAttribute("name"), d.getTextContent().trim());
                    }
                    leaks.position(m.getAttribute("id") + " (data)", Double.parseDouble(data.get("lon")),
                            Double.parseDouble(data.get("lat")));
                    if (!data.get("time").isEmpty()) {
                        leaks.problems.add(m.getAttribute("id") + ": a time of day " + data.get("time"));
                    }
                }
                return marks.getLength();
            }
            case "gpkg" -> {
                return readGeoPackage(file, leaks);
            }
            default -> throw new IllegalArgumentException(format);
        }
    }

    private static int readGeoPackage(Path file, Leaks leaks) throws Exception {
        int records = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            // Every value of the tables that hold records, sources, claims and the file's description.
            for (String table : List.of("incidents", "sources", "incident_sources", "claims", "incident_points",
                    "gpkg_contents", "source_copies")) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        for (int k = 1; k <= md.getColumnCount(); k++) {
                            Object v = rs.getObject(k);
                            if (v instanceof String s) {
                                leaks.text(table + "." + md.getColumnName(k), s);
                            }
                        }
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT description FROM gpkg_contents WHERE table_name = 'incidents'")) {
                leaks.label(rs.next() ? rs.getString(1) : "");
            }
            try (ResultSet rs = st.executeQuery("SELECT uuid, geom, time FROM incidents")) {
                while (rs.next()) {
                    double[] p = geoPackagePoint(rs.getBytes(2));
                    leaks.position(rs.getString(1), p[0], p[1]);
                    if (rs.getString(3) != null) {
                        leaks.problems.add(rs.getString(1) + ": a time of day " + rs.getString(3));
                    }
                    records++;
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT fid, lon, lat, day FROM incident_points")) {
                while (rs.next()) {
                    leaks.position("incident_points " + rs.getLong(1), rs.getDouble(2), rs.getDouble(3));
                    long day = rs.getLong(4);
                    if (!rs.wasNull() && LocalDate.ofEpochDay(day).getDayOfMonth() != 1) {
                        leaks.problems.add("incident_points " + rs.getLong(1) + ": day " + LocalDate.ofEpochDay(day));
                    }
                }
            }
        }
        return records;
    }

    /** The point of a GeoPackage geometry: its header, an envelope of the size its flags say, then WKB. */
    private static double[] geoPackagePoint(byte[] blob) {
        int flags = blob[3];
        int envelope = switch ((flags >> 1) & 7) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            default -> 64;
        };
        ByteBuffer wkb = ByteBuffer.wrap(blob, 8 + envelope, blob.length - 8 - envelope);
        wkb.order(wkb.get() == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        assertEquals(1, wkb.getInt() & 0xFF, "a point");
        return new double[] {wkb.getDouble(), wkb.getDouble()};
    }

    /** Reads a picture's words: a PNG's text chunks, an SVG's text and comments, a PDF's text and metadata. */
    private static void readPicture(Path file, Leaks leaks) throws Exception {
        String name = file.getFileName().toString();
        if (name.endsWith(".png")) {
            for (String t : pngTexts(file)) {
                leaks.pageText("a PNG text chunk", t);
                leaks.label(t);
            }
        } else if (name.endsWith(".svg")) {
            Document doc = xml().parse(file.toFile());
            NodeList texts = doc.getElementsByTagName("text");
            for (int k = 0; k < texts.getLength(); k++) {
                String t = texts.item(k).getTextContent();
                leaks.pageText("SVG text", t);
                leaks.label(t);
            }
            for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.COMMENT_NODE) {
                    leaks.pageText("SVG comment", n.getTextContent());
                }
            }
            Matcher box = Pattern.compile("viewBox=\"([^\"]*)\"").matcher(Files.readString(file));
            while (box.find()) {
                // The page in layout units from its corner: nothing of where the map lies.
                if (!box.group(1).startsWith("0 0 ")) {
                    leaks.problems.add(name + ": a view box " + box.group(1) + " not at the page's corner");
                }
            }
        } else {
            try (PDDocument doc = Loader.loadPDF(file.toFile())) {
                String text = new PDFTextStripper().getText(doc);
                leaks.pageText("PDF text", text);
                for (String line : text.split("\n")) {
                    leaks.label(line.strip());
                }
                PDDocumentInformation info = doc.getDocumentInformation();
                for (String k : info.getMetadataKeys()) {
                    String v = info.getCustomMetadataValue(k);
                    if (v != null) {
                        leaks.pageText("PDF metadata " + k, v);
                    }
                }
                Calendar made = info.getCreationDate();
                if (made != null) {
                    leaks.instant("PDF creation date", made.toInstant());
                }
            }
        }
    }

    /** A parser that reads no DTD from the network (Batik's SVG names the SVG 1.0 DTD). */
    private static javax.xml.parsers.DocumentBuilder xml() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder();
    }

    /** The texts of a PNG's tEXt, iTXt and zTXt chunks. */
    private static List<String> pngTexts(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); DataInputStream d = new DataInputStream(in)) {
            d.readFully(new byte[8]);
            while (true) {
                int length = d.readInt();
                byte[] type = new byte[4];
                d.readFully(type);
                byte[] data = new byte[length];
                d.readFully(data);
                d.readInt();
                String t = new String(type, StandardCharsets.US_ASCII);
                if (t.equals("tEXt") || t.equals("iTXt") || t.equals("zTXt")) {
                    out.add(new String(data, StandardCharsets.UTF_8).replace('\0', ' '));
                }
                if (t.equals("IEND")) {
                    return out;
                }
            }
        }
    }

    /** RFC 4180 rows: quoted fields may hold commas, quotes and line breaks. */
    private static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    // ---- the checks

    /** What one output gave away that its profile does not let out. */
    private static final class Leaks {

        private static final Pattern ISO = Pattern.compile(
                "(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?)?(?!\\d)");
        private static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?";
        private static final Pattern WORDS = Pattern.compile("(?<![\\d:])\\d{1,2}(?:st|nd|rd|th)?\\s+(?:" + MONTH
                + "|[а-яәіңғүұқөһ]{3,}\\.?)\\s+\\d{4}|" + MONTH + "\\s+\\d{1,2}(?!\\d),?\\s+\\d{4}");
        private static final Pattern CLOCK = Pattern.compile("(?<![\\d:])(?:[01]?\\d|2[0-3]):[0-5]\\d(?![\\d:]|,\\d)");
        private static final Pattern DECIMAL = Pattern.compile("(?<![\\d.])-?\\d{1,3}\\.\\d{2,}");

        final Shape shape;
        final String where;
        final List<String> problems = new ArrayList<>();
        boolean labelled;

        Leaks(Shape shape, String where) {
            this.shape = shape;
            this.where = where;
        }

        void label(String text) {
            labelled |= text != null && text.contains("Redacted: " + shape.name() + " (");
        }

        /** Text of a record file: no day, no time of day, nothing the profile drops. */
        void text(String what, String text) {
            Matcher m = ISO.matcher(text);
            while (m.find()) {
                boolean midnight = m.group(4) == null || (m.group(4) + m.group(5) + nz(m.group(6)) + nz(m.group(7)))
                        .chars().allMatch(ch -> ch == '0');
                if (!m.group(3).equals("01") || !midnight) {
                    problems.add(where + ", " + what + ": a day-precise date " + m.group());
                }
            }
            Matcher w = WORDS.matcher(text);
            while (w.find()) {
                problems.add(where + ", " + what + ": a day-precise date in words '" + w.group() + "'");
            }
            Matcher clock = CLOCK.matcher(text);
            while (clock.find()) {
                problems.add(where + ", " + what + ": a time of day " + clock.group());
            }
            for (String exact : EXACT) {
                if (text.contains(exact)) {
                    problems.add(where + ", " + what + ": the exact coordinate " + exact);
                }
            }
            must(what, text, URL, true);
            must(what, text, RESTRICTED_TITLE, true);
            must(what, text, NAME, !shape.namesKept());
            must(what, text, DESCRIPTION, !shape.descriptionsKept());
        }

        /** Text of a page: as a file's, and no coordinate given to more than one decimal (about 10 km). */
        void pageText(String what, String text) {
            text(what, text);
            Matcher d = DECIMAL.matcher(text);
            while (d.find()) {
                problems.add(where + ", " + what + ": a coordinate-like number " + d.group());
            }
        }

        void time(JsonNode time) {
            if (time != null && !time.isNull()) {
                problems.add(where + ": a time of day " + time.asText());
            }
        }

        void instant(String what, Instant t) {
            var z = t.atZone(ZoneOffset.UTC);
            if (z.getDayOfMonth() != 1 || z.toLocalTime().toSecondOfDay() != 0) {
                problems.add(where + ", " + what + ": a day-precise date " + t);
            }
        }

        private void must(String what, String text, String secret, boolean dropped) {
            if (dropped && text.contains(secret)) {
                problems.add(where + ", " + what + ": " + secret);
            }
        }

        /** A position the profile allows: a grid cell's centre, or a city's point. */
        void position(String what, double lon, double lat) {
            if (shape.gridKm() > 0) {
                // Rows of km of latitude from the equator; each row's cells km wide at its middle latitude.
                double rows = shape.gridKm() / KM_PER_DEGREE;
                double row = lat / rows - 0.5;
                double cols = shape.gridKm() / (KM_PER_DEGREE * Math.cos(Math.toRadians(lat)));
                double col = lon / cols - 0.5;
                if (Math.abs(row - Math.rint(row)) > 1e-6 || Math.abs(col - Math.rint(col)) > 1e-6) {
                    problems.add(where + ", " + what + ": " + lon + ", " + lat + " is not the centre of a "
                            + shape.gridKm() + " km cell");
                }
            } else if (gazetteer.places().stream()
                    .noneMatch(p -> Math.abs(p.lon() - lon) < 1e-7 && Math.abs(p.lat() - lat) < 1e-7)) {
                problems.add(where + ", " + what + ": " + lon + ", " + lat + " is no city's point");
            }
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }
}
