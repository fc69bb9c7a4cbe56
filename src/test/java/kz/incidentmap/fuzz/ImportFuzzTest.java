package kz.incidentmap.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import kz.incidentmap.cli.TestCli;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;
import kz.incidentmap.osm.SyntheticExtract;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreConnections;
import kz.incidentmap.store.StoreVerifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every importer fed mutated files, for a bounded time per format ({@code -Dfuzz.seconds}, 3 by
 * default; {@code -Dfuzz.seconds=600} for a long run; {@code -Dfuzz.seed} picks another sequence). The
 * property: each input is either imported, with every value inside the plausible ranges, or refused
 * with a message that names the file and says what is wrong in words (no exception class, no parser's
 * internals), and a refused input leaves the store byte for byte as it was, with no journal beside it.
 * A case that breaks it is saved under {@code target/fuzz-failures/} with its seed.
 */
class ImportFuzzTest {

    private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("fuzz.seconds", 3));
    private static final long SEED = Long.getLong("fuzz.seed", 20261206L);
    /** Words that belong to a stack trace or a parser's internals, not to a message for a user. */
    private static final Pattern INTERNALS = Pattern.compile("Exception|java\\.|(?<!')\\bnull\\b(?!')|StreamReadConstraints"
            + "|\\[SQLITE_|:-1:-1|\\bat [a-z]+\\.|Index \\d+ out of bounds|REDACTED|\\(class |[a-z]+\\.[a-z]+\\.[A-Z]\\w+"
            + "|\\b[a-z]+[A-Z]\\w*\\(\\)|\\b[A-Z]+_[A-Z]+\\b");
    /**
     * What follows the file's name in a refusal: a line (and column), a PBF block, a record of a store,
     * an element given twice, or what is wrong with the file as a whole.
     */
    private static final String PLACE = "(:\\d+|: (block \\d+|incident \\S+|the incident titled |(node|way|relation) \\d+"
            + " appears twice|cannot read this store: |not |no |empty |damaged |truncated |field 'features'))";
    private static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);
    private static final int MOST_CASUALTIES = 100_000;

    @TempDir
    static Path tmp;

    private static Path base;
    private static Path streetsBase;

    enum Format {
        CSV("csv", List.of(",", "\"", "\r\n", "\n", ";", "\"\"", "explosion", "protests", "day", "approximate",
                "id,title,type,date,lon,lat,source_title\r\n", "x".repeat(5000))),
        ACLED("csv", List.of(",", "\"", "\r\n", "Protests", "Riots", "Battles", "12 November 2011", "31 February 2011",
                "Suicide bomb", "Peaceful protest", "fatalities", "4")),
        GEOJSON("geojson", List.of("{", "}", "[", "]", ",", ":", "\"killed\":", "\"date\":", "null", "true", "1e400",
                "[".repeat(3000), "{\"type\":\"Feature\"}", "\"coordinates\":[200,95]", "\\u0000", "\"")),
        KML("kml", List.of("<Placemark>", "</Placemark>", "<![CDATA[", "]]>", "&amp;", "&e;", "<Data name=\"killed\">",
                "<!DOCTYPE k [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "<coordinates>", "200,95,0",
                "<when>", "id=\"", "\"")),
        GPKG("gpkg", List.of("\u0000\u0000\u0000\u0000", "\u00ff\u00ff", "SQLite format 3\u0000", "GPKG")),
        OSM_XML("osm", List.of("<node id=\"1\" lat=\"43\" lon=\"71\"/>", "<way id=\"5001\">", "</way>", "<nd ref=\"",
                "lat=\"91\"", "lon=\"NaN\"", "<tag k=\"highway\" v=\"primary\"/>", "<relation id=\"7\">",
                "<member type=\"way\" ref=\"1\" role=\"outer\"/>", "&#0;", "<!DOCTYPE x>")),
        OSM_PBF("osm.pbf", List.of("OSMData", "OSMHeader", "\u0000\u0000\u0000\u000e"));

        final String extension;
        final List<String> tokens;

        Format(String extension, List<String> tokens) {
            this.extension = extension;
            this.tokens = tokens;
        }

        boolean streets() {
            return this == OSM_XML || this == OSM_PBF;
        }
    }


    @BeforeAll
    static void seeds() throws Exception {
        base = tmp.resolve("base.gpkg");
        IncidentStore.createIfMissing(base, Path.of("data/incidents.json"));
        streetsBase = base;
        for (Format f : List.of(Format.CSV, Format.GEOJSON, Format.KML, Format.GPKG)) {
            Path seed = tmp.resolve("seed." + f.extension);
            assertEquals(0, TestCli.run("export", "--db", base.toString(), "--out", seed.toString()).code(), f.toString());
        }
        Files.copy(Path.of("src/test/resources/exchange/acled-sample.csv"), tmp.resolve("seed-acled.csv"));
        Files.copy(Path.of("src/test/resources/osm/small.osm"), tmp.resolve("seed.osm"));
        new SyntheticExtract(2_000).writePbf(tmp.resolve("seed.osm.pbf"));
    }

    private static Path seedOf(Format f) {
        return f == Format.ACLED ? tmp.resolve("seed-acled.csv") : tmp.resolve("seed." + f.extension);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void everyInputIsImportedPlausiblyOrRefusedByNameLeavingTheStore(Format format) throws Exception {
        byte[] seed = Files.readAllBytes(seedOf(format));
        long end = System.nanoTime() + BUDGET.toNanos();
        int cases = 0;
        int refused = 0;
        for (long n = 0; cases == 0 || System.nanoTime() < end; n++) {
            long caseSeed = SEED * 31 + format.ordinal() * 1_000_003L + n;
            Path input = tmp.resolve("case-" + format.ordinal() + "." + format.extension);
            if (format == Format.GPKG) {
                mutateGeoPackage(seedOf(format), input, caseSeed);
            } else {
                Files.write(input, new Mutator(caseSeed, format.tokens).mutate(seed));
            }
            // A store of its own for each case: a name used again was once seen made anew by something still
            // at work on the case before (a file appearing at the deleted name, then going again), which
            // is not what this test is about; each case's store is removed after it, as far as it can be.
            Path store = tmp.resolve("store-" + format + "-" + n + ".gpkg");
            Files.copy(format.streets() ? streetsBase : base, store);
            byte[] before = Files.readAllBytes(store);
            TestCli.Result r;
            try {
                r = format.streets() ? TestCli.run("import-osm", input.toString(), "--db", store.toString())
                        : TestCli.run("import", input.toString(), "--db", store.toString(), "--format",
                                format == Format.ACLED ? "acled" : format.extension);
            } catch (RuntimeException | Error e) {
                throw failure(format, caseSeed, input, "the command threw " + e, e);
            }
            cases++;
            try {
                check(format, input, store, before, r);
            } catch (AssertionError e) {
                throw failure(format, caseSeed, input, e.getMessage(), e);
            }
            refused += r.code() == 0 ? 0 : 1;
            forget(store);
        }
        System.out.printf("fuzz %s: %d cases, %d refused, %d imported%n", format, cases, refused, cases - refused);
    }

    private static void forget(Path store) {
        for (String suffix : List.of("", "-journal", "-wal", "-shm", "-lock")) {
            try {
                Files.deleteIfExists(store.resolveSibling(store.getFileName() + suffix));
            } catch (java.io.IOException e) {
                // left for the temporary folder's removal
            }
        }
    }

    private static void check(Format format, Path input, Path store, byte[] before, TestCli.Result r) throws Exception {
        String name = input.getFileName().toString();
        if (r.code() == 0) {
            if (!format.streets()) {
                plausible(store);
            }
            assertEquals(List.of(), StoreVerifier.problems(store), "the store is whole after an import");
            return;
        }
        assertTrue(r.code() == 1 || r.code() == 2, "exit code " + r.code() + ": " + r.err());
        String message = r.err().lines().filter(l -> !l.matches(".*\\d+% read and checked")
                && !l.startsWith("Try '")).reduce("", (a, b) -> a + b + "\n").strip();
        assertTrue(message.contains(name), "the message names the file: " + message);
        assertTrue(Pattern.compile(Pattern.quote(name) + PLACE).matcher(message).find(),
                "the message says where in the file, or that it is the whole file: " + message);
        assertTrue(!INTERNALS.matcher(message).find(), "the message speaks of the input, not of the code: " + message);
        assertArrayEquals(before, Files.readAllBytes(store), "a refused import leaves the store as it was: " + message);
        assertTrue(!Files.exists(store.resolveSibling(store.getFileName() + "-journal"))
                || Files.size(store.resolveSibling(store.getFileName() + "-journal")) == 0, "no journal is left");
    }

    /** Every stored value inside the plausible ranges. */
    private static void plausible(Path store) throws Exception {
        LocalDate today = LocalDate.now();
        try (IncidentStore s = IncidentStore.openForViewing(store)) {
            for (Incident i : s.all()) {
                assertTrue(i.date() == null || !i.date().isBefore(EARLIEST) && !i.date().isAfter(today),
                        "date " + i.date() + " of " + i.id());
                assertTrue(Double.isFinite(i.lon()) && Math.abs(i.lon()) <= 180 && Double.isFinite(i.lat())
                        && Math.abs(i.lat()) <= 90, "position of " + i.id());
                for (Claim c : i.claims()) {
                    assertTrue(c.killed() == null || c.killed() >= 0 && c.killed() <= MOST_CASUALTIES, "killed " + c);
                    assertTrue(c.wounded() == null || c.wounded() >= 0 && c.wounded() <= MOST_CASUALTIES, "wounded " + c);
                    assertTrue(c.date() == null || !c.date().isBefore(EARLIEST) && !c.date().isAfter(today),
                            "claim date " + c);
                }
                for (Source src : i.sources()) {
                    assertTrue(src.published() == null || !src.published().isBefore(EARLIEST)
                            && !src.published().isAfter(today), "published " + src);
                }
            }
        }
    }

    /**
     * A mutated copy of the GeoPackage seed: values set to absurd ones in random rows and columns of our
     * tables, geometries emptied or garbled, the coordinate system or the registration changed, tables
     * dropped; now and then the file's bytes damaged as well.
     */
    private static void mutateGeoPackage(Path seed, Path out, long caseSeed) throws Exception {
        Files.deleteIfExists(out);
        Files.copy(seed, out);
        Mutator m = new Mutator(caseSeed, Format.GPKG.tokens);
        Random random = m.random();
        List<String> tables = List.of("incidents", "sources", "incident_sources", "claims", "kim_metadata");
        try (Connection c = StoreConnections.openReadWrite(out); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            int times = 1 + random.nextInt(3);
            for (int k = 0; k < times; k++) {
                try {
                    mutateOnce(s, m, random, tables);
                } catch (java.sql.SQLException e) {
                    // the file refused this change (a constraint, a table dropped before): it is not made
                }
            }
        }
        if (random.nextInt(5) == 0) {
            byte[] bytes = Files.readAllBytes(out);
            Files.write(out, m.mutate(bytes));
        }
    }

    /** One change to the GeoPackage: a value, a geometry, the coordinate system or a table. */
    private static void mutateOnce(Statement s, Mutator m, Random random, List<String> tables) throws Exception {
        switch (random.nextInt(6)) {
            case 0, 1, 2 -> {
                String table = tables.get(random.nextInt(tables.size()));
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT name FROM pragma_table_info('" + table + "')")) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                    }
                }
                if (columns.isEmpty()) {
                    return; // dropped by an earlier mutation of this case
                }
                String column = columns.get(random.nextInt(columns.size()));
                String value = m.absurdValue();
                Object literal = random.nextBoolean() ? "NULL" : "'" + value.replace("'", "''") + "'";
                s.execute("UPDATE " + table + " SET " + column + " = " + literal + " WHERE rowid = (SELECT rowid"
                        + " FROM " + table + " ORDER BY rowid LIMIT 1 OFFSET " + random.nextInt(8) + ")");
            }
            case 3 -> {
                // A program that knows nothing of the R-tree triggers writes a geometry of its own.
                for (String t : List.of("update1", "update2", "update3", "update4")) {
                    s.execute("DROP TRIGGER IF EXISTS rtree_incidents_geom_" + t);
                }
                s.execute("UPDATE incidents SET geom = " + (random.nextBoolean() ? "NULL" : "x'4750000100'")
                        + " WHERE fid = " + (1 + random.nextInt(16)));
            }
            case 4 -> {
                String srs = random.nextBoolean() ? "3857" : "987654";
                s.execute("INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES ('other', " + srs + ", 'EPSG', " + srs
                        + ", 'undefined', '')");
                s.execute("UPDATE gpkg_geometry_columns SET srs_id = " + srs);
                s.execute("UPDATE gpkg_contents SET srs_id = " + srs + " WHERE table_name = 'incidents'");
            }
            default -> s.execute(random.nextBoolean() ? "DELETE FROM gpkg_contents WHERE table_name = 'claims'"
                    : "DROP TABLE " + tables.get(1 + random.nextInt(tables.size() - 1)));
        }
    }

    private static AssertionError failure(Format format, long caseSeed, Path input, String what, Throwable cause)
            throws Exception {
        Path keep = Files.createDirectories(Path.of("target", "fuzz-failures"))
                .resolve(format + "-" + caseSeed + "." + format.extension);
        Files.copy(input, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        AssertionError e = new AssertionError(format + " case seed " + caseSeed + " (input kept as " + keep + "): " + what);
        e.initCause(cause);
        return e;
    }
}
