package kz.incidentmap.store;

import static kz.incidentmap.store.StoreFixtures.seededStore;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only one copy of the application edits a store at a time; others are told so and may still view it. */
class StoreLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondEditorInTheSameProcessIsRefusedAndMayView() throws Exception {
        Path db = seededStore(dir);
        try (IncidentStore first = IncidentStore.open(db)) {
            byte[] before = Files.readAllBytes(db);
            StoreLockedException e = assertThrows(StoreLockedException.class, () -> IncidentStore.open(db));
            assertTrue(e.getMessage().startsWith(db.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("open for editing in another running copy"), e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(db));
            try (IncidentStore viewer = IncidentStore.openForViewing(db)) {
                assertTrue(viewer.isReadOnly());
                assertEquals(first.count(), viewer.count());
            }
        }
        try (IncidentStore again = IncidentStore.open(db)) {
            assertTrue(!again.isReadOnly(), "closing the first store releases the lock");
        }
    }

    @Test
    void anotherRunningProcessHoldsTheLock() throws Exception {
        Path db = seededStore(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), db.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertEquals("open 16", line, "the other process opened the store");
            byte[] before = Files.readAllBytes(db);
            StoreLockedException e = assertThrows(StoreLockedException.class, () -> IncidentStore.open(db));
            assertTrue(e.getMessage().contains("another running copy"), e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(db));
            other.getOutputStream().close();
            assertTrue(other.waitFor(30, TimeUnit.SECONDS), "the other process ends when its input closes");
        } finally {
            other.destroy();
        }
        try (IncidentStore mine = IncidentStore.open(db)) {
            assertEquals(16, mine.count(), "the lock went away with the other process");
        }
    }
}
