package kz.incidentmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The filter options of the commands: bad values refused by name, and one filter giving one count everywhere. */
class FilterOptionsTest {

    @TempDir
    static Path dir;

    private static String db;

    @BeforeAll
    static void seed() throws Exception {
        Path store = dir.resolve("s.gpkg");
        IncidentStore.openOrCreate(store, Path.of("data/incidents.json")).close();
        db = store.toString();
    }

    /** Bad values: exit 2, one line naming the option, nothing written. Arguments separated by spaces. */
    @ParameterizedTest(name = "{0} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            incidents | --from         | --from 2011-02-30
            incidents | --time-match   | --time-match around
            incidents | --type         | --type bombing
            export    | --min-killed   | --min-killed -1
            export    | --max-killed   | --min-killed 5 --max-killed 2
            export    | --min-wounded  | --min-wounded many
            snapshot  | --within       | --within 0 --of Taraz
            snapshot  | --within       | --within 10
            snapshot  | --of           | --within 10 --of Atlantis
            snapshot  | --of           | --within 10 --of 200,43
            identify  | --where         | --where killed_max>>3
            identify  | --where         | --where killed>3
            incidents | --location-precision | --location-precision rooftop
            incidents | --min-grade    | --min-grade G
            export    | --min-grade    | --min-grade 2
            incidents | --bbox         | --city Taraz --bbox 70,42,73,44
            export    | --within       | --city Taraz --within 5 --of Taraz
            incidents | --area         | --area POLYGON((71~42,72~42,72~43))
            incidents | --area         | --area POINT(71~42)
            incidents | --area         | --area POLYGON((0~0,1~0,1~1,0~1,0~0))
            incidents | --area         | --area POLYGON((71~42,72~43,72~42,71~43,71~42))
            export    | --area         | --area POLYGON((71~42,72~42,72~43,71~42)) --within 5 --of Taraz
            """)
    void aBadValueIsRefusedNamingItsOption(String command, String option, String arguments) throws Exception {
        Path out = dir.resolve("refused-" + command + (command.equals("snapshot") ? ".png" : ".csv"));
        List<String> a = new ArrayList<>(List.of(command, "--db", db));
        // A tilde stands for a space inside one argument (a WKT's coordinates).
        List.of(arguments.split(" ")).forEach(x -> a.add(x.replace('~', ' ')));
        switch (command) {
            case "export", "snapshot" -> a.addAll(List.of("--out", out.toString()));
            case "identify" -> a.addAll(List.of("--lon", "71.37", "--lat", "42.9", "--scale", "5000"));
            default -> { }
        }
        long modified = Files.getLastModifiedTime(Path.of(db)).toMillis();
        TestCli.Result r = TestCli.run(a.toArray(String[]::new));
        assertEquals(2, r.code(), a + ": " + r.err());
        String first = r.err().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        assertTrue(first.contains(option), "names " + option + ": " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out), "nothing written");
        assertEquals(modified, Files.getLastModifiedTime(Path.of(db)).toMillis(), "the store untouched");
    }

    @Test
    void anEcqlSyntaxErrorSaysWhereInTheExpression() {
        TestCli.Result r = TestCli.run("incidents", "--db", db, "--where", "killed_max >= ");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--where 'killed_max >= ': at column 12: "), r.err());
    }

    /** The same filter gives one count in incidents, export, snapshot and the map's clusters at the country scale. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --from 2011-11-01 --to 2011-11-30
            --from 2011-11-01 --to 2011-11-30 --time-match inside
            --type armed_attack,suicide_bomb --min-killed 2
            --min-killed 6 --by-every-source
            --text тараз
            --oblast Aktobe
            --within 30 --of Taraz
            --area POLYGON((70.5~42.5,72.5~42.5,72.5~43.5,70.5~43.5,70.5~42.5))
            --where killed_max>=2
            """)
    void oneFilterGivesOneCountEverywhere(String arguments) throws Exception {
        List<String> filter = List.of(arguments.split(" ")).stream().map(x -> x.replace('~', ' ')).toList();
        TestCli.Result listed = TestCli.run(args(List.of("incidents", "--db", db), filter));
        assertEquals(0, listed.code(), listed.err());
        int count = new ObjectMapper().readTree(listed.out()).size();
        assertTrue(count > 0 && count < 16, arguments + " keeps some: " + count);

        Path csv = dir.resolve("filtered.csv");
        Files.deleteIfExists(csv);
        TestCli.Result exported = TestCli.run(args(List.of("export", "--db", db, "--out", csv.toString()), filter));
        assertEquals(0, exported.code(), exported.err());
        assertTrue(exported.out().startsWith("Exported " + count + " incidents"), exported.out());

        Path png = dir.resolve("filtered.png");
        TestCli.Result drawn = TestCli.run(args(List.of("snapshot", "--db", db, "--dpi", "72", "--out", png.toString()),
                filter));
        assertEquals(0, drawn.code(), drawn.err());
        assertTrue(drawn.out().contains(": " + count + " incidents drawn, " + count + " of 16 pass the filter"), drawn.out());

        // A click on Taraz at the country scale hits the cluster holding the Taraz incidents that pass.
        TestCli.Result clicked = TestCli.run(args(List.of("identify", "--db", db, "--lon", "71.37", "--lat", "42.9",
                "--scale", "20000000", "--tolerance", "100"), filter));
        assertEquals(0, clicked.code(), clicked.err());
        int inTaraz = 0;
        for (JsonNode i : new ObjectMapper().readTree(listed.out())) {
            inTaraz += Math.abs(i.get("lon").asDouble() - 71.37) < 0.1 && Math.abs(i.get("lat").asDouble() - 42.9) < 0.1 ? 1 : 0;
        }
        assertEquals(inTaraz, hitsNearTaraz(new ObjectMapper().readTree(clicked.out())), clicked.out());
    }

