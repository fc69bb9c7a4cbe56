package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.incidentmap.filter.FilterArguments;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.filter.TimeMatch;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A view saved in the store gives snapshot and export the same area and filter as the options it was saved with. */
class ViewsCommandTest {

    @TempDir
    static Path dir;

    private static String db;

    @BeforeAll
    static void seedStore() throws Exception {
        Path store = dir.resolve("s.gpkg");
        IncidentStore.openOrCreate(store, Path.of("data/incidents.json")).close();
        db = store.toString();
    }

    private static final String[] FILTER = {"--from", "2011-05-01", "--to", "2011-12-31", "--type", "suicide_bombing,explosion"};

    private static String[] with(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private static int drawn(TestCli.Result r) {
        Matcher m = Pattern.compile("(\\d+) incidents drawn").matcher(r.out());
        assertTrue(m.find(), r.out() + r.err());
        return Integer.parseInt(m.group(1));
    }

    private static int exported(TestCli.Result r) {
        Matcher m = Pattern.compile("Exported (\\d+) incidents").matcher(r.out());
        assertTrue(m.find(), r.out() + r.err());
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aSavedViewGivesSnapshotAndExportItsAreaAndFilter() throws Exception {
        TestCli.Result saved = TestCli.run(with(new String[] {"views", "save", "Blasts 2011", "--db", db}, FILTER));
        assertEquals(0, saved.code(), saved.err());
        TestCli.Result list = TestCli.run("views", "--db", db);
        assertTrue(list.out().contains("Blasts 2011") && list.out().contains("--type explosion,suicide_bombing"), list.out());

        int byView = drawn(TestCli.run("snapshot", "--db", db, "--view", "blasts 2011", "--out", dir.resolve("v.png").toString()));
        int byOptions = drawn(TestCli.run(with(new String[] {"snapshot", "--db", db, "--out", dir.resolve("o.png").toString()}, FILTER)));
        assertEquals(byOptions, byView);
        assertTrue(byView > 0 && byView < 16, "the filter chose some: " + byView);

        int exportedByView = exported(TestCli.run("export", "--db", db, "--view", "Blasts 2011", "--out", dir.resolve("v.csv").toString()));
        int exportedByOptions = exported(TestCli.run(with(new String[] {"export", "--db", db, "--out", dir.resolve("o.csv").toString()}, FILTER)));
        assertEquals(exportedByOptions, exportedByView);
    }

    @Test
    void aViewOfACityExportsOnlyWhatItsAreaHolds() throws Exception {
        assertEquals(0, TestCli.run("views", "save", "Taraz centre", "--city", "Taraz", "--db", db).code());
        int inTaraz = exported(TestCli.run("export", "--db", db, "--view", "Taraz centre", "--out", dir.resolve("t.csv").toString()));
        int all = exported(TestCli.run("export", "--db", db, "--out", dir.resolve("all.csv").toString()));
        assertTrue(inTaraz > 0 && inTaraz < all, inTaraz + " of " + all);
    }

    @Test
    void unknownViewsAndMixedOptionsAreRefusedByNameAndChangeNothing() throws Exception {
        assertEquals(0, TestCli.run("views", "save", "Kept", "--db", db).code());
        byte[] before = Files.readAllBytes(Path.of(db));
        TestCli.Result unknown = TestCli.run("snapshot", "--db", db, "--view", "Nowhere", "--out", dir.resolve("n.png").toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("--view Nowhere") && unknown.err().contains("Kept"), unknown.err());
        TestCli.Result mixed = TestCli.run("export", "--db", db, "--view", "Kept", "--type", "explosion",
                "--out", dir.resolve("m.csv").toString());
        assertEquals(2, mixed.code());
        assertTrue(mixed.err().contains("not both"), mixed.err());
        TestCli.Result badName = TestCli.run("views", "save", " ", "--db", db);
        assertEquals(2, badName.code());
        TestCli.Result gone = TestCli.run("views", "delete", "Nowhere", "--db", db);
        assertEquals(2, gone.code());
        assertTrue(gone.err().contains("Nowhere"), gone.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(Path.of(db))), "the store is as it was");
        assertEquals(0, TestCli.run("views", "delete", "kept", "--db", db).code());
    }

    @Test
    void aFilterWrittenAsOptionsReadsBackTheSame() {
        IncidentFilter f = IncidentFilter.builder().time(java.time.LocalDate.parse("2011-05-01"), null, TimeMatch.INSIDE)
                .types(java.util.Set.of(IncidentType.EXPLOSION)).killed(2, 9).text("Тараз").build();
        ViewOption.Arguments holder = new ViewOption.Arguments();
        new picocli.CommandLine(holder).parseArgs(FilterArguments.parse(FilterArguments.json(f)));
        assertEquals(f, holder.filter.build(() -> null, null));
    }
}
