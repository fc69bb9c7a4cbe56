package kz.incidentmap.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.store.IncidentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another program's CSV read through a column mapping, and the mapping's own errors. */
class MappedCsvImportTest {

    static final Path SAMPLE = Path.of("src/test/resources/exchange/other-program.csv");
    static final String SPEC = "title=event_name,type=kind,date=day,lon=x,lat=y,claim_killed=deaths,description=notes";

    @TempDir
    Path dir;

    private static ImportOptions mapped(String spec) {
        return new ImportOptions(ColumnMapping.parse(spec), null);
    }

    @Test
    void mappedColumnsAreReadAsOurFieldsAndTheFileIsTheSource() throws Exception {
        Path db = ExchangeFixtures.emptyStore(dir, "mapped.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            ImportReport r = ExchangeFixtures.importer().importFile(SAMPLE, null, mapped(SPEC), false, store,
                    Progress.NONE);
            assertEquals(new IncidentStore.MergeResult(2, 0, 0), r.merged());
            assertEquals(ExchangeFormat.CSV, r.format());
            Map<String, Incident> byTitle = store.all().stream().collect(Collectors.toMap(Incident::title, i -> i));
            Incident shooting = byTitle.get("Test shooting in Shymkent");
            assertEquals(IncidentType.ARMED_ATTACK, shooting.type());
            assertEquals("2", shooting.killedRange());
            assertEquals("First test row", shooting.description());
            assertEquals("other-program.csv", shooting.sources().get(0).title());
            assertEquals("csv-other-program.csv", shooting.sources().get(0).key());
            assertEquals("unknown", byTitle.get("Test blast in Almaty").killedRange());
        }
    }

    @Test
    void aBadValueIsNamedByLineAndTheFilesOwnColumn() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, Files.readString(SAMPLE).replace("2013-04-05", "2013-13-45"));
        Path db = ExchangeFixtures.emptyStore(dir, "mapped.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            ImportException e = assertThrows(ImportException.class, () -> ExchangeFixtures.importer()
                    .importFile(file, null, mapped(SPEC), false, store, Progress.NONE));
            assertEquals(file + ":3: field 'day': '2013-13-45' is not a valid date (expected yyyy-MM-dd)",
                    e.getMessage());
            assertEquals(0, store.count());
        }
    }

    @Test
    void aMissingColumnOrFieldRefusesTheFileNamingWhatExists() throws Exception {
        Path db = ExchangeFixtures.emptyStore(dir, "mapped.gpkg");
        try (IncidentStore store = IncidentStore.open(db)) {
            ImportException e = assertThrows(ImportException.class, () -> ExchangeFixtures.importer()
                    .importFile(SAMPLE, null, mapped("title=event_name,type=sort,date=day,lon=x"), false, store,
                            Progress.NONE));
            assertEquals(List.of(new ImportProblem(SAMPLE + ":1", "sort", "no such column in the header, for field"
                            + " 'type' (columns: event_name, kind, day, x, y, deaths, notes)"),
                    new ImportProblem(SAMPLE + ":1", null, "field 'lat' is required: name its column with --columns"
                            + " lat=COLUMN")), e.problems());
            assertEquals(0, store.count());
        }
    }

    @Test
    void aMappingNamesUnknownFieldsAndBadEntries() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ColumnMapping.parse("title=a,when=b"));
        assertTrue(unknown.getMessage().startsWith("unknown field 'when' (fields: id, title, type, sub_type, date,"),
                unknown.getMessage());
        assertEquals("'title' is not FIELD=COLUMN (e.g. date=event_date)",
                assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("title")).getMessage());
        assertEquals("field 'date' is given twice",
                assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("date=a,date=b")).getMessage());
        assertEquals("title=event_name,date=day", ColumnMapping.parse(" date = day , title=event_name").spec());
    }

    @Test
    void columnsAreGuessedFromCommonNames() {
        ColumnMapping guess = ColumnGuess.guess(List.of("Event Name", "event_date", "Latitude", "x", "y", "Fatalities",
                "whatever"));
        assertEquals("title=Event Name,date=event_date,lon=x,lat=Latitude,claim_killed=Fatalities", guess.spec());
        assertEquals(List.of("type"), guess.missingFields());
        assertFalse(ExchangeFormat.isKnownCsvHeader(List.of("event_name", "day")));
        assertTrue(ExchangeFormat.isKnownCsvHeader(List.of("title", "type", "date")));
        assertEquals(ColumnMapping.headerKey(List.of("a", "b")), ColumnMapping.headerKey(List.of(" a", "b ")));
        assertFalse(ColumnMapping.headerKey(List.of("a", "b")).equals(ColumnMapping.headerKey(List.of("b", "a"))));
    }
}
