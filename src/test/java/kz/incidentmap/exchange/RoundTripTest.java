package kz.incidentmap.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
import kz.incidentmap.model.SourceCopy;
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

    @Test
    void aGeoPackageCarriesTheCopiesOfItsSourcesAndAnImportBringsThemBack() throws Exception {
        Path source = ExchangeFixtures.richStore(dir);
        byte[] page = "<html><body>Two killed at the checkpoint</body></html>".getBytes(StandardCharsets.UTF_8);
        SourceCopy kept;
        List<Incident> original;
        try (IncidentStore store = IncidentStore.open(source)) {
            kept = store.keepCopy("edit-test", "report.html", "text/html", page);
            original = store.all();
        }
        Path csv = dir.resolve("out.csv");
        Path gpkg = dir.resolve("out.gpkg");
        try (IncidentStore store = IncidentStore.openForViewing(source)) {
            RecordExporter.export(original, ExchangeFormat.GPKG, gpkg, Progress.NONE, store);
            RecordExporter.export(original, ExchangeFormat.CSV, csv, Progress.NONE, store);
            // Only the copies of the sources exported go with them.
            Path others = dir.resolve("others.gpkg");
            RecordExporter.export(original.stream().filter(i -> !i.id().equals(ExchangeFixtures.RICH)).toList(),
                    ExchangeFormat.GPKG, others, Progress.NONE, store);
            try (IncidentStore out = IncidentStore.openForViewing(others)) {
                assertEquals(List.of(), out.copies(null));
            }
        }
        try (IncidentStore out = IncidentStore.openForViewing(gpkg)) {
            List<SourceCopy> copies = out.copies(null);
            assertEquals(1, copies.size());
            assertEquals(kept.sha256(), copies.get(0).sha256());
            assertEquals(kept.savedAt(), copies.get(0).savedAt(), "saved when it was first saved");
            assertArrayEquals(page, out.copyBytes(copies.get(0)));
        }
        Path target = ExchangeFixtures.emptyStore(dir, "target.gpkg");
        try (IncidentStore store = IncidentStore.open(target)) {
            ImportReport fromCsv = ExchangeFixtures.importer().importFile(csv, null, false, store, Progress.NONE);
            assertEquals(0, fromCsv.copies(), "a CSV carries no copies");
            assertEquals(List.of(), store.copies(null));
            ImportReport r = ExchangeFixtures.importer().importFile(gpkg, null, false, store, Progress.NONE);
            assertEquals(1, r.copies());
            assertTrue(r.summary().endsWith("1 copy of sources added"), r.summary());
            List<SourceCopy> copies = store.copies("edit-test");
            assertEquals(1, copies.size());
            assertArrayEquals(page, store.copyBytes(copies.get(0)));
            assertEquals(0, ExchangeFixtures.importer().importFile(gpkg, null, false, store, Progress.NONE).copies(),
                    "a copy already kept is not kept twice");
        }
    }
}
