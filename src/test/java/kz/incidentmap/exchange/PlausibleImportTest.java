package kz.incidentmap.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plausible ranges hold in every import format: a date before 1800, a count above 100,000 or a
 * count that is not a whole number refuses the file naming the record and the field, and leaves the
 * store as it was; a date before 1900 or a count above 10,000 is imported with a warning.
 */
class PlausibleImportTest {

    private static final String RICH = "0b4f5f1e-8a53-4a4e-9a57-2f1a1d2b3c4d";

    @TempDir
    Path dir;

    private Path db;
    private Incident rich;

    @BeforeEach
    void store() throws Exception {
        db = ExchangeFixtures.richStore(dir);
        try (IncidentStore s = IncidentStore.openForViewing(db)) {
            rich = s.byId(RICH).orElseThrow();
        }
    }

    /** The rich record dated {@code date}. */
    private Incident datedOn(LocalDate date) {
        return new Incident(rich.id(), rich.title(), rich.type(), date, rich.datePrecision(), rich.place(),
                rich.oblast(), rich.lon(), rich.lat(), rich.locationPrecision(), rich.perpetrator(), rich.claimedBy(),
                rich.description(), rich.eventGroup(), rich.sources(), rich.claims(), rich.subType(), rich.time(),
                rich.tags(), rich.created(), rich.updated());
    }

    /** The rich record with its first claim saying {@code killed}. */
    private Incident claiming(int killed) {
        List<Claim> claims = new java.util.ArrayList<>(rich.claims());
        Claim first = claims.get(0);
        claims.set(0, new Claim(first.sourceKey(), killed, first.wounded(), first.date(), first.note()));
        return rich.withLinks(rich.sources(), claims);
    }

    /** {@code incident} written as {@code format} by our own exporter, which writes whatever the record holds. */
    private Path export(Incident incident, ExchangeFormat format, String name) throws Exception {
        Path f = dir.resolve(name);
        RecordExporter.export(List.of(incident), format, f, Progress.NONE);
        return f;
    }

    /** Imports {@code file} all-or-nothing; returns the message and checks the store did not change. */
    private String refused(Path file) throws Exception {
        byte[] before = Files.readAllBytes(db);
        String message;
        try (IncidentStore s = IncidentStore.open(db)) {
            ImportException e = assertThrows(ImportException.class,
                    () -> ExchangeFixtures.importer().importFile(file, null, false, s, Progress.NONE));
            message = e.getMessage();
        }
        assertArrayEquals(before, Files.readAllBytes(db), "the store changed");
        return message;
    }

    private static void assertMatches(String regex, String message) {
        assertTrue(message.matches("(?s)" + regex), message);
    }

    private static String q(Path p) {
        return Pattern.quote(p.toString());
    }

    @Test
    void ourCsvRefusesOldDatesAndHugeCounts() throws Exception {
        Path old = export(datedOn(LocalDate.of(1011, 5, 3)), ExchangeFormat.CSV, "old.csv");
        assertEquals(old + ":2: field 'date': 1011-05-03 is before 1800-01-01, the earliest date a record may hold",
                refused(old));
        Path bc = export(datedOn(LocalDate.of(-44, 3, 15)), ExchangeFormat.CSV, "bc.csv");
        assertEquals(bc + ":2: field 'date': -0044-03-15 is before 1800-01-01, the earliest date a record may hold",
                refused(bc));
        Path huge = export(claiming(2_000_000_000), ExchangeFormat.CSV, "huge.csv");
        assertEquals(huge + ":2: field 'claim_killed': 2,000,000,000 is more than 100,000, the most a count may be",
                refused(huge));
        String text = Files.readString(old, StandardCharsets.UTF_8).replace("1011-05-03", "2012-03-03")
                .replace("2012-03-04", "1011-01-01");
        Path published = dir.resolve("published.csv");
        Files.writeString(published, text, StandardCharsets.UTF_8);
        assertMatches(q(published) + ":2: field 'source_published': 1011-01-01 is before 1800-01-01.*",
                refused(published));
    }

