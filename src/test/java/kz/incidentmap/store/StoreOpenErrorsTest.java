package kz.incidentmap.store;

import static kz.incidentmap.store.StoreFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * open() refuses every file that is not an intact incident store with a message naming the file and
 * the problem, and leaves the file exactly as it was.
 */
class StoreOpenErrorsTest {

    @TempDir
    Path dir;

    private String refuse(Path file, String expectedProblem) throws Exception {
        boolean existed = Files.exists(file);
        byte[] before = Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        StoreException e = assertThrows(StoreException.class, () -> IncidentStore.open(file).close());
        assertTrue(e.getMessage().contains(file.getFileName().toString()), "no file name in: " + e.getMessage());
        assertTrue(e.getMessage().contains(expectedProblem), "expected '" + expectedProblem + "' in: " + e.getMessage());
        if (!existed) {
            assertFalse(Files.exists(file), "open() must not create a missing file");
        } else if (before != null) {
            assertArrayEquals(before, Files.readAllBytes(file), "open() changed the file");
        }
        return e.getMessage();
    }

    @Test
    void missingFile() throws Exception {
        refuse(dir.resolve("absent.gpkg"), "no such file");
    }

    @Test
    void directory() throws Exception {
        refuse(Files.createDirectory(dir.resolve("folder.gpkg")), "not a regular file");
    }

    @Test
    void emptyFile() throws Exception {
        refuse(Files.createFile(dir.resolve("empty.gpkg")), "not a SQLite database");
    }

    @Test
    void textFile() throws Exception {
        Path f = dir.resolve("notes.gpkg");
        Files.writeString(f, "These are my notes about Taraz, not a database.\n".repeat(50));
        refuse(f, "not a SQLite database");
    }

    @Test
    void garbageFile() throws Exception {
        Path f = dir.resolve("garbage.gpkg");
        byte[] bytes = new byte[8192];
        new Random(42).nextBytes(bytes);
        Files.write(f, bytes);
        refuse(f, "not a SQLite database");
    }

    @Test
    void truncatedStore() throws Exception {
        Path db = seededStore(dir);
        byte[] whole = Files.readAllBytes(db);
        Path cut = dir.resolve("cut.gpkg");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        refuse(cut, "truncated");
    }

    @Test
    void storeCutInsideItsHeader() throws Exception {
        Path db = seededStore(dir);
        Path cut = dir.resolve("stub.gpkg");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(db), 40));
        refuse(cut, "truncated");
    }

    @Test
    void storeWithDamagedPages() throws Exception {
        Path db = seededStore(dir);
        Path damaged = dir.resolve("damaged.gpkg");
        Files.copy(db, damaged);
        long length = Files.size(damaged);
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        try (RandomAccessFile raf = new RandomAccessFile(damaged.toFile(), "rw")) {
            for (long page = 4096; page < length; page += 3 * 4096) { // spare page 1, hit every third page
                raf.seek(page);
                raf.write(noise);
            }
        }
        refuse(damaged, "the store file is damaged");
    }

    @Test
    void plainSqliteDatabase() throws Exception {
        Path f = dir.resolve("plain.gpkg");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("INSERT INTO things (name) VALUES ('a')");
        }
        refuse(f, "not a GeoPackage");
    }

    @Test
    void geoPackageOfSomethingElse() throws Exception {
        Path f = dir.resolve("other.gpkg");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + GeoPackageSchema.APPLICATION_ID);
            s.execute("CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL)");
        }
        refuse(f, "not an incident store");
    }

    @Test
    void storeFromANewerVersion() throws Exception {
        Path db = seededStore(dir);
        try (Connection c = StoreConnections.openReadWrite(db);
                PreparedStatement ps = c.prepareStatement("UPDATE kim_metadata SET value = ? WHERE key = ?")) {
            ps.setString(1, "99");
            ps.setString(2, "schema_version");
            assertEquals(1, ps.executeUpdate());
        }
        refuse(db, "newer version");
    }

    @Test
    void openOrCreateAlsoRefusesAnExistingBadFile() throws Exception {
        Path f = dir.resolve("incidents.gpkg");
        Files.write(f, "not a store".getBytes(StandardCharsets.UTF_8));
        byte[] before = Files.readAllBytes(f);
        StoreException e = assertThrows(StoreException.class, () -> IncidentStore.openOrCreate(f, SEED));
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f), "an existing file must never be overwritten");
    }
}
