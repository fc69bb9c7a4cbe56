package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher bounds an import's heap (the bound the import bench measures with), unless the user set one. */
class LauncherHeapTest {

    @TempDir
    Path dir;

    @BeforeEach
    void fakeJava() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
        Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void anImportGetsTheBoundOtherCommandsAndAUsersOwnBoundDoNot() throws Exception {
        assertTrue(launch(Map.of(), "import", "x.csv").startsWith(ImportBench.LAUNCHER_IMPORT_HEAP + " -jar "),
                "the bound the bench measures");
        assertEquals(List.of(ImportBench.LAUNCHER_OSM_IMPORT_HEAP), heap(launch(Map.of(), "import-osm", "town.osm.pbf")),
                "an OpenStreetMap import too, with its own bound");
        assertEquals(List.of("-Xmx2g"), heap(launch(Map.of("KIM_IMPORT_HEAP", "2g"), "import-osm", "town.osm.pbf")));
        assertEquals(List.of("-Xmx2g"), heap(launch(Map.of("KIM_IMPORT_HEAP", "2g"), "import", "x.csv")));
        assertEquals(List.of(), heap(launch(Map.of("JAVA_TOOL_OPTIONS", "-Xmx4g"), "import", "x.csv")));
        assertEquals(List.of(), heap(launch(Map.of("JDK_JAVA_OPTIONS", "-XX:MaxRAMPercentage=50"), "import", "x.csv")));
        assertEquals(List.of(), heap(launch(Map.of(), "snapshot", "--city", "Taraz")));
    }

    private static List<String> heap(String args) {
        return List.of(args.split(" ")).stream().filter(a -> a.startsWith("-Xmx")).toList();
    }

    private String launch(Map<String, String> env, String... args) throws Exception {
        Path launcher = Path.of("src/main/sh/kz-incident-map").toAbsolutePath();
        List<String> command = new java.util.ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("KIM_IMPORT_HEAP");
        pb.environment().putAll(env);
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return output;
    }
}
