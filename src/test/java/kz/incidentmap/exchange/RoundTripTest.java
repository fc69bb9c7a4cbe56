package kz.incidentmap.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Credibility;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Reliability;
import kz.incidentmap.model.Source;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoredFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Export then import gives back the same records, in every export format, field for field, and the
 * store's points the facts their claims give.
 */
class RoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = ExchangeFormat.class, names = {"CSV", "GEOJSON", "KML", "GPKG"})
    void exportThenImportGivesBackTheSameRecords(ExchangeFormat format) throws Exception {
        Path source = ExchangeFixtures.richStore(dir);
        List<Incident> original;
        try (IncidentStore store = IncidentStore.openForViewing(source)) {
            original = store.all();
        }
        assertEquals(17, original.size());
        Path file = dir.resolve("out." + format.code());
        RecordExporter.export(original, format, file, Progress.NONE);
        assertTrue(Files.size(file) > 0);
        assertEquals(format, ExchangeFormat.detect(file).orElseThrow(), "recognised from the file");

        Path target = ExchangeFixtures.emptyStore(dir, "target.gpkg");
        try (IncidentStore store = IncidentStore.open(target)) {
            ImportReport r = ExchangeFixtures.importer().importFile(file, null, false, store, Progress.NONE);
            assertEquals(17, r.records());
            assertEquals(new IncidentStore.MergeResult(17, 0, 0), r.merged());
            assertEquals(original, store.all());
            Incident rich = store.byId(ExchangeFixtures.RICH).orElseThrow();
            assertEquals(Arrays.asList(Reliability.B, null), rich.sources().stream().map(Source::reliability).toList(),
                    "the grades are kept");
            assertEquals(Arrays.asList(Credibility.CONFIRMED, Credibility.IMPROBABLE, null),
                    rich.claims().stream().map(Claim::credibility).toList(), "the credibilities are kept");
            Map<Long, String> facts = StoredFacts.byJoin(target);
            assertEquals(17, facts.size());
            assertEquals(facts, StoredFacts.inPoints(target), "the filter's facts as the claims give them");
            ImportReport again = ExchangeFixtures.importer().importFile(file, format, false, store, Progress.NONE);
            assertEquals(new IncidentStore.MergeResult(0, 0, 17), again.merged(), "a second import changes nothing");
        }
    }

    @Test
    void aCsvWithoutTheGradeColumnsStillImportsAsNotGraded() throws Exception {
        Path source = ExchangeFixtures.richStore(dir);
        List<Incident> original;
        try (IncidentStore store = IncidentStore.openForViewing(source)) {
            original = store.all();
        }
        Path file = dir.resolve("out.csv");
        RecordExporter.export(original, ExchangeFormat.CSV, file, Progress.NONE);
        // As a file of an earlier version has it: the last two columns came with the grades.
        List<CsvTable.Row> rows = CsvTable.parse(file.toString(), Files.readString(file));
        List<String> header = rows.get(0).fields();
        assertEquals(List.of("source_reliability", "claim_credibility"), header.subList(header.size() - 2, header.size()));
        StringBuilder older = new StringBuilder();
        for (CsvTable.Row row : rows) {
            older.append(CsvTable.line(row.fields().subList(0, header.size() - 2)));
        }
        Files.writeString(file, older);

        Path target = ExchangeFixtures.emptyStore(dir, "target.gpkg");
        try (IncidentStore store = IncidentStore.open(target)) {
            ImportReport r = ExchangeFixtures.importer().importFile(file, null, false, store, Progress.NONE);
            assertEquals(new IncidentStore.MergeResult(17, 0, 0), r.merged());
            Incident rich = store.byId(ExchangeFixtures.RICH).orElseThrow();
            assertTrue(rich.sources().stream().allMatch(s -> s.reliability() == null), rich.sources().toString());
            assertTrue(rich.claims().stream().allMatch(c -> c.credibility() == null), rich.claims().toString());
            assertEquals(3, rich.claims().size());
        }
    }
}
