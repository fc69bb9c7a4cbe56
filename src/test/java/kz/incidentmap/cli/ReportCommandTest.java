package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kz.incidentmap.store.IncidentStore;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report}: a PDF of what a filter or a view chooses; every refusal leaves no file behind. */
class ReportCommandTest {

    @TempDir
    static Path dir;

    private static String db;

    @BeforeAll
    static void seed() throws Exception {
        Path store = dir.resolve("s.gpkg");
        IncidentStore.openOrCreate(store, Path.of("data/incidents.json")).close();
        db = store.toString();
    }

    @Test
    void aFilteredReportHoldsWhatPassesAndSaysTheFilter() throws Exception {
        Path out = dir.resolve("taraz.pdf");
        TestCli.Result r = TestCli.run("report", "--db", db, "--from", "2011-11-12", "--to", "2011-11-12",
                "--exported-at", "2026-12-07T17:00Z", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote " + out) && r.out().contains("of 16 pass the filter"), r.out());
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Filter: "), "the filter in words on the cover");
            assertTrue(text.contains("Taraz: raid on a weapons store"), text);
            assertFalse(text.contains("Two blasts in Atyrau"), "an incident of October is not in a report of 12 November");
            assertTrue(text.contains("Made 2026-12-07 17:00"), text);
            // The event sequences are the store's events: the Taraz attack's five sites in its order, titled.
            int at = text.indexOf("Taraz attack of 12 November 2011: 5 incidents in order");
            assertTrue(at > 0, text);
            String sequence = text.substring(at);
            assertTrue(sequence.indexOf("1. 12 ") < sequence.indexOf("two surveillance officers killed")
                    && sequence.indexOf("two surveillance officers killed") < sequence.indexOf("raid on a weapons store")
                    && sequence.indexOf("raid on a weapons store") < sequence.indexOf("5. 12 ")
                    && sequence.indexOf("5. 12 ") < sequence.indexOf("blast by the central food market"), sequence);
            assertTrue(text.contains("The 2011 wave of attacks, from the Aktobe bombing to the Taraz claim: "),
                    "the campaign, with its incidents the filter lets in: " + text);
            assertFalse(text.contains("taraz-2011-11-12: "), "the group is an event: not listed again under its key");
        }
    }

    @Test
    void aSavedViewGivesTheAreaAndTheFilterAndIsNamedInWords() throws Exception {
        Path store = dir.resolve("views.gpkg");
        java.nio.file.Files.copy(Path.of(db), store);
        assertEquals(0, TestCli.run("views", "save", "--db", store.toString(), "Taraz attack", "--city", "Taraz",
                "--from", "2011-11-12", "--to", "2011-11-12").code());
        Path out = dir.resolve("view.pdf");
        TestCli.Result r = TestCli.run("report", "--db", store.toString(), "--view", "Taraz attack", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Incident report: Taraz attack"), text.substring(0, 200));
            assertTrue(text.contains("Filter: 12 Nov 2011 \u00b7 7 of 16 incidents"), text.substring(0, 400));
            assertFalse(text.contains("Two blasts in Atyrau"));
        }
    }

    @Test
    void refusalsNameTheProblemAndLeaveNoFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("refusals"));
        Path out = folder.resolve("r.pdf");
        List<List<String>> bad = List.of(
                List.of("--out", folder.resolve("missing").resolve("r.pdf").toString()),
                List.of("--out", folder.resolve("r.txt").toString()),
                List.of("--view", "No such view", "--out", out.toString()),
                List.of("--type", "nonsense", "--out", out.toString()),
                List.of("--redact", "no-such-profile", "--out", out.toString()));
        List<String> says = List.of("does not exist", "must end in .pdf", "has no view of that name", "nonsense",
                "no-such-profile");
        for (int k = 0; k < bad.size(); k++) {
            List<String> args = new java.util.ArrayList<>(List.of("report", "--db", db));
            args.addAll(bad.get(k));
            TestCli.Result r = TestCli.run(args.toArray(String[]::new));
            assertTrue(r.code() != 0, bad.get(k) + " is refused");
            assertTrue(r.err().contains(says.get(k)), bad.get(k) + ": " + r.err());
            try (Stream<Path> left = Files.list(folder)) {
                assertEquals(List.of(), left.toList(), bad.get(k) + " leaves nothing");
            }
        }
    }

    @Test
    void aReadOnlyFileIsRefusedAndKept() throws Exception {
        Path out = dir.resolve("kept.pdf");
        Files.writeString(out, "an older report");
        assertTrue(out.toFile().setWritable(false));
        try {
            TestCli.Result r = TestCli.run("report", "--db", db, "--out", out.toString());
            if (!Files.isWritable(out)) {
                assertEquals(2, r.code(), r.out());
                assertTrue(r.err().contains("cannot write there"), r.err());
                assertEquals("an older report", Files.readString(out));
            }
        } finally {
            out.toFile().setWritable(true);
        }
    }
}
