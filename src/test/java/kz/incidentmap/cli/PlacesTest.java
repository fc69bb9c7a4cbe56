package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Places the map cannot show are bad arguments, refused before anything is written. */
class PlacesTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"NaN,40,80,50", "-180,-90,180,90", "0,0,10,10"})
    void snapshotRefusesBoxesOutsideTheMap(String bbox) throws Exception {
        StringWriter err = new StringWriter();
        Path out = temp.resolve("x.png");
        int code = Cli.run(new String[] {"snapshot", "--bbox", bbox, "--out", out.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("--bbox"), err.toString());
        assertTrue(Files.notExists(out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-90", "90", "0"})
    void identifyRefusesPointsOutsideTheMap(String lat) {
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"identify", "--lon", "0", "--lat", lat, "--scale", "5000"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("outside the area this map shows"), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zhambyl", "Jambyl", "\u0416\u0430\u043c\u0431\u044b\u043b"})
    void aNameOfAnOblastAndOfAFormerCityIsRefusedWithBoth(String name) {
        StringWriter err = new StringWriter();
        Path out = temp.resolve("x.png");
        int code = Cli.run(new String[] {"snapshot", "--city", name, "--out", out.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("--city: '" + name + "' names more than one place: "), err.toString());
        assertTrue(err.toString().contains("Zhambyl Region; "), err.toString());
        assertTrue(err.toString().contains("Taraz \u00b7 city in Zhambyl Region \u00b7 358,153 people \u2014 Zhambyl \u2014 a former name of Taraz (1993\u20131997)"),
                err.toString());
        assertTrue(Files.notExists(out));
    }
}
