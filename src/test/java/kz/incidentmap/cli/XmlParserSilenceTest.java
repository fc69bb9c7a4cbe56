package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The XML files a user imports (OpenStreetMap, KML) are refused with our one line only: the JDK's XML
 * parser writes "[Fatal Error] …" to the process's error stream by itself unless it is kept from it.
 */
class XmlParserSilenceTest {

    @TempDir
    Path tmp;

    /** Runs the command line, with whatever the process prints to System.err caught in {@code stray}. */
    private static String run(ByteArrayOutputStream stray, String... args) {
        StringWriter err = new StringWriter();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
        try {
            assertEquals(1, Cli.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err)));
        } finally {
            System.setErr(saved);
        }
        return err.toString();
    }

    @Test
    void aByteThatIsNotUtf8IsOurMessageAlone() throws Exception {
        Path db = tmp.resolve("s.gpkg");
        IncidentStore.createEmpty(db);
        Path osm = tmp.resolve("latin1.osm");
        String text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\">\n"
                + "  <node id=\"1\" lat=\"42.9\" lon=\"71.4\"><tag k=\"name\" v=\"Akt\u00f6be\"/></node>\n</osm>\n";
        Files.write(osm, text.getBytes(StandardCharsets.ISO_8859_1)); // one byte a character
        Path kml = tmp.resolve("latin1.kml");
        Files.write(kml, ("<?xml version=\"1.0\"?>\n<kml><Document><Placemark><name>Akt\u00f6be</name></Placemark>"
                + "</Document></kml>\n").getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        String osmError = run(stray, "import-osm", osm.toString(), "--db", db.toString());
        String kmlError = run(stray, "import", kml.toString(), "--db", db.toString());
        Path broken = tmp.resolve("broken.kml");
        Files.writeString(broken, "<?xml version=\"1.0\"?>\n<kml><Document><Placemark></Document>\n");
        String brokenError = run(stray, "import", broken.toString(), "--db", db.toString());
        assertEquals("", stray.toString(StandardCharsets.UTF_8), "printed by the XML parser itself");
        assertTrue(osmError.contains("import-osm: error: " + osm + ":3: not UTF-8 text (byte 0xF6 at offset "
                + text.indexOf('\u00f6') + "); OpenStreetMap XML is UTF-8"), osmError);
        assertTrue(brokenError.contains("import: error: " + broken + ":2:"), brokenError);
        assertTrue(kmlError.contains("import: error: " + kml + ":2: not UTF-8 text (byte 0xF6 at offset "), kmlError);
    }
}
