package kz.incidentmap.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.EventMember;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentEvent;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Source;
import kz.incidentmap.model.Vocabulary;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Global Terrorism Database's export, CSV and workbook, on small files of our own making in its columns. */
class GtdImportTest {

    static final Path SAMPLE = Path.of("src/test/resources/exchange/gtd-sample.csv");

    @TempDir
    Path dir;

    private static String id(String eventId) {
        return UUID.nameUUIDFromBytes(("gtd:" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Map<String, Incident> byId(IncidentStore store) throws Exception {
        return store.all().stream().collect(Collectors.toMap(Incident::id, i -> i));
    }

    @Test
    void kazakhstansEventsBecomeIncidentsAndOtherCountriesAreCounted() throws Exception {
        assertEquals(ExchangeFormat.GTD, ExchangeFormat.detect(SAMPLE).orElseThrow());
        Path db = ExchangeFixtures.emptyStore(dir, "gtd.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            ImportReport r = ExchangeFixtures.importer().importFile(SAMPLE, null, true, store, Progress.NONE);
            assertEquals(new IncidentStore.MergeResult(3, 0, 0), r.merged());
            assertEquals(4, r.records());
            assertEquals(1, r.outside());
            assertTrue(r.summary().endsWith("1 skipped, skipped 1 rows outside Kazakhstan"), r.summary());
            assertEquals(List.of(new ImportProblem(SAMPLE + ":5", "specificity", "5 (GTD specificity 5: no place more"
                    + " precise than the country): the event is not located more precisely than the country; not"
                    + " imported, since a point would claim a place (--unlocated country puts such events at"
                    + " Kazakhstan's centre)")), r.skipped());

            Map<String, Incident> all = byId(store);
            Incident bomb = all.get(id("201111120001"));
            assertEquals("Bombing/Explosion in Taraz", bomb.title());
            assertEquals(IncidentSubType.SUICIDE_BOMB, bomb.subType(), "suicide 1 makes a bombing a suicide bombing");
            assertEquals(LocalDate.of(2011, 11, 12), bomb.date());
            assertEquals(DatePrecision.DAY, bomb.datePrecision());
            assertEquals(LocationPrecision.CITY, bomb.locationPrecision());
            assertEquals("Zhambyl Region", bomb.oblast());
            assertEquals("Test Group", bomb.perpetrator());
            assertEquals("Test Group", bomb.claimedBy(), "claimed 1");
            assertEquals("gtd-201111120001", bomb.eventGroup());
            assertEquals(List.of("Armed Assault", "target: Police", "target: Government (General)"), bomb.tags());
            assertEquals(List.of("gtd-201111120001", "gtd-201111120001-1", "gtd-201111120001-2"),
                    bomb.sources().stream().map(Source::key).toList());
            assertEquals("TEST COLLECTION", bomb.sources().get(0).publisher());
            assertEquals("\"Test report one,\" Test Wire, November 12, 2011.", bomb.sources().get(1).title());
            assertEquals("1", bomb.killedRange());
            assertEquals("0", bomb.woundedRange());
            assertTrue(bomb.description().startsWith("11/12/2011: A test bomber"));

            Incident hostages = all.get(id("201111120002"));
            assertEquals(IncidentSubType.ABDUCTION, hostages.subType());
            assertEquals(LocalDate.of(2011, 11, 1), hostages.date(), "iday 0: the month");
            assertEquals(DatePrecision.MONTH, hostages.datePrecision());
            assertEquals(LocationPrecision.REGION, hostages.locationPrecision(), "specificity 2");
            assertEquals(List.of("doubt-terrorism", "extended", "target: Private Citizens & Property"),
                    hostages.tags());
            assertEquals("gtd-201111120001", hostages.eventGroup(), "related events share one key");
            assertNull(hostages.claimedBy(), "claimed 0");
            assertTrue(hostages.description().endsWith("Date as GTD gives it: mid-November 2011"));
            assertEquals("unknown", hostages.killedRange());
            assertEquals("2", hostages.woundedRange());

            Incident aktobe = all.get(id("201105170001"));
            assertEquals(IncidentSubType.IED, aktobe.subType());
            assertEquals(LocalDate.of(2011, 1, 1), aktobe.date(), "imonth 0: the year");
            assertEquals(DatePrecision.YEAR, aktobe.datePrecision());
            assertNull(aktobe.perpetrator(), "GTD's 'Unknown' group");
            assertNull(aktobe.eventGroup());
            assertEquals(4, aktobe.sources().size());
            assertEquals("1", aktobe.killedRange(), "1.0 read as 1");

            ImportReport again = ExchangeFixtures.importer().importFile(SAMPLE, ExchangeFormat.GTD, true, store,
                    Progress.NONE);
            assertEquals(new IncidentStore.MergeResult(0, 0, 3), again.merged(), "ids follow GTD's eventids");
            Path newer = dir.resolve("gtd-newer.csv");
            Files.writeString(newer, Files.readString(SAMPLE).replace("Unknown,0,1.0,0.0", "Unknown,0,2,0"));
            ImportReport revised = ExchangeFixtures.importer().importFile(newer, null, true, store, Progress.NONE);
            assertEquals(new IncidentStore.MergeResult(0, 1, 2), revised.merged(), "a revised figure updates the record");
            assertEquals(3, store.count());
            assertEquals("2", byId(store).get(id("201105170001")).killedRange());
        }
    }

    @Test
    void relatedEventsBecomeOneEventInDateOrderTitledFromTheFirst() throws Exception {
        Path db = ExchangeFixtures.emptyStore(dir, "gtd.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            ExchangeFixtures.importer().importFile(SAMPLE, null, true, store, Progress.NONE);
            List<IncidentEvent> events = store.events();
            assertEquals(1, events.size(), "only the two related rows make an event: " + events);
            IncidentEvent e = events.get(0);
            assertEquals("gtd-201111120001", e.id(), "keyed as their event_group");
            // 201111120002 is dated to November 2011 (its first day), before the bomb of 12 November.
            assertEquals(List.of(id("201111120002"), id("201111120001")),
                    e.members().stream().map(EventMember::incidentId).toList());
            assertEquals(byId(store).get(id("201111120002")).title(), e.title());
            ExchangeFixtures.importer().importFile(SAMPLE, ExchangeFormat.GTD, true, store, Progress.NONE);
            assertEquals(events, store.events(), "importing again makes no second event");
        }
    }

    @Test
    void anEventLocatedOnlyInTheCountryRefusesTheFileUnlessPlacedAtTheCentre() throws Exception {
        Path db = ExchangeFixtures.emptyStore(dir, "gtd.gpkg");
        byte[] before = Files.readAllBytes(db);
        try (IncidentStore store = IncidentStore.open(db)) {
            ImportException e = assertThrows(ImportException.class, () -> ExchangeFixtures.importer()
                    .importFile(SAMPLE, null, false, store, Progress.NONE));
            assertTrue(e.getMessage().startsWith(SAMPLE + ":5: field 'specificity': 5 (GTD specificity 5"),
                    e.getMessage());
            assertEquals(0, store.count());
        }
        assertArrayEquals(before, Files.readAllBytes(db));
        try (IncidentStore store = IncidentStore.open(db)) {
            ImportReport r = ExchangeFixtures.importer().importFile(SAMPLE, null,
                    new ImportOptions(null, ImportOptions.Unlocated.COUNTRY), false, store, Progress.NONE);
            assertEquals(new IncidentStore.MergeResult(4, 0, 0), r.merged());
            Incident somewhere = byId(store).get(id("201207000004"));
            assertEquals(67.0, somewhere.lon());
            assertEquals(48.0, somewhere.lat());
            assertEquals(LocationPrecision.REGION, somewhere.locationPrecision());
            assertEquals(List.of(CountryWide.TAG), somewhere.tags());
            assertEquals(IncidentType.ARMED_ATTACK, somewhere.type());
            assertEquals(IncidentSubType.UNKNOWN_ATTACK, somewhere.subType(), "GTD's 'Unknown' attack type");
            assertEquals("Attack of unknown kind", somewhere.title());
            assertEquals("Karaganda Region", somewhere.oblast(), "the centre lies in an oblast");
        }
    }

    @Test
    void theWorkbookGivesTheSameRecordsAsTheCsv() throws Exception {
        List<List<String>> rows = CsvTable.parse(SAMPLE.toString(), Files.readString(SAMPLE)).stream()
                .map(CsvTable.Row::fields).toList();
        Path xlsx = XlsxFixture.write(dir.resolve("gtd.xlsx"), rows);
        assertEquals(ExchangeFormat.GTD, ExchangeFormat.detect(xlsx).orElseThrow());
        Path db = ExchangeFixtures.emptyStore(dir, "gtd.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            ImportReport r = ExchangeFixtures.importer().importFile(xlsx, null, true, store, Progress.NONE);
            assertEquals(new IncidentStore.MergeResult(3, 0, 0), r.merged());
            assertEquals(1, r.outside());
            assertEquals(xlsx + ": row 5", r.skipped().get(0).location(), "a workbook's problems name the row");
            Map<String, Incident> fromXlsx = byId(store);
            Incident bomb = fromXlsx.get(id("201111120001"));
            assertEquals("\"Test report one,\" Test Wire, November 12, 2011.", bomb.sources().get(1).title());
            assertEquals("gtd-201111120001", bomb.eventGroup());
            ImportReport csv = ExchangeFixtures.importer().importFile(SAMPLE, null, true, store, Progress.NONE);
            assertEquals(new IncidentStore.MergeResult(0, 0, 3), csv.merged(), "the CSV has the same records");
        }
    }

    @Test
    void aBrokenWorkbookAndMissingColumnsAreNamed() throws Exception {
        Path notZip = dir.resolve("broken.xlsx");
        Files.writeString(notZip, "PK\u0003\u0004 not really a zip");
        Path db = ExchangeFixtures.emptyStore(dir, "gtd.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            ImportException e = assertThrows(ImportException.class, () -> ExchangeFixtures.importer()
                    .importFile(notZip, null, false, store, Progress.NONE));
            assertTrue(e.getMessage().startsWith(notZip + ": not an Excel workbook (.xlsx)"), e.getMessage());
            Path text = dir.resolve("text.xlsx");
            Files.writeString(text, "eventid,iyear\n1,2011\n");
            ImportException named = assertThrows(ImportException.class, () -> ExchangeFixtures.importer()
                    .importFile(text, ExchangeFormat.GTD, false, store, Progress.NONE));
            assertTrue(named.getMessage().startsWith(text + ": not an Excel workbook (.xlsx)"), named.getMessage());
            Path noCountry = dir.resolve("no-country.csv");
            Files.writeString(noCountry, Files.readString(SAMPLE).replace("country_txt", "country"));
            ImportException missing = assertThrows(ImportException.class, () -> ExchangeFixtures.importer()
                    .importFile(noCountry, null, false, store, Progress.NONE));
            assertEquals(noCountry + ":1: field 'country_txt': required GTD column is missing", missing.getMessage());
            assertEquals(0, store.count());
        }
    }

    @Test
    void aCsvInWindows1252IsReadAsSuchWithAWarning() throws Exception {
        Path file = dir.resolve("gtd-1252.csv");
        String text = Files.readString(SAMPLE).replace("A test explosion in Aktobe.", "A test explosion in Aktobe’s centre.");
        Files.write(file, text.getBytes(java.nio.charset.Charset.forName("windows-1252")));
        Path db = ExchangeFixtures.emptyStore(dir, "gtd.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            ImportReport r = ExchangeFixtures.importer().importFile(file, null, true, store, Progress.NONE);
            assertEquals(new IncidentStore.MergeResult(3, 0, 0), r.merged());
            assertEquals(new ImportProblem(file.toString(), null, "not UTF-8: read as Windows-1252, the encoding of"
                    + " GTD's older CSV releases"), r.warnings().get(0));
            assertEquals("A test explosion in Aktobe’s centre.", byId(store).get(id("201105170001")).description());
        }
    }

    @Test
    void anAttackTypeTheVocabularyDoesNotHaveBecomesANewSubTypeOfArmedAttack() throws Exception {
        Path file = dir.resolve("new-kind.csv");
        Files.writeString(file, Files.readString(SAMPLE).replace("Hostage Taking (Kidnapping)", "Cyber Attack"));
        Path db = ExchangeFixtures.emptyStore(dir, "gtd.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            ImportReport r = ExchangeFixtures.importer().importFile(file, null, true, store, Progress.NONE);
            assertTrue(r.summary().endsWith("skipped 1 rows outside Kazakhstan; new sub-types: Cyber Attack (Armed"
                    + " attack)"), r.summary());
            Incident cyber = byId(store).get(id("201111120002"));
            assertEquals(IncidentType.ARMED_ATTACK, cyber.type());
            assertEquals("Cyber Attack", cyber.subType().label());
        }
    }

    @Test
    void attackTypesAreTheVocabularysGtdNames() {
        Vocabulary v = Vocabulary.builtIn();
        assertEquals(new DraftKind("armed_attack", "hijacking"), GtdCodebook.kind(v, "Hijacking", false));
        assertEquals(new DraftKind("armed_attack", "armed_assault"), GtdCodebook.kind(v, "armed assault", false));
        assertEquals(new DraftKind("explosion", "ied"), GtdCodebook.kind(v, " Bombing/Explosion ", false));
        assertEquals(new DraftKind("suicide_bombing", "suicide_bomb"), GtdCodebook.kind(v, "Bombing/Explosion",
                true));
        assertEquals(new DraftKind("armed_attack", "unknown_attack"), GtdCodebook.kind(v, "", false));
        assertEquals(new DraftKind("armed_attack", "Arson"), GtdCodebook.kind(v, "Arson", false));
        assertEquals("gtd-199001010001", GtdRecords.eventGroup("199001010002", "199001010002; 199001010001"));
        assertEquals("", GtdRecords.eventGroup("199001010002", ""));
    }
}
