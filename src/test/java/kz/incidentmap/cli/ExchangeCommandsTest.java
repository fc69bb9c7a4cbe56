package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import kz.incidentmap.TestMaps;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreConnections;
import kz.incidentmap.tools.SyntheticIncidents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code init}, {@code import} and {@code export} end to end: exit codes, messages, and what is stored. */
class ExchangeCommandsTest {

    @TempDir
    Path tmp;

    private Path seeded;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeEach
    void seed() throws Exception {
        seeded = tmp.resolve("seeded.gpkg");
        IncidentStore.createIfMissing(seeded, Path.of("data/incidents.json"));
    }

    private static int count(Path db) throws Exception {
        try (IncidentStore s = IncidentStore.openForViewing(db)) {
            return s.count();
        }
    }

    @Test
    void initExportAndImportEachFormat() throws Exception {
        for (String format : new String[] {"csv", "geojson", "kml", "gpkg"}) {
            Path fresh = tmp.resolve("fresh-" + format + ".gpkg");
            Result init = run("init", fresh.toString());
            assertEquals(0, init.code(), init.err());
            assertEquals(0, count(fresh));
            Path file = tmp.resolve("taraz." + format);
            Result export = run("export", "--db", seeded.toString(), "--city", "Taraz", "--out", file.toString());
            assertEquals(0, export.code(), export.err());
            assertTrue(export.out().startsWith("Exported 7 incidents to "), export.out());
            Result imported = run("import", file.toString(), "--db", fresh.toString());
            assertEquals(0, imported.code(), imported.err());
            assertTrue(imported.out().startsWith(file + ": 7 records: 7 added, 0 updated, 0 unchanged, 0 skipped"
                    + " (format " + format + ")"), imported.out());
            assertEquals(7, count(fresh));
        }
    }

    @Test
    void aLargeImportListsTheFirstProblemsAndCountsTheRest() throws Exception {
        Path fresh = tmp.resolve("warned.gpkg");
        assertEquals(0, run("init", fresh.toString()).code());
        StringBuilder csv = new StringBuilder("title,type,date,lon,lat,source_title\r\n");
        int rows = ImportCommand.LISTED + 12;
        for (int i = 0; i < rows; i++) {
            // Tashkent, just over the border: a warning, not an error.
            csv.append("Blast ").append(i).append(",explosion,2011-11-12,69.59,41.31,Report\r\n");
        }
        Path file = tmp.resolve("over-the-border.csv");
        Files.writeString(file, csv.toString());
        Result r = run("import", file.toString(), "--db", fresh.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(ImportCommand.LISTED, r.out().lines().filter(l -> l.startsWith("warning: " + file)).count(), r.out());
        assertTrue(r.out().contains("warning: 12 more (lat 12); --all-problems lists every one"), r.out());
        assertEquals(rows, count(fresh), "warnings do not stop the import");

        Path again = tmp.resolve("warned-all.gpkg");
        assertEquals(0, run("init", again.toString()).code());
        Result all = run("import", file.toString(), "--db", again.toString(), "--all-problems");
        assertEquals(rows, all.out().lines().filter(l -> l.startsWith("warning: " + file)).count(), all.out());
    }

    @Test
    void initTakesMapsAndDbLikeEveryCommand() throws Exception {
        Path named = tmp.resolve("named.gpkg");
        Result withMaps = run("init", named.toString(), "--maps", "maps");
        assertEquals(0, withMaps.code(), withMaps.err());
        assertEquals(0, count(named));
        Path byDb = tmp.resolve("by-db.gpkg");
        Result withDb = run("init", "--db", byDb.toString(), "--maps", "maps");
        assertEquals(0, withDb.code(), withDb.err());
        assertEquals("Created an empty incident store: " + byDb + System.lineSeparator(), withDb.out());
        Path before = tmp.resolve("db-before.gpkg");
        assertEquals(0, run("--db", before.toString(), "init").code(), "--db before the command word");
        assertEquals(0, count(before));
        Path same = tmp.resolve("same.gpkg");
        assertEquals(0, run("init", same.toString(), "--db", same.toString()).code(), "both naming one store");
    }

    @Test
    void initWithoutAStoreOrWithTwoCreatesNothing() throws Exception {
        Result none = run("init", "--maps", "maps");
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("init: name the store to create: init FILE, or init --db FILE"), none.err());
        Path a = tmp.resolve("a.gpkg");
        Path b = tmp.resolve("b.gpkg");
        Result two = run("init", a.toString(), "--db", b.toString());
        assertEquals(2, two.code());
        assertTrue(two.err().startsWith("init: FILE " + a + " and --db " + b + " name two different stores; give one"
                + " of them"), two.err());
        assertFalse(Files.exists(a));
        assertFalse(Files.exists(b));
    }

    @Test
    void initRefusesAnExistingFile() throws Exception {
        byte[] before = Files.readAllBytes(seeded);
        Result r = run("init", seeded.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(seeded + ": already exists; init never writes over a file"), r.err());
        assertArrayEquals(before, Files.readAllBytes(seeded));
    }