    @Test
    void acledCsvRefusesOldDatesAndHugeFatalities() throws Exception {
        String sample = Files.readString(ExchangeFixtures.ACLED_SAMPLE, StandardCharsets.UTF_8);
        Path old = dir.resolve("acled-old.csv");
        Files.writeString(old, sample.replace("12 November 2011,2011", "12 November 1011,1011"));
        assertEquals(old + ":2: field 'event_date': 1011-11-12 is before 1800-01-01, the earliest date a record may"
                + " hold", refused(old));
        Path huge = dir.resolve("acled-huge.csv");
        Files.writeString(huge, sample.replace("not a real event.\",1,", "not a real event.\",2000000000,"));
        assertEquals(huge + ":2: field 'fatalities': 2,000,000,000 is more than 100,000, the most a count may be",
                refused(huge));
        Path many = dir.resolve("acled-many.csv");
        Files.writeString(many, sample.replace("not a real event.\",1,", "not a real event.\",many,"));
        assertEquals(many + ":2: field 'fatalities': 'many' is not a whole number", refused(many));
    }

    @Test
    void geoJsonRefusesOldDatesAndHugeCounts() throws Exception {
        Path old = export(datedOn(LocalDate.of(1011, 5, 3)), ExchangeFormat.GEOJSON, "old.geojson");
        assertMatches(q(old) + ":\\d+ \\(feature 0\\): field 'date': 1011-05-03 is before 1800-01-01.*", refused(old));
        Path huge = export(claiming(2_000_000_000), ExchangeFormat.GEOJSON, "huge.geojson");
        assertMatches(q(huge) + ":\\d+ \\(feature 0\\): field 'claims \\(source row 0\\)\\.killed': 2,000,000,000 is"
                + " more than 100,000.*", refused(huge));
        Path many = dir.resolve("many.geojson");
        Files.writeString(many, Files.readString(huge).replace("\"killed\" : 2000000000", "\"killed\" : \"many\""));
        assertMatches(q(many) + ":\\d+ \\(feature 0\\): field 'claims \\(source row 0\\)\\.killed': 'many' is not a"
                + " whole number", refused(many));
    }

    @Test
    void kmlRefusesOldDatesAndHugeCounts() throws Exception {
        Path old = export(datedOn(LocalDate.of(1011, 5, 3)), ExchangeFormat.KML, "old.kml");
        assertMatches(q(old) + ":\\d+ \\(placemark 0\\): field 'date': 1011-05-03 is before 1800-01-01.*",
                refused(old));
        Path huge = export(claiming(2_000_000_000), ExchangeFormat.KML, "huge.kml");
        assertMatches(q(huge) + ":\\d+ \\(placemark 0\\): field 'sources\\[0]\\.killed': 2,000,000,000 is more than"
                + " 100,000.*", refused(huge));
    }

    @Test
    void aGeoPackageRefusesOldDatesAndHugeCountsNamingTheRecord() throws Exception {
        Path old = export(datedOn(LocalDate.of(1011, 5, 3)), ExchangeFormat.GPKG, "old.gpkg");
        assertMatches(q(old) + ": cannot read this store: incidents row fid 1 \\(uuid " + RICH + "\\): field 'date':"
                + " 1011-05-03 is before 1800-01-01.*", refused(old));
        Path huge = export(claiming(2_000_000_000), ExchangeFormat.GPKG, "huge.gpkg");
        assertMatches(q(huge) + ": cannot read this store: claims of incident " + RICH + " \\(source edit-test\\):"
                + " field 'killed': 2,000,000,000 is more than 100,000.*", refused(huge));
    }

    @Test
    void doubtfulValuesAreImportedWithAWarningInEveryFormat() throws Exception {
        Incident doubtful = datedOn(LocalDate.of(1895, 7, 1));
        List<Claim> claims = new java.util.ArrayList<>(doubtful.claims());
        Claim first = claims.get(0);
        claims.set(0, new Claim(first.sourceKey(), 12_000, first.wounded(), first.date(), first.note()));
        doubtful = doubtful.withLinks(doubtful.sources(), claims);
        for (ExchangeFormat format : List.of(ExchangeFormat.CSV, ExchangeFormat.GEOJSON, ExchangeFormat.KML,
                ExchangeFormat.GPKG)) {
            Path f = export(doubtful, format, "doubtful." + format.code());
            Path target = ExchangeFixtures.emptyStore(dir, "doubtful-" + format.code() + ".gpkg");
            try (IncidentStore s = IncidentStore.open(target)) {
                ImportReport r = ExchangeFixtures.importer().importFile(f, format, false, s, Progress.NONE);
                assertEquals(1, r.merged().added(), format.code());
                String warnings = r.warnings().toString();
                assertTrue(warnings.contains("1895-07-01 is before 1900; check the year"), format + ": " + warnings);
                assertTrue(warnings.contains("12,000 is more than 10,000; check the figure"), format + ": " + warnings);
                assertEquals(LocalDate.of(1895, 7, 1), s.byId(RICH).orElseThrow().date());
            }
        }
    }
}