    /** The incidents a click's hits hold: a cluster's count, or one for a single incident. */
    private static int hitsNearTaraz(JsonNode hits) {
        int n = 0;
        for (JsonNode h : hits) {
            if (!"incidents".equals(h.get("layer").asText())) {
                continue;
            }
            JsonNode attributes = h.get("attributes");
            boolean taraz = h.has("cluster") || Math.abs(attributes.get("lon").asDouble() - 71.37) < 0.1;
            n += !taraz ? 0 : h.has("cluster") ? h.get("cluster").get("count").asInt() : 1;
        }
        return n;
    }

    private static String[] args(List<String> command, List<String> filter) {
        return Stream.concat(command.stream(), filter.stream()).toArray(String[]::new);
    }

    @Test
    void theCityOfIncidentsAndExportIsStillWithin25Km() throws Exception {
        TestCli.Result r = TestCli.run("incidents", "--db", db, "--city", "Taraz");
        assertEquals(0, r.code(), r.err());
        Matcher m = Pattern.compile("\"id\"").matcher(r.out());
        int n = 0;
        while (m.find()) {
            n++;
        }
        assertEquals(n, new ObjectMapper().readTree(r.out()).size());
        TestCli.Result same = TestCli.run("incidents", "--db", db, "--within", "25", "--of", "Taraz");
        assertEquals(r.out(), same.out(), "--city is --within 25 --of the city");
    }

    @Test
    void aMinimumGradeKeepsTheIncidentsOfGradedSourcesInEveryCommandAndShowsTheirFigures() throws Exception {
        Path graded = dir.resolve("graded.gpkg");
        Files.copy(Path.of(db), graded, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String cited;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + graded);
                java.sql.Statement s = c.createStatement()) {
            s.execute("UPDATE sources SET reliability = 'B' WHERE key = 'lwj-2011-11'");
            s.execute("UPDATE sources SET reliability = 'D' WHERE key = 'blog-2011-11-12'");
            try (java.sql.ResultSet rs = s.executeQuery("SELECT count(DISTINCT incident_uuid) FROM incident_sources"
                    + " WHERE source_key = 'lwj-2011-11'")) {
                rs.next();
                cited = rs.getString(1);
            }
        }
        int expected = Integer.parseInt(cited);
        assertTrue(expected > 0 && expected < 16, cited);
        TestCli.Result listed = TestCli.run("incidents", "--db", graded.toString(), "--min-grade", "b");
        assertEquals(0, listed.code(), listed.err());
        JsonNode incidents = new ObjectMapper().readTree(listed.out());
        assertEquals(expected, incidents.size());
        for (JsonNode i : incidents) {
            boolean byGraded = false;
            for (JsonNode s : i.get("sources")) {
                byGraded |= "B".equals(s.get("reliability").asText());
            }
            assertTrue(byGraded, i.toString());
            // The range shown is the one the graded source's claims give.
            String killed = null;
            for (JsonNode c : i.get("claims")) {
                if (c.get("source").asText().equals("lwj-2011-11") && !c.get("killed").isNull()) {
                    killed = killed == null ? c.get("killed").asText() : killed;
                }
            }
            if (killed != null && i.get("claims").size() == 1) {
                assertEquals(killed, i.get("killed").asText(), i.toString());
            }
        }
        TestCli.Result none = TestCli.run("incidents", "--db", graded.toString(), "--min-grade", "A");
        assertEquals("[ ]", none.out().strip(), "no source is graded A");

        Path csv = dir.resolve("graded.csv");
        Files.deleteIfExists(csv);
        TestCli.Result exported = TestCli.run("export", "--db", graded.toString(), "--min-grade", "B", "--out",
                csv.toString());
        assertEquals(0, exported.code(), exported.err());
        assertTrue(exported.out().startsWith("Exported " + expected + " incidents"), exported.out());
        Path png = dir.resolve("graded.png");
        TestCli.Result drawn = TestCli.run("snapshot", "--db", graded.toString(), "--min-grade", "B", "--dpi", "72",
                "--out", png.toString());
        assertEquals(0, drawn.code(), drawn.err());
        assertTrue(drawn.out().contains(expected + " of 16 pass the filter"), drawn.out());
    }
}