    @Test
    void aRefusedImportExitsWithOneAndNamesLineFieldAndReason() throws Exception {
        Path csv = tmp.resolve("bad.csv");
        Files.writeString(csv, "title,type,date,lon,lat,source_title\r\n"
                + "Blast,explosion,2011-11-12,71.36,42.9,Report\r\n"
                + "Second blast,explosion,2011-11-31,71.36,42.9,Report\r\n", StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(seeded);
        Result r = run("import", csv.toString(), "--db", seeded.toString());
        assertEquals(1, r.code());
        assertEquals("import: error: " + csv + ":3: field 'date': '2011-11-31' is not a valid date (expected yyyy-MM-dd)",
                r.err().strip());
        assertArrayEquals(before, Files.readAllBytes(seeded));

        Result kept = run("import", csv.toString(), "--db", seeded.toString(), "--keep-valid");
        assertEquals(0, kept.code(), kept.err());
        assertTrue(kept.out().contains(": 2 records: 1 added, 0 updated, 0 unchanged, 1 skipped"), kept.out());
        assertTrue(kept.out().contains("skipped: " + csv + ":3: field 'date'"), kept.out());
        assertEquals(17, count(seeded));
    }

    @Test
    void badArgumentsExitWithTwo() throws Exception {
        Result missing = run("import", tmp.resolve("absent.csv").toString(), "--db", seeded.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("absent.csv: no such file"), missing.err());
        Result format = run("export", "--db", seeded.toString(), "--format", "gtd", "--out", tmp.resolve("a.csv").toString());
        assertEquals(2, format.code(), "GTD's format is read, not written");
        Result acled = run("export", "--db", seeded.toString(), "--format", "acled", "--out", tmp.resolve("a.csv").toString());
        assertEquals(0, acled.code(), acled.err());
        assertTrue(Files.readString(tmp.resolve("a.csv")).startsWith("event_id_cnty,event_date,"));
        Result noExt = run("export", "--db", seeded.toString(), "--out", tmp.resolve("records.txt").toString());
        assertEquals(2, noExt.code());
        assertTrue(noExt.err().contains("cannot tell the format from the name"), noExt.err());
        Result noDir = run("export", "--db", seeded.toString(), "--out", tmp.resolve("no/x.csv").toString());
        assertEquals(2, noDir.code());
        assertFalse(Files.exists(tmp.resolve("records.txt")));
    }

    @Test
    void aCorruptLockedOrReadOnlyDb() throws Exception {
        Path csv = tmp.resolve("one.csv");
        Files.writeString(csv, "title,type,date,lon,lat,source_title\r\nBlast,explosion,2011-11-12,71.36,42.9,Report\r\n");
        Path text = tmp.resolve("notes.gpkg");
        Files.writeString(text, "not a database\n".repeat(300));
        byte[] textBefore = Files.readAllBytes(text);
        Result corrupt = run("import", csv.toString(), "--db", text.toString());
        assertEquals(1, corrupt.code());
        assertEquals("import: error: " + text + ": not a SQLite database", corrupt.err().strip());
        assertArrayEquals(textBefore, Files.readAllBytes(text));

        byte[] before = Files.readAllBytes(seeded);
        try (IncidentStore app = IncidentStore.open(seeded)) {
            Result locked = run("import", csv.toString(), "--db", seeded.toString());
            assertEquals(1, locked.code());
            assertTrue(locked.err().contains("open for editing in another running copy"), locked.err());
            Result reading = run("incidents", "--db", seeded.toString(), "--format", "csv");
            assertEquals(0, reading.code(), "reading works while another copy edits: " + reading.err());
            assertEquals(app.count(), count(seeded));
        }
        assertArrayEquals(before, Files.readAllBytes(seeded));

        Files.setPosixFilePermissions(seeded, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        try {
            Result readOnly = run("import", csv.toString(), "--db", seeded.toString());
            assertEquals(1, readOnly.code());
            assertTrue(readOnly.err().contains("the store is open for viewing only"), readOnly.err());
        } finally {
            Files.setPosixFilePermissions(seeded, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
        assertArrayEquals(before, Files.readAllBytes(seeded));
    }

    /**
     * A store of {@code count} incidents whose last in date order has a type the app does not know, as
     * another program could leave it: the second page of a scan cannot be read.
     */
    private Path storeBrokenAtTheEnd(int count) throws Exception {
        Path db = tmp.resolve("broken.gpkg");
        SyntheticIncidents gen = SyntheticIncidents.forMaps(TestMaps.MAPS, 21);
        IncidentStore.createBulk(db, gen.sources(), gen.incidents(count), n -> { });
        try (Connection c = StoreConnections.openReadWrite(db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE incidents SET type = 'bogus' WHERE fid = (SELECT fid FROM incidents"
                    + " ORDER BY date DESC, title DESC, uuid DESC LIMIT 1)");
        }
        return db;
    }

    @Test
    void aRecordThatCannotBeReadPartWayStopsExportAndListingWithItsPlaceAndLeavesNoFile() throws Exception {
        Path db = storeBrokenAtTheEnd(2_100);
        Path out = Files.createDirectories(tmp.resolve("out"));
        for (String name : new String[] {"all.csv", "all.gpkg"}) {
            Result export = run("export", "--db", db.toString(), "--out", out.resolve(name).toString());
            assertEquals(1, export.code(), export.out());
            assertTrue(export.err().startsWith("export: error: " + db + ": ") && export.err().contains("field 'type'"),
                    export.err());
            try (Stream<Path> left = Files.list(out)) {
                assertEquals(List.of(), left.toList(), "neither the file nor its temporary copy");
            }
        }
        Result listing = run("incidents", "--db", db.toString());
        assertEquals(1, listing.code());
        assertTrue(listing.err().contains("field 'type'"), listing.err());
        assertTrue(listing.out().startsWith("[ {"), "the pages read before are printed");
        assertFalse(listing.out().strip().endsWith("]"), "a list cut short does not look whole");
    }
}
