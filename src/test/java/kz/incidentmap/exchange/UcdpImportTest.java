package kz.incidentmap.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Source;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UCDP's Georeferenced Event Dataset, on a small file of our own making in its columns. */
class UcdpImportTest {

    static final Path SAMPLE = Path.of("src/test/resources/exchange/ucdp-sample.csv");

    @TempDir
    Path dir;

    private static String id(String gedId) {
        return UUID.nameUUIDFromBytes(("ucdp:" + gedId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Test
    void eventsKeepTheirRangeOfDeadAndTheirSpanOfDays() throws Exception {
        assertEquals(ExchangeFormat.UCDP, ExchangeFormat.detect(SAMPLE).orElseThrow());
        Path db = ExchangeFixtures.emptyStore(dir, "ucdp.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            ImportReport r = ExchangeFixtures.importer().importFile(SAMPLE, null, true, store, Progress.NONE);
            assertEquals(new IncidentStore.MergeResult(2, 0, 0), r.merged());
            assertEquals(1, r.outside());
            assertEquals(1, r.skipped().size());
            assertEquals(SAMPLE + ":4", r.skipped().get(0).location());
            assertEquals("where_prec", r.skipped().get(0).field());
            assertTrue(r.skipped().get(0).reason().startsWith("6 (UCDP where_prec 6: only the country is known)"));

            Map<String, Incident> all = store.all().stream().collect(Collectors.toMap(Incident::id, i -> i));
            Incident clash = all.get(id("900001"));
            assertEquals("State-based violence in Taraz town", clash.title());
            assertEquals(IncidentSubType.ARMED_CLASH, clash.subType());
            assertEquals("4\u20139", clash.killedRange(), "low–high");
            assertEquals(List.of(new Claim("ucdp-900001", 5, null, null, "best estimate"),
                    new Claim("ucdp-900001", 4, null, null, "low estimate"),
                    new Claim("ucdp-900001", 9, null, null, "high estimate")), clash.claims());
            assertEquals(LocalDate.of(2011, 11, 1), clash.date(), "12 to 14 November: the month");
            assertEquals(DatePrecision.MONTH, clash.datePrecision());
            assertTrue(clash.description().contains("Between 2011-11-12 and 2011-11-14."), clash.description());
            assertTrue(clash.description().contains("Conflict: Kazakhstan: Test."), clash.description());
            assertEquals("Government of Kazakhstan", clash.perpetrator());
            assertEquals(LocationPrecision.CITY, clash.locationPrecision());
            assertEquals(List.of("ucdp-900001", "ucdp-900001-1", "ucdp-900001-2"),
                    clash.sources().stream().map(Source::key).toList());
            assertEquals("Test Daily 2011-11-13 \"Taraz fighting\"", clash.sources().get(2).title());

            Incident oneSided = all.get(id("900002"));
            assertEquals(IncidentSubType.ATTACK_ON_CIVILIANS, oneSided.subType());
            assertEquals(DatePrecision.DAY, oneSided.datePrecision());
            assertEquals(LocalDate.of(2012, 3, 1), oneSided.date());
            assertEquals("1", oneSided.killedRange());
            assertEquals(1, oneSided.claims().size(), "low, best and high agree: one claim");

            ImportReport again = ExchangeFixtures.importer().importFile(SAMPLE, null,
                    new ImportOptions(null, ImportOptions.Unlocated.COUNTRY), true, store, Progress.NONE);
            assertEquals(new IncidentStore.MergeResult(1, 0, 2), again.merged(), "ids follow GED's ids");
            Incident countryWide = store.byId(id("900003")).orElseThrow();
            assertEquals(DatePrecision.YEAR, countryWide.datePrecision(), "date_prec 5 over a year");
            assertEquals(List.of(CountryWide.TAG), countryWide.tags());
        }
    }

    @Test
    void aBadDateIsNamedByLineAndColumn() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, Files.readString(SAMPLE).replace("2012-03-01,2012-03-01", "2012-03-01,2012-02-30"));
        Path db = ExchangeFixtures.emptyStore(dir, "ucdp.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            ImportException e = assertThrows(ImportException.class, () -> ExchangeFixtures.importer()
                    .importFile(file, null, new ImportOptions(null, ImportOptions.Unlocated.COUNTRY), false, store,
                            Progress.NONE));
            assertEquals(file + ":3: field 'date_end': '2012-02-30' is not a date (expected yyyy-MM-dd)",
                    e.getMessage());
            assertEquals(0, store.count());
        }
    }

    @Test
    void datePrecisionIsTheCoarserOfTheCodeAndTheSpan() {
        LocalDate d = LocalDate.of(2011, 5, 30);
        assertEquals("day", UcdpCodebook.datePrecision("1", d, d));
        assertEquals("month", UcdpCodebook.datePrecision("3", d, d));
        assertEquals("year", UcdpCodebook.datePrecision("1", d, LocalDate.of(2011, 6, 2)));
        assertEquals("approximate", UcdpCodebook.datePrecision("5", d, LocalDate.of(2012, 1, 2)));
    }
}
