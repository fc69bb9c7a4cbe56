package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.incidentmap.store.IncidentStore;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code snapshot --lang}: the page's own words (title, legend, scale bar, footer) in Russian or Kazakh. */
class SnapshotLanguageTest {

    @TempDir
    static Path dir;

    private static String db;

    @BeforeAll
    static void seedStore() throws Exception {
        Path store = dir.resolve("s.gpkg");
        IncidentStore.openOrCreate(store, Path.of("data/incidents.json")).close();
        db = store.toString();
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aPageInRussianHasRussianWordsAndNotTheEnglishOnes() throws Exception {
        Path svg = dir.resolve("ru.svg");
        Result r = run("snapshot", "--db", db, "--lang", "ru", "--from", "2011-11-12", "--to", "2011-11-12",
                "--exported-at", "2026-11-22T18:00Z", "--out", svg.toString());
        assertEquals(0, r.code(), r.err());
        String page = Files.readString(svg);
        for (String word : List.of("Казахстан — инциденты безопасности", "инциденты с 12 нояб. 2011 г. по 12 нояб. 2011 г.",
                "Легенда", "Инцидентов: ", "Фильтр: 12 нояб. 2011 г.", "Данные:", "масштаб 1:", "км")) {
            assertTrue(page.contains(word), "the page says " + word);
        }
        for (String word : List.of("security incidents", "Legend", "Filter:", "Data:", "scale 1:", "exported",
                " km<", "incidents from", "Suicide bombing", "Armed attack", "Explosion")) {
            assertFalse(page.contains(word), "the page does not say " + word);
        }
    }

    @Test
    void aPdfPageInKazakhHasKazakhWords() throws Exception {
        Path pdf = dir.resolve("kk.pdf");
        Result r = run("snapshot", "--db", db, "--lang", "kk", "--exported-at", "2026-11-22T18:00Z", "--out",
                pdf.toString());
        assertEquals(0, r.code(), r.err());
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        for (String word : List.of("Қазақстан — қауіпсіздік оқиғалары", "Шартты белгілер", "Деректер:", "масштабы 1:")) {
            assertTrue(text.contains(word), "the page says " + word + ": " + text);
        }
        assertFalse(text.contains("security incidents"), text);
        assertFalse(text.contains("Legend"), text);
    }

    @Test
    void withoutLangThePageIsEnglishAndAnUnknownLanguageIsRefused() throws Exception {
        Path svg = dir.resolve("en.svg");
        assertEquals(0, run("snapshot", "--db", db, "--out", svg.toString()).code());
        assertTrue(Files.readString(svg).contains("Kazakhstan \u2014 security incidents"));
        Path never = dir.resolve("de.svg");
        Result de = run("snapshot", "--db", db, "--lang", "de", "--out", never.toString());
        assertEquals(2, de.code());
        assertTrue(de.err().contains("unknown language 'de' (known: en, ru, kk)"), de.err());
        assertFalse(Files.exists(never), "nothing written");
    }
}
