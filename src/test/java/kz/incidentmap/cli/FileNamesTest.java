package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * File names on the command line: one that cannot be represented is refused, never replaced by another;
 * the launcher gives Java a UTF-8 locale, so that Cyrillic names work in any locale.
 */
class FileNamesTest {

    @TempDir
    Path dir;

    @Test
    void aNameWithAnUndecodableByteIsRefusedNotReplaced() throws Exception {
        Path db = dir.resolve("s.gpkg");
        IncidentStore.createIfMissing(db, Path.of("data/incidents.json"));
        // What the JVM makes of the argument o\xff.csv under a UTF-8 locale.
        String mangled = dir.resolve("o\uFFFD.csv").toString();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"export", "--db", db.toString(), "--out", mangled},
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("the file name has bytes that are not valid"), err.toString());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".csv")).toList(), "nothing was written");
        }
    }

    @Test
    void anExistingNameIsTakenAsItIs() throws Exception {
        Path odd = Files.writeString(dir.resolve("odd\uFFFD.csv"), "x");
        assertEquals(odd, new FileNameConverter().convert(odd.toString()));
        assertEquals(Path.of("Тараз.csv"), new FileNameConverter().convert("Тараз.csv"));
        assertThrows(CommandLine.TypeConversionException.class,
                () -> new FileNameConverter().convert(dir.resolve("gone\uFFFD.csv").toString()));
    }

    /**
     * The launcher with a stand-in for Java that prints the character set of the locale it was given:
     * UTF-8, whether the user's locale is C through LANG or through LC_ALL, and the user's LC_ALL still
     * governs the other categories.
     */
    @Test
    void theLauncherGivesJavaAUtf8Locale() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
        Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\necho \"$(locale charmap) LANG=$LANG LC_ALL=$LC_ALL\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path launcher = Path.of("src/main/sh/kz-incident-map").toAbsolutePath();
        assertEquals("UTF-8 LANG=C LC_ALL=", launch(launcher, Map.of("LANG", "C")));
        assertEquals("UTF-8 LANG=POSIX LC_ALL=", launch(launcher, Map.of("LC_ALL", "POSIX", "LANG", "C")));
        assertEquals("UTF-8 LANG=C.UTF-8 LC_ALL=", launch(launcher, Map.of("LANG", "C.UTF-8")));
    }

    private String launch(Path launcher, Map<String, String> locale) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", launcher.toString(), "--version").redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG"));
        pb.environment().putAll(locale);
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return output;
    }
}
