package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import} of GTD's and another program's CSV: --columns, --unlocated, and their usage errors. */
class ImportFormatsCommandTest {

    private static final String GTD = "src/test/resources/exchange/gtd-sample.csv";
    private static final String OTHER = "src/test/resources/exchange/other-program.csv";

    @TempDir
    Path tmp;

    private Path emptyStore() {
        Path db = tmp.resolve("store.gpkg");
        assertEquals(0, TestCli.run("init", db.toString()).code());
        return db;
    }

    @Test
    void gtdRowsOutsideKazakhstanAreCountedAndUnlocatedOnesPlacedOnRequest() {
        Path db = emptyStore();
        TestCli.Result refused = TestCli.run("import", GTD, "--db", db.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains(GTD + ":5: field 'specificity': 5 (GTD specificity 5"), refused.err());
        TestCli.Result placed = TestCli.run("import", GTD, "--db", db.toString(), "--unlocated", "country");
        assertEquals(0, placed.code(), placed.err());
        assertTrue(placed.out().startsWith(GTD + ": 4 records: 4 added, 0 updated, 0 unchanged, 0 skipped, skipped 1"
                + " rows outside Kazakhstan (format gtd)"), placed.out());
    }

    @Test
    void columnsMapAnotherProgramsCsvAndBadMappingsAreUsageErrors() throws Exception {
        Path db = emptyStore();
        byte[] before = Files.readAllBytes(db);
        TestCli.Result unmapped = TestCli.run("import", OTHER, "--db", db.toString());
        assertEquals(1, unmapped.code());
        assertTrue(unmapped.err().contains(OTHER + ":1: if this is another program's CSV, name which of its columns"
                + " holds which field: --columns FIELD=COLUMN,..."), unmapped.err());
        TestCli.Result unknown = TestCli.run("import", OTHER, "--db", db.toString(), "--columns", "title=event_name,when=day");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("--columns: unknown field 'when' (fields: id, title, type,"), unknown.err());
        TestCli.Result notCsv = TestCli.run("import", OTHER, "--db", db.toString(), "--format", "kml", "--columns",
                "title=event_name");
        assertEquals(2, notCsv.code());
        assertTrue(notCsv.err().contains("--columns is for CSV files, not --format kml"), notCsv.err());
        TestCli.Result missing = TestCli.run("import", OTHER, "--db", db.toString(), "--columns",
                "title=event_name,type=kind,date=date,lon=x,lat=y");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains(OTHER + ":1: field 'date': no such column in the header, for field 'date'"
                + " (columns: event_name, kind, day, x, y, deaths, notes)"), missing.err());
        assertArrayEquals(before, Files.readAllBytes(db), "nothing stored");
        TestCli.Result ok = TestCli.run("import", OTHER, "--db", db.toString(), "--columns",
                "title=event_name,type=kind,date=day,lon=x,lat=y");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().startsWith(OTHER + ": 2 records: 2 added"), ok.out());
    }
}
