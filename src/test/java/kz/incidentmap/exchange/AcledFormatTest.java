package kz.incidentmap.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ACLED's export of every event type in and out: the codebook's pairs, a sub-event it lacks, the 31 columns back. */
class AcledFormatTest {

    static final Path EVERY_TYPE = Path.of("src/test/resources/exchange/acled-every-type.csv");

    @TempDir
    Path dir;

    @Test
    void everyEventTypeGetsInAndAnUnknownSubEventBecomesASubTypeOfItsFamily() throws Exception {
        Path db = ExchangeFixtures.emptyStore(dir, "acled.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            ImportReport r = ExchangeFixtures.importer().importFile(EVERY_TYPE, null, false, store, Progress.NONE);
            assertEquals(new IncidentStore.MergeResult(9, 0, 0), r.merged());
            assertTrue(r.summary().endsWith("; new sub-types: Hunger strike (Protest)"), r.summary());
        }
        try (IncidentStore store = IncidentStore.open(db)) {
            Map<String, Incident> byTitle = store.all().stream().collect(Collectors.toMap(Incident::title, i -> i));
            assertEquals(IncidentSubType.PEACEFUL_PROTEST, byTitle.get("Peaceful protest in Zhanaozen").subType());
            assertEquals(IncidentType.PROTEST, byTitle.get("Peaceful protest in Zhanaozen").type());
            assertEquals(IncidentSubType.EXCESSIVE_FORCE, byTitle.get("Excessive force against protesters in Almaty").subType());
            assertEquals(IncidentType.RIOT, byTitle.get("Violent demonstration in Almaty").type());
            assertEquals(IncidentSubType.MOB_VIOLENCE, byTitle.get("Mob violence in Taraz").subType());
            Incident looting = byTitle.get("Looting/property destruction in Almaty");
            assertEquals(IncidentSubType.LOOTING, looting.subType());
            assertEquals(DatePrecision.MONTH, looting.datePrecision(), "time_precision 3");
            assertEquals(LocationPrecision.REGION, looting.locationPrecision(), "geo_precision 3");
            assertEquals(DatePrecision.APPROXIMATE, byTitle.get("Mob violence in Taraz").datePrecision());

            Incident strike = byTitle.get("Hunger strike in Almaty");
            assertEquals(IncidentType.PROTEST, strike.type());
            assertEquals("hunger_strike", strike.subType().code());
            assertEquals("Hunger strike", strike.subType().label());
            assertEquals(false, strike.subType().builtIn());
            assertEquals(strike.subType(), store.vocabulary().require("hunger_strike"), "kept in the store");

            Incident protest = byTitle.get("Peaceful protest in Zhanaozen");
            assertEquals("Protesters (Kazakhstan)", protest.perpetrator());
            assertEquals(List.of("Test Wire", "Test Radio"), protest.sources().stream().map(s -> s.title()).toList());
            assertTrue(protest.tags().contains("crowd size=large"));
            assertTrue(protest.tags().contains("acled:assoc_actor_1=Labour Group (Kazakhstan) | Drivers (Kazakhstan)"),
                    protest.tags().toString());
            assertTrue(protest.tags().contains("acled:interaction=60"));
            assertEquals("0", protest.killedRange());

            ImportReport again = ExchangeFixtures.importer().importFile(EVERY_TYPE, null, false, store, Progress.NONE);
            assertEquals(new IncidentStore.MergeResult(0, 0, 9), again.merged());
            assertTrue(again.summary().endsWith("0 skipped"), "nothing new the second time: " + again.summary());
        }
    }

    @Test
    void anExportWritesTheSameColumnsBack() throws Exception {
        Path db = ExchangeFixtures.emptyStore(dir, "acled.gpkg");
        Path out = dir.resolve("out.csv");
        try (IncidentStore store = IncidentStore.open(db)) {
            ExchangeFixtures.importer().importFile(EVERY_TYPE, null, false, store, Progress.NONE);
            RecordExporter.export(store.all(), ExchangeFormat.ACLED, out, Progress.NONE);
        }
        Map<String, List<String>> in = rows(EVERY_TYPE);
        Map<String, List<String>> back = rows(out);
        assertEquals(in.keySet(), back.keySet());
        assertEquals(AcledCsv.COLUMNS, back.get("event_id_cnty"), "the header");
        for (String id : in.keySet()) {
            List<String> a = in.get(id);
            List<String> b = back.get(id);
            for (int c = 0; c < AcledCsv.COLUMNS.size(); c++) {
                assertEquals(a.get(c), b.get(c), id + " " + AcledCsv.COLUMNS.get(c));
            }
        }
        assertEquals(ExchangeFormat.ACLED, ExchangeFormat.detect(out).orElseThrow());
    }

    @Test
    void aRecordOfOurOwnGoesOutWithItsSubTypesAcledNames() throws Exception {
        Path out = dir.resolve("ours.csv");
        Path db = ExchangeFixtures.richStore(dir);
        Incident taraz;
        try (IncidentStore store = IncidentStore.open(db)) {
            taraz = store.all().stream().filter(i -> i.subType() == IncidentSubType.SUICIDE_BOMB).findFirst().orElseThrow();
            RecordExporter.export(List.of(taraz), ExchangeFormat.ACLED, out, Progress.NONE);
        }
        List<String> row = rows(out).get(taraz.id());
        assertEquals("Explosions/Remote violence", row.get(AcledCsv.COLUMNS.indexOf("event_type")));
        assertEquals("Suicide bomb", row.get(AcledCsv.COLUMNS.indexOf("sub_event_type")));
        assertEquals("Political violence", row.get(AcledCsv.COLUMNS.indexOf("disorder_type")));
        assertEquals(Integer.toString(taraz.maxKilled().orElse(0)), row.get(AcledCsv.COLUMNS.indexOf("fatalities")));
        assertEquals(taraz.date().toString(), row.get(AcledCsv.COLUMNS.indexOf("event_date")));
    }

    @Test
    void anEventTypeOutsideAcledsSixIsRefusedByLineAndNothingIsStored() throws Exception {
        String text = Files.readString(EVERY_TYPE, StandardCharsets.UTF_8).replace("Riots,Mob violence", "Uprisings,Mob violence");
        Path file = dir.resolve("odd.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Path db = ExchangeFixtures.emptyStore(dir, "acled.gpkg");
        byte[] before = Files.readAllBytes(db);
        try (IncidentStore store = IncidentStore.open(db)) {
            ImportException e = assertThrows(ImportException.class, () -> ExchangeFixtures.importer()
                    .importFile(file, null, false, store, Progress.NONE));
            assertEquals(file + ":5: field 'event_type': 'Uprisings' is not one of ACLED's event types (Battles,"
                    + " Explosions/Remote violence, Violence against civilians, Protests, Riots, Strategic developments)",
                    e.getMessage());
            assertEquals(0, store.count());
        }
        assertArrayEquals(before, Files.readAllBytes(db));
    }

    /** The rows of an ACLED file by event id (the header under "event_id_cnty"). */
    private static Map<String, List<String>> rows(Path file) throws Exception {
        return CsvTable.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)).stream()
                .collect(Collectors.toMap(r -> r.fields().get(0), CsvTable.Row::fields));
    }
}
