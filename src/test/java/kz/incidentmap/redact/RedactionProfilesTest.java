package kz.incidentmap.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profiles, their file, their words, and what one does to a record. */
class RedactionProfilesTest {

    @TempDir
    Path dir;

    @Test
    void theBuiltInProfilesSayWhatTheyDo() {
        assertEquals("Redacted: grid25 (positions to 25 km, dates to the month, source names and URLs removed,"
                + " restricted incidents left out)", RedactionProfile.GRID25.label());
        assertEquals("Redacted: city (positions to the city, dates to the month, source URLs removed,"
                + " restricted incidents left out)", RedactionProfile.CITY.label());
    }

    @Test
    void theUsersFileAddsProfilesAndABadOneNamesTheFileTheProfileAndTheField() throws Exception {
        Path file = dir.resolve("redaction-profiles.json");
        Files.writeString(file, """
                [{"name": "grid5", "position": "grid", "grid_km": 5, "dates": "month", "drop": ["descriptions"]},
                 {"name": "loose", "position": "none", "dates": "day", "drop": []}]
                """);
        RedactionProfiles profiles = new RedactionProfiles(file);
        assertEquals(List.of("city", "grid25", "grid5", "loose"), profiles.all().stream().map(RedactionProfile::name).toList());
        RedactionProfile grid5 = profiles.choose("GRID5");
        assertEquals(5, grid5.gridKm());
        assertEquals(Set.of(RedactionProfile.Drop.DESCRIPTIONS), grid5.drops());

        Files.writeString(file, "[{\"name\": \"g\", \"position\": \"grid\", \"dates\": \"month\", \"drop\": [\"urls\"]}]");
        RedactionProfileException e = assertThrows(RedactionProfileException.class, () -> profiles.choose("g"));
        assertTrue(e.getMessage().startsWith(file + ": profile 1 ('g'), field 'grid_km': missing"), e.getMessage());
        Files.writeString(file, "[{\"name\": \"g\", \"position\": \"grid\", \"grid_km\": 5, \"dates\": \"week\"}]");
        e = assertThrows(RedactionProfileException.class, () -> profiles.all());
        assertTrue(e.getMessage().contains("field 'dates': 'week' must be day or month"), e.getMessage());
        Files.writeString(file, "[{\"name\": \"city\", \"position\": \"city\", \"dates\": \"day\"}]");
        e = assertThrows(RedactionProfileException.class, () -> profiles.all());
        assertTrue(e.getMessage().contains("field 'name': 'city' is taken"), e.getMessage());
        Files.writeString(file, "[{\"name\": \"x\",\n \"position\": }]");
        e = assertThrows(RedactionProfileException.class, () -> profiles.all());
        assertTrue(e.getMessage().startsWith(file + ":2:"), e.getMessage());
        Files.writeString(file, "[]");
        e = assertThrows(RedactionProfileException.class, () -> profiles.choose("grid7"));
        assertTrue(e.getMessage().contains("no such redaction profile"), e.getMessage());
    }

    @Test
    void theUsersFileLivesInTheirConfigurationFolder() {
        assertEquals(Path.of("/x/kz-incident-map/redaction-profiles.json"),
                RedactionProfiles.userFile(Map.of("XDG_CONFIG_HOME", "/x"), Path.of("/home/u")));
        assertEquals(Path.of("/home/u/.config/kz-incident-map/redaction-profiles.json"),
                RedactionProfiles.userFile(Map.of(), Path.of("/home/u")));
    }

    @Test
    void aGridCellsCentreIsItsOwnCentreAndLiesWithinHalfACell() {
        for (double[] p : List.of(new double[] {71.3857, 42.9003}, new double[] {51.9, 47.1}, new double[] {-3.2, -12.5})) {
            double[] c = GridCells.centre(p[0], p[1], 25);
            double[] again = GridCells.centre(c[0], c[1], 25);
            assertEquals(c[0], again[0], 1e-12);
            assertEquals(c[1], again[1], 1e-12);
            assertTrue(Math.abs(c[1] - p[1]) * GridCells.KM_PER_DEGREE <= 12.5 + 1e-9);
        }
    }

    @Test
    void wordsLoseTheirDaysTimesAndPreciseCoordinates() {
        assertEquals("Taraz attack of November 2011: overall toll", RedactedText.of("Taraz attack of 12 November 2011: overall toll"));
        assertEquals("Seen on 2011-11 at the market", RedactedText.of("Seen on 2011-11-17 at 14:35 at the market"));
        assertEquals("November 2011 and 11.2011", RedactedText.of("November 12, 2011 and 12.11.2011"));
        assertEquals("ноября 2011 г.", RedactedText.of("12 ноября 2011 г."));
        assertEquals("near 77.0, 43.3 at 1:25,000", RedactedText.of("near 76.951234, 43.263456 at 1:25,000"));
    }

    @Test
    void aRecordGoesToItsCellItsMonthAndLosesWhatTheProfileDrops() {
        Gazetteer towns = new Gazetteer(List.of(new Gazetteer.Place("Taraz", null, 71.3667, 42.9, 330_000)));
        Incident i = new Incident("a", "Blast on 12 November 2011", IncidentType.EXPLOSION, LocalDate.of(2011, 11, 12),
                DatePrecision.DAY, "Taraz, Kazybek Bi street", "Zhambyl Region", 71.38573, 42.90031,
                LocationPrecision.EXACT, null, null, "Seen from the flat above", "taraz-2011-11-12",
                List.of(new Source("blog-2011-11-12", "A blog", "Someone", "https://example.org/x",
                        LocalDate.of(2011, 11, 12), "en")),
                List.of(new Claim("blog-2011-11-12", 7, null, LocalDate.of(2011, 11, 12), null)));
        Incident g = Redaction.of(RedactionProfile.GRID25, null).apply(i).orElseThrow();
        double[] c = GridCells.centre(71.38573, 42.90031, 25);
        assertEquals(c[0], g.lon());
        assertEquals(c[1], g.lat());
        assertEquals(LocalDate.of(2011, 11, 1), g.date());
        assertEquals(DatePrecision.MONTH, g.datePrecision());
        assertEquals(LocationPrecision.REGION, g.locationPrecision());
        assertEquals("Taraz", g.place());
        assertEquals("Blast on November 2011", g.title());
        assertEquals("s1", g.sources().get(0).key());
        assertEquals("source 1", g.sources().get(0).title());
        assertEquals(null, g.sources().get(0).url());
        assertEquals("s1", g.claims().get(0).sourceKey());
        assertEquals(LocalDate.of(2011, 11, 1), g.claims().get(0).date());

        Incident city = Redaction.of(RedactionProfile.CITY, towns).apply(i).orElseThrow();
        assertEquals(71.3667, city.lon());
        assertEquals(42.9, city.lat());
        assertEquals(LocationPrecision.CITY, city.locationPrecision());
        assertEquals("A blog", city.sources().get(0).title());

        Incident restricted = new Incident(i.id(), i.title(), i.type(), i.date(), i.datePrecision(), i.place(), i.oblast(),
                i.lon(), i.lat(), i.locationPrecision(), null, null, null, null, i.sources(), i.claims(), null, null,
                List.of("Restricted"), null, null);
        assertFalse(Redaction.of(RedactionProfile.CITY, towns).apply(restricted).isPresent());
        assertEquals(i, Redaction.NONE.apply(i).orElseThrow());
    }
}
