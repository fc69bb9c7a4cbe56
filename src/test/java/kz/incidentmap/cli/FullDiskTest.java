package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.incidentmap.TestMaps;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.tools.SyntheticIncidents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands on a disk that fills up: a small tmpfs, mounted in a mount namespace of a child shell of
 * its own ({@code unshare}, which needs no privileges where the kernel allows user namespaces, as
 * Debian's does), runs the commands in child JVMs. The message names the full disk, the store keeps
 * every byte, and no part file or journal is left behind.
 */
class FullDiskTest {

    @TempDir
    static Path tmp;

    private static Path csv;
    private static Path source;

    /** A CSV of 5,000 made-up incidents, about 4 MB in a store: more than the small disk holds. */
    @BeforeAll
    static void records() throws Exception {
        source = tmp.resolve("source.gpkg");
        SyntheticIncidents made = SyntheticIncidents.forMaps(TestMaps.MAPS, 11);
        IncidentStore.createBulk(source, made.sources(), made.incidents(5_000), n -> { });
        csv = tmp.resolve("records.csv");
        assertEquals(0, TestCli.run("export", "--db", source.toString(), "--out", csv.toString()).code());
    }

    /**
     * Runs {@code script} in a shell with a tmpfs of {@code megabytes} mounted at $D; $APP runs this
     * application in a JVM. Returns what the shell printed, standard error included.
     */
    private static String onSmallDisk(int megabytes, String script) throws Exception {
        Path mount = Files.createDirectories(tmp.resolve("disk-" + System.nanoTime()));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String app = java + " -Djava.awt.headless=true -cp " + System.getProperty("java.class.path") + " "
                + kz.incidentmap.Main.class.getName();
        ProcessBuilder pb = new ProcessBuilder("unshare", "--map-root-user", "--mount", "sh", "-c",
                "mount -t tmpfs -o size=" + megabytes + "m tmpfs \"$D\" || { echo 'cannot mount a tmpfs'; exit 90; }\n"
                        + "cd \"$D\"\n" + script)
                .redirectErrorStream(true);
        pb.environment().put("D", mount.toString());
        pb.environment().put("APP", app);
        pb.environment().put("CSV", csv.toString());
        pb.environment().put("SOURCE", source.toString());
        pb.directory(Path.of("").toAbsolutePath().toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), out);
        assertTrue(!out.contains("cannot mount a tmpfs"), "this test needs unshare and user namespaces: " + out);
        return out;
    }

    private static List<String> lines(String out) {
        return out.lines().filter(l -> !l.contains("read and checked")).toList();
    }

    @Test
    void initOnAFullDiskSaysSoAndLeavesNothing() throws Exception {
        String out = onSmallDisk(3, """
                head -c 4000000 /dev/zero > fill 2>/dev/null
                $APP init new.gpkg; echo "exit $?"
                ls -A
                """);
        List<String> lines = lines(out);
        assertTrue(lines.get(0).matches("init: error: no space left on the disk holding new\\.gpkg \\(needed about 2 MB,"
                + " 0 MB free\\): cannot create the store; nothing was changed"), out);
        assertEquals(List.of("exit 1", "fill"), lines.subList(1, lines.size()), out);
    }

    @Test
    void anImportThatRunsOutOfRoomLeavesTheStoreAsItWas() throws Exception {
        String out = onSmallDisk(5, """
                $APP init a.gpkg > /dev/null
                before=$(sha256sum a.gpkg)
                $APP import "$CSV" --db a.gpkg; echo "exit $?"
                [ "$before" = "$(sha256sum a.gpkg)" ] && echo "store unchanged"
                ls -A
                $APP check --db a.gpkg
                """);
        List<String> lines = lines(out);
        // 5,000 incidents at about 850 bytes each do not fit: refused before anything is written.
        assertTrue(lines.get(0).matches("import: error: not enough space on the disk holding a\\.gpkg \\(needed about"
                + " \\d MB, \\d MB free\\): cannot import incidents; nothing was changed"), out);
        assertEquals(List.of("exit 1", "store unchanged", "a.gpkg", "a.gpkg-lock", "a.gpkg: ok"),
                lines.subList(1, lines.size()), out);
    }

    /** The estimate (907 bytes an incident) lets the export start; the disk runs out part way. */
    @Test
    void anExportThatRunsOutOfRoomPartWayLeavesNothing() throws Exception {
        String out = onSmallDisk(5, """
                $APP export --db "$SOURCE" --out x.gpkg; echo "exit $?"
                $APP export --db "$SOURCE" --out x.kml; echo "exit $?"
                ls -A
                """);
        List<String> lines = lines(out);
        // The estimate was short of what the export took: the message says so rather than quote it.
        assertTrue(lines.get(0).matches("export: error: no space left on the disk holding x\\.gpkg \\(needed more than"
                + " the \\d MB free\\): cannot export 5,000 incidents; nothing was written"), out);
        assertTrue(lines.get(2).matches("export: error: not enough space on the disk holding x\\.kml \\(needed about 10 MB,"
                + " \\d MB free\\): cannot export 5,000 incidents; nothing was written"), out);
        assertEquals(List.of("exit 1", "exit 1"), List.of(lines.get(1), lines.get(3)), out);
        assertEquals(4, lines.size(), "no file, part file or journal is left: " + out);
    }

    @Test
    void aReportThatRunsOutOfRoomLeavesNothing() throws Exception {
        Path shipped = tmp.resolve("shipped.gpkg");
        IncidentStore.openOrCreate(shipped, Path.of("data/incidents.json")).close();
        // The report of the shipped records takes about 280 KB; the disk has about 100 KB left.
        String out = onSmallDisk(1, """
                head -c 940000 /dev/zero > fill 2>/dev/null
                $APP report --db "%s" --out r.pdf; echo "exit $?"
                ls -A
                """.formatted(shipped));
        List<String> lines = lines(out);
        assertTrue(lines.get(0).matches("report: error: no space left on the disk holding r\\.pdf \\(.*\\): cannot write"
                + " the report r\\.pdf; nothing was written"), out);
        assertEquals(List.of("exit 1", "fill"), lines.subList(1, lines.size()), "no file or part file is left: " + out);
    }
}
