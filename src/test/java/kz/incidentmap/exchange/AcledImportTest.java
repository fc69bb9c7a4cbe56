package kz.incidentmap.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ACLED's CSV export format, on a small file of our own making in that format. */
class AcledImportTest {

    @TempDir
    Path dir;

    @Test
    void eventsBecomeIncidentsWithTheirAcledTypesFiguresAndSources() throws Exception {
        Path db = ExchangeFixtures.emptyStore(dir, "acled.gpkg");
        assertEquals(ExchangeFormat.ACLED, ExchangeFormat.detect(ExchangeFixtures.ACLED_SAMPLE).orElseThrow());
        try (IncidentStore store = IncidentStore.open(db)) {
            ImportReport r = ExchangeFixtures.importer().importFile(ExchangeFixtures.ACLED_SAMPLE, null, false, store,
                    Progress.NONE);
            assertEquals(new IncidentStore.MergeResult(4, 0, 0), r.merged());
            Map<String, Incident> byTitle = store.all().stream().collect(Collectors.toMap(Incident::title, i -> i));
            Incident taraz = byTitle.get("Suicide bomb in Taraz");
            assertEquals(IncidentSubType.SUICIDE_BOMB, taraz.subType());
            assertEquals(LocalDate.of(2011, 11, 12), taraz.date());
            assertEquals(DatePrecision.DAY, taraz.datePrecision());
            assertEquals("Zhambyl Region", taraz.oblast(), "the oblast comes from the point");
            assertEquals(LocationPrecision.CITY, taraz.locationPrecision());
            assertEquals("1", taraz.killedRange());
            assertEquals("acled-KAZ9001", taraz.sources().get(0).key());
            assertEquals("Test Newswire", taraz.sources().get(0).title());
            assertEquals(Instant.ofEpochSecond(1_700_000_000L), taraz.updated());
            Incident shymkent = byTitle.get("Attack in Shymkent");
            assertEquals(DatePrecision.APPROXIMATE, shymkent.datePrecision());
            assertEquals("test tag", shymkent.tags().get(0));
            assertTrue(shymkent.tags().contains("acled:actor2=Civilians (Kazakhstan)"), shymkent.tags().toString());
            assertEquals(List.of("Test Daily", "Test Radio"), shymkent.sources().stream().map(s -> s.title()).toList(),
                    "ACLED's sources, one by one");
            assertTrue(shymkent.description().contains("with a comma, and \"quotes\""));
            assertEquals(LocationPrecision.REGION, byTitle.get("Armed clash in Aktobe").locationPrecision());
            assertEquals(LocalDate.of(2016, 7, 5), byTitle.get("Armed clash in Aktobe").date());
            assertEquals(IncidentSubType.ARRESTS, byTitle.get("Arrests in Almaty").subType());

            ImportReport again = ExchangeFixtures.importer().importFile(ExchangeFixtures.ACLED_SAMPLE,
                    ExchangeFormat.ACLED, false, store, Progress.NONE);
            assertEquals(new IncidentStore.MergeResult(0, 0, 4), again.merged(), "ids follow ACLED's event ids");
        }
    }

    @Test
    void anEventGivenTwiceNamesBothLines() throws Exception {
        String text = Files.readString(ExchangeFixtures.ACLED_SAMPLE, StandardCharsets.UTF_8);
        String second = text.lines().toList().get(2);
        Path file = dir.resolve("twice.csv");
        Files.writeString(file, text + second + "\n", StandardCharsets.UTF_8);
        Path db = ExchangeFixtures.emptyStore(dir, "acled.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            ImportException e = assertThrows(ImportException.class, () -> ExchangeFixtures.importer()
                    .importFile(file, null, false, store, Progress.NONE));
            String id = java.util.UUID.nameUUIDFromBytes("acled:KAZ9002".getBytes(StandardCharsets.UTF_8)).toString();
            assertEquals(file + ":6: field 'event_id_cnty': incident " + id + " appears twice in the file; its first"
                    + " record is at " + file + ":3", e.getMessage());
            assertEquals(0, store.count());
        }
    }
}
