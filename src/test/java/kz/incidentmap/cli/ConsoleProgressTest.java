package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void aLongImportPrintsEachTenthCheckedAndWhatIsWritten() {
        StringWriter text = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(text), "big.csv");
        for (int done = 1; done <= 1_000; done++) {
            p.report(done * 2_000L, 2_000_000);
        }
        p.written(50_000, 100_000);
        List<String> lines = text.toString().lines().toList();
        assertEquals(12, lines.size(), text.toString());
        assertEquals("big.csv: 0% read and checked", lines.get(0));
        assertEquals("big.csv: 10% read and checked", lines.get(1));
        assertEquals("big.csv: 100% read and checked", lines.get(10));
        assertEquals("big.csv: 50,000 of 100,000 records written", lines.get(11));
    }

    @Test
    void aStreetImportRewritesOneLineThatEndsOnce() {
        StringWriter text = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(text), "map.osm");
        p.update(0, "Reading relations");
        p.update(0.001, "Reading relations");
        p.update(0.25, "Reading relations");
        p.endLine();
        p.endLine();
        assertEquals(String.format("\r%-28s   0%%\r%-28s  25%%%n", "Reading relations", "Reading relations"),
                text.toString());
        StringWriter quiet = new StringWriter();
        new ConsoleProgress(new PrintWriter(quiet), "map.osm").endLine();
        assertEquals("", quiet.toString(), "no line was started, none is ended");
    }

    @Test
    void aShortImportPrintsNothing() {
        StringWriter text = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(text), "small.csv");
        for (int done = 1; done <= 1_000; done++) {
            p.report(done, 1_000);
        }
        p.written(1_000, 1_000);
        assertTrue(text.toString().isEmpty(), text.toString());
    }
}
