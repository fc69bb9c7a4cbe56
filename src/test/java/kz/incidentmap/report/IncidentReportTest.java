package kz.incidentmap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.incidentmap.TestMaps;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.SourceCopy;
import kz.incidentmap.redact.Redaction;
import kz.incidentmap.render.RenderContext;
import kz.incidentmap.store.IncidentStore;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of the shipped incidents, read back with PDFBox: its pages, contents, cards, fonts and failures. */
class IncidentReportTest {

    private static final ZonedDateTime MADE = ZonedDateTime.parse("2026-12-07T17:00Z");
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TempDir
    static Path dir;

    private static List<Incident> shipped;
    private static LoadedMap map;
    private static Path report;

    @BeforeAll
    static void write() throws Exception {
        Path store = dir.resolve("s.gpkg");
        IncidentStore.openOrCreate(store, Path.of("data/incidents.json")).close();
        try (IncidentStore s = IncidentStore.openForViewing(store)) {
            shipped = s.all();
        }
        map = TestMaps.load(List.of());
        report = dir.resolve("report.pdf");
        write(shipped, report, Redaction.NONE, ReportProgress.NONE);
    }

    private static IncidentReport.Written write(List<Incident> incidents, Path out, Redaction redaction,
            ReportProgress progress) throws IOException {
        // One copy kept of the first source: its hash goes to the list of sources.
        String key = incidents.get(0).sources().get(0).key();
        Map<String, List<SourceCopy>> copies = new HashMap<>();
        copies.put(key, List.of(new SourceCopy(1, key, "page.html", "text/html", 1234, HASH, MADE.toInstant())));
        ReportRequest r = new ReportRequest("Incident report: Kazakhstan", "Kazakhstan \u00b7 2011", "", incidents,
                copies, map.model(), map.home(), redaction, MADE, Texts.ENGLISH);
        return new IncidentReport(RenderContext.singleThreaded()).write(r, out, progress);
    }

    private static String text(PDDocument doc, int from, int to) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(from);
        s.setEndPage(to);
        return s.getText(doc);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ");
    }

    @Test
    void theShippedIncidentsMakeAReportOfSensibleLengthWithEveryTitleAndTheCopiesHash() throws Exception {
        try (PDDocument doc = Loader.loadPDF(report.toFile())) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 5 && pages <= 10, "16 incidents on " + pages + " pages");
            String all = oneLine(text(doc, 1, pages));
            for (Incident i : shipped) {
                assertTrue(all.contains(oneLine(i.title())), "the card of " + i.title());
            }
            assertTrue(all.contains(HASH), "the archived copy's hash is listed with its source");
            assertTrue(all.contains("This report holds 16 incidents."), all);
            for (int k = 1; k <= pages; k++) {
                assertTrue(text(doc, k, k).contains(k + " / " + pages), "page " + k + " is numbered");
            }
        }
    }

    @Test
    void theContentsGiveThePagesWhereTheSectionsStart() throws Exception {
        try (PDDocument doc = Loader.loadPDF(report.toFile())) {
            String contentsPage = text(doc, 2, 2);
            assertTrue(contentsPage.contains("Contents"), contentsPage);
            Matcher m = Pattern.compile("(?m)^([A-Za-z ]+?) ?\\.{3,} ?(\\d+)\\s*$").matcher(contentsPage);
            List<String> titles = new ArrayList<>();
            while (m.find()) {
                String title = m.group(1).strip();
                int listed = Integer.parseInt(m.group(2));
                titles.add(title);
                assertEquals(listed, firstPageWithLine(doc, title), title);
            }
            assertEquals(List.of("Incidents by month", "Incidents by type", "Incidents by oblast", "Timeline",
                    "Incidents", "Event sequences", "Sources"), titles);
        }
    }

    /** The first page with a line that is exactly {@code line} (a heading), the contents' own lines aside. */
    private static int firstPageWithLine(PDDocument doc, String line) throws IOException {
        for (int k = 1; k <= doc.getNumberOfPages(); k++) {
            if (Stream.of(text(doc, k, k).split("\\R")).anyMatch(l -> l.strip().equals(line))) {
                return k;
            }
        }
        return -1;
    }

    @Test
    void everyFontIsEmbedded() throws Exception {
        try (PDDocument doc = Loader.loadPDF(report.toFile())) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                fonts(page.getResources(), fonts, 0);
            }
            assertFalse(fonts.isEmpty());
            for (PDFont f : fonts) {
                assertTrue(f.isEmbedded(), f.getName() + " is embedded");
            }
            assertTrue(fonts.stream().anyMatch(f -> f.getName().contains("DejaVuSans")), "DejaVu Sans is used");
        }
    }

    private static void fonts(PDResources resources, List<PDFont> out, int depth) throws IOException {
        if (resources == null || depth > 4) {
            return;
        }
        for (COSName n : resources.getFontNames()) {
            out.add(resources.getFont(n));
        }
        for (COSName n : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(n);
            if (x instanceof PDFormXObject form) {
                fonts(form.getResources(), out, depth + 1);
            }
        }
    }

    @Test
    void aCardLongerThanAPageCarriesOnUnderItsTitle() throws Exception {
        Incident first = shipped.get(0);
        String longText = "The account goes on at length. ".repeat(600);
        Incident longOne = new Incident(first.id(), "A very long account", first.type(), first.date(),
                first.datePrecision(), first.place(), first.oblast(), first.lon(), first.lat(), first.locationPrecision(),
                null, null, longText, null, first.sources(), first.claims());
        Path out = dir.resolve("long.pdf");
        write(List.of(longOne), out, Redaction.NONE, ReportProgress.NONE);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            String all = text(doc, 1, doc.getNumberOfPages());
            assertTrue(all.contains("A very long account (continued)"), all.substring(0, 400));
        }
    }

    @Test
    void aFolderThatDoesNotExistIsRefusedAndNothingIsLeft() {
        Path out = dir.resolve("no-such-folder").resolve("r.pdf");
        IOException e = assertThrows(IOException.class, () -> write(shipped, out, Redaction.NONE, ReportProgress.NONE));
        assertTrue(e.getMessage().contains("does not exist") && e.getMessage().contains("nothing was written"),
                e.getMessage());
        assertFalse(Files.exists(out.getParent()));
    }

    @Test
    void aCancelledReportLeavesNoFileNorPartFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("cancel"));
        Path out = folder.resolve("r.pdf");
        List<Incident> many = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            many.addAll(shipped);
        }
        ReportProgress stop = new ReportProgress() {
            @Override
            public void at(String what, double fraction) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        assertThrows(CancellationException.class, () -> write(many, out, Redaction.NONE, stop));
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void tablesSumTheKilledAndWoundedAsRanges() {
        Incident first = shipped.get(0);
        Incident a = first.withLinks(List.of(), List.of(new kz.incidentmap.model.Claim("x", 6, 2, null, null),
                new kz.incidentmap.model.Claim("y", 7, null, null, null)));
        Incident b = first.withLinks(List.of(), List.of(new kz.incidentmap.model.Claim("x", 1, null, null, null)));
        Incident none = first.withLinks(List.of(), List.of());
        Tally t = new Tally();
        List.of(a, b, none).forEach(t::add);
        assertEquals(3, t.count());
        assertEquals("7\u20138", t.killed());
        assertEquals("2", t.wounded());
        assertEquals("\u2013", new Tally().killed());
        List<SummaryRows.Row> months = SummaryRows.byMonth(List.of(a, b), Texts.ENGLISH);
        assertEquals(1, months.size(), "both of one month");
        assertEquals(2, months.get(0).tally().count());
    }
}
