package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sources copy}, {@code copies} and {@code open}: a copy kept, listed, written out checked, refused when damaged. */
class SourcesCommandTest {

    @TempDir
    Path dir;

    private String db;

    @BeforeEach
    void seed() throws Exception {
        Path store = dir.resolve("s.gpkg");
        IncidentStore.openOrCreate(store, Path.of("data/incidents.json")).close();
        db = store.toString();
    }

    @Test
    void aCopyIsKeptListedAndWrittenOutWhole() throws Exception {
        Path pdf = dir.resolve("report.pdf");
        byte[] bytes = "%PDF-1.4 seven killed".getBytes(StandardCharsets.US_ASCII);
        Files.write(pdf, bytes);
        TestCli.Result kept = TestCli.run("sources", "copy", "--db", db, "blog-2011-11-12", pdf.toString());
        assertEquals(0, kept.code(), kept.err());
        assertTrue(kept.out().startsWith("kept report.pdf (application/pdf, 21 bytes) for source 'blog-2011-11-12'"
                + " as copy 1, SHA-256 "), kept.out());
        TestCli.Result text = TestCli.run("sources", "copy", "--db", db, "lwj-2011-11", "--text", "Six killed, says the"
                + " journal");
        assertEquals(0, text.code(), text.err());

        TestCli.Result listed = TestCli.run("sources", "copies", "--db", db);
        assertEquals(0, listed.code(), listed.err());
        assertEquals(2, listed.out().lines().count(), listed.out());
        assertTrue(listed.out().contains("1\tblog-2011-11-12\treport.pdf\tapplication/pdf\t21 bytes\tsaved "), listed.out());
        assertTrue(listed.out().contains("lwj-2011-11\tpasted.txt\ttext/plain"), listed.out());
        TestCli.Result one = TestCli.run("sources", "copies", "--db", db, "lwj-2011-11");
        assertEquals(1, one.out().lines().count(), one.out());

        Path out = dir.resolve("back.pdf");
        TestCli.Result opened = TestCli.run("sources", "open", "--db", db, "1", "--out", out.toString());
        assertEquals(0, opened.code(), opened.err());
        assertArrayEquals(bytes, Files.readAllBytes(out));
    }

    @Test
    void aDamagedCopyIsRefusedAndNothingWritten() throws Exception {
        Path txt = dir.resolve("note.txt");
        Files.writeString(txt, "seven killed");
        assertEquals(0, TestCli.run("sources", "copy", "--db", db, "blog-2011-11-12", txt.toString()).code());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("UPDATE source_copies SET bytes = CAST('six killed' AS BLOB)");
        }
        Path out = dir.resolve("back.txt");
        TestCli.Result r = TestCli.run("sources", "open", "--db", db, "1", "--out", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("the copy note.txt of source 'blog-2011-11-12' is damaged"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void badArgumentsAreNamedAndNothingIsStored() throws Exception {
        long modified = Files.getLastModifiedTime(Path.of(db)).toMillis();
        TestCli.Result missing = TestCli.run("sources", "copy", "--db", db, "blog-2011-11-12", dir.resolve("nope.pdf")
                .toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.pdf: no such file"), missing.err());
        Path txt = dir.resolve("note.txt");
        Files.writeString(txt, "text");
        TestCli.Result unknown = TestCli.run("sources", "copy", "--db", db, "no-such-source", txt.toString());
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("the store has no source with that key"), unknown.err());
        TestCli.Result noId = TestCli.run("sources", "open", "--db", db, "7", "--out", dir.resolve("x").toString());
        assertEquals(2, noId.code());
        assertTrue(noId.err().contains("keeps no copy with that id"), noId.err());
        TestCli.Result none = TestCli.run("sources", "copies", "--db", db);
        assertTrue(none.out().contains("keeps no copies"), none.out());
        assertEquals(modified, Files.getLastModifiedTime(Path.of(db)).toMillis(), "the store untouched");
    }
}
