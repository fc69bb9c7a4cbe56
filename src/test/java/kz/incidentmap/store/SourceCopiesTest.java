package kz.incidentmap.store;

import static kz.incidentmap.store.StoreFixtures.BLOG;
import static kz.incidentmap.store.StoreFixtures.TARAZ_BLAST;
import static kz.incidentmap.store.StoreFixtures.seededStore;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Credibility;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Reliability;
import kz.incidentmap.model.Source;
import kz.incidentmap.model.SourceCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grades and local copies of sources as the store keeps them. */
class SourceCopiesTest {

    @TempDir
    Path dir;

    @Test
    void gradesAreStoredAndReadBack() throws Exception {
        Path db = seededStore(dir);
        try (IncidentStore store = IncidentStore.open(db)) {
            Incident i = store.byId(TARAZ_BLAST).orElseThrow();
            List<Source> graded = i.sources().stream().map(s -> s.withReliability(Reliability.C)).toList();
            List<Claim> rated = i.claims().stream().map(c -> new Claim(c.sourceKey(), c.killed(), c.wounded(), c.date(),
                    c.note(), Credibility.DOUBTFUL)).toList();
            store.replace(i.withLinks(graded, rated));
        }
        try (IncidentStore store = IncidentStore.openForViewing(db)) {
            Incident i = store.byId(TARAZ_BLAST).orElseThrow();
            assertFalse(i.sources().isEmpty());
            assertTrue(i.sources().stream().allMatch(s -> s.reliability() == Reliability.C), i.sources().toString());
            assertFalse(i.claims().isEmpty());
            assertTrue(i.claims().stream().allMatch(c -> c.credibility() == Credibility.DOUBTFUL), i.claims().toString());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            assertThrows(Exception.class, () -> s.execute("UPDATE sources SET reliability = 'G'"),
                    "the table itself refuses a grade off the scale");
        }
    }

    @Test
    void aCopyIsStoredWithItsChecksumAndReadBackWhole() throws Exception {
        Path db = seededStore(dir);
        byte[] bytes = "seven killed".getBytes(StandardCharsets.UTF_8);
        SourceCopy kept;
        try (IncidentStore store = IncidentStore.open(db)) {
            kept = store.keepCopy(BLOG, "report.txt", "text/plain", bytes);
        }
        assertEquals(SourceCopies.sha256(bytes), kept.sha256());
        assertEquals(64, kept.sha256().length());
        try (IncidentStore store = IncidentStore.openForViewing(db)) {
            List<SourceCopy> copies = store.copies(BLOG);
            assertEquals(List.of(kept), copies);
            assertArrayEquals(bytes, store.copyBytes(copies.get(0)));
            assertEquals(List.of(), store.copies("lwj-2011-11"), "only the copies of that source");
        }
        assertEquals(List.of(), StoreVerifier.problems(db));
    }

    @Test
    void theChecksumIsTheStandardOne() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", SourceCopies.sha256(new byte[0]));
    }

    @Test
    void aDamagedCopyIsToldWhenOpened() throws Exception {
        Path db = seededStore(dir);
        SourceCopy kept;
        try (IncidentStore store = IncidentStore.open(db)) {
            kept = store.keepCopy(BLOG, "report.txt", "text/plain", "seven killed".getBytes(StandardCharsets.UTF_8));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("UPDATE source_copies SET bytes = CAST('six killed' AS BLOB)");
        }
        try (IncidentStore store = IncidentStore.open(db)) {
            StoreException e = assertThrows(StoreException.class, () -> store.copyBytes(kept));
            assertTrue(e.getMessage().contains("report.txt of source '" + BLOG + "' is damaged"), e.getMessage());
        }
        assertEquals(List.of("copy " + kept.id() + " (report.txt) of source '" + BLOG + "' in source_copies is damaged:"
                + " its bytes no longer have the SHA-256 taken when it was saved"), StoreVerifier.problems(db),
                "check finds it too");
    }

    @Test
    void aCopyTooLargeOrOfAnUnknownSourceIsRefusedAndNothingWritten() throws Exception {
        Path db = seededStore(dir);
        byte[] before = Files.readAllBytes(db);
        try (IncidentStore store = IncidentStore.open(db)) {
            StoreException big = assertThrows(StoreException.class, () -> store.keepCopy(BLOG, "film.mp4", "video/mp4",
                    new byte[(int) SourceCopy.MAX_BYTES + 1]));
            assertTrue(big.getMessage().contains("more than the 50 MB a copy may have"), big.getMessage());
            StoreException unknown = assertThrows(StoreException.class,
                    () -> store.keepCopy("no-such-source", "a.txt", "text/plain", new byte[] {1}));
            assertTrue(unknown.getMessage().contains("has no source with that key"), unknown.getMessage());
            assertTrue(store.copies(null).isEmpty());
        }
        assertArrayEquals(before, Files.readAllBytes(db), "nothing was written");
    }
}
