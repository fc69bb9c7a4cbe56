package kz.incidentmap.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import kz.incidentmap.edit.IncidentDraft;
import kz.incidentmap.edit.IncidentValidator;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;

/**
 * Imports a file into a store, merging the records by id in one transaction. Our CSV is read as a
 * stream (see {@link IncidentCsvStream}): read and checked on a second thread while the store writes,
 * so a million rows need neither the file nor the records in memory; a CSV whose incident rows are
 * scattered, and the other formats, are read and checked whole first. By default a single bad record
 * refuses the whole file (nothing is written: the transaction is rolled back); with {@code keepValid}
 * the good records are imported and the bad ones reported. Runs on a worker thread.
 */
public final class RecordImporter {

    private final IncidentValidator validator;
    private final LocalDate today;
    private final int streamBatch;

    public RecordImporter(IncidentValidator validator, LocalDate today) {
        this(validator, today, StreamedImport.BATCH);
    }

    /** With another number of records per batch of a streamed import (tests use small ones). */
    RecordImporter(IncidentValidator validator, LocalDate today, int streamBatch) {
        this.validator = validator;
        this.today = today;
        this.streamBatch = streamBatch;
    }

    /**
     * Reads, checks and merges {@code file}; {@code format} null means recognise it.
     *
     * @throws ImportException the file, or with {@code keepValid} false any record, was refused; the
     *     store is unchanged
     */
    public ImportReport importFile(Path file, ExchangeFormat format, boolean keepValid, IncidentStore store,
            Progress progress) throws ImportException, StoreException, CancelledException {
        if (store.isReadOnly()) {
            throw new StoreException(store.file() + ": cannot import: the store is open for viewing only");
        }
        ExchangeFormat f = format != null ? format : detect(file);
        if (f == ExchangeFormat.CSV) {
            try {
                return streamCsv(file, keepValid, store, progress);
            } catch (IncidentCsvStream.ScatteredRowsException e) {
                // Rows of one incident apart from each other: read the whole file, grouping by id.
            }
        }
        ParsedRecords parsed = read(file, f, progress);
        if (parsed.records == 0) {
            throw new ImportException(new ImportProblem(file.toString(), null, "no records in the file"));
        }
        if (!parsed.errors.isEmpty() && !keepValid) {
            throw new ImportException(parsed.errors);
        }
        if (progress.isCancelled()) {
            throw new CancelledException("import cancelled; nothing was written");
        }
        List<Incident> records = parsed.incidents;
        IncidentStore.MergeResult merged = store.merge(records, n -> progress.written(n, records.size()));
        ImportReport report = new ImportReport(file.toString(), f, parsed.records, merged, parsed.errors,
                parsed.warnings);
        return f == ExchangeFormat.GPKG ? report.withCopies(carryCopies(file, store)) : report;
    }

    /**
     * Our CSV as a stream: read and checked on one thread while the store writes on this one, in one
     * transaction that is rolled back if the file is refused.
     */
    private ImportReport streamCsv(Path file, boolean keepValid, IncidentStore store, Progress progress)
            throws ImportException, StoreException, CancelledException, IncidentCsvStream.ScatteredRowsException {
        StreamedImport.Result r;
        try {
            long expected = Files.size(file) / ExchangeFormat.CSV.bytesPerIncident();
            r = new StreamedImport(keepValid, progress, streamBatch).run(
                    parsed -> IncidentCsvStream.read(file, validator, today, progress, parsed), store, expected);
        } catch (ImportException | StoreException | CancelledException | IncidentCsvStream.ScatteredRowsException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("import of " + file + " failed", e);
        }
        ParsedRecords parsed = r.parsed();
        if (parsed.records == 0) {
            throw new ImportException(new ImportProblem(file.toString(), null, "no records in the file"));
        }
        if (r.merged() == null) {
            throw new ImportException(parsed.errors);
        }
        return new ImportReport(file.toString(), ExchangeFormat.CSV, parsed.records, r.merged(), parsed.errors,
                parsed.warnings);
    }

    /** Reads and checks without writing anything. */
    ParsedRecords read(Path file, ExchangeFormat format, Progress progress) throws ImportException, CancelledException {
        if (format == ExchangeFormat.GPKG) {
            return readStore(file);
        }
        String text = InputText.read(file);
        return switch (format) {
            case CSV -> IncidentCsv.read(file, text, validator, today, progress);
            case ACLED -> AcledCsv.read(file, text, validator, today, progress);
            case GEOJSON -> IncidentGeoJson.read(file, text, validator, today, progress);
            case KML -> IncidentKml.read(file, text, validator, today, progress);
            case GPKG -> throw new IllegalStateException("read above");
        };
    }

    /**
     * The local copies of sources the imported store keeps, carried into {@code store} for the sources it
     * now holds, after the records (a copy needs its source). Returns how many were added.
     */
    private static int carryCopies(Path file, IncidentStore store) throws ImportException, StoreException {
        try (IncidentStore other = IncidentStore.openForViewing(file)) {
            return store.carryCopies(other);
        } catch (StoreException e) {
            if (e.getMessage().startsWith(store.file().toString())) {
                throw e;
            }
            throw new ImportException(new ImportProblem(file.toString(), null, "the records were imported, but not"
                    + " the copies of their sources: " + e.getMessage().replace(file + ": ", "")));
        }
    }

    private ParsedRecords readStore(Path file) throws ImportException {
        InputText.checkSize(file);
        List<Incident> incidents;
        try (IncidentStore other = IncidentStore.openForViewing(file)) {
            incidents = other.all();
        } catch (StoreException e) {
            throw new ImportException(new ImportProblem(file.toString(), null, "cannot read this store: "
                    + e.getMessage().replace(file + ": ", "")));
        }
        ParsedRecords parsed = new ParsedRecords();
        for (Incident i : incidents) {
            // A row another program wrote may have no uuid: it is named by its title then.
            String where = file + ": " + (i.id() == null || i.id().isBlank() ? "the incident titled '" + i.title()
                    + "' (no uuid)" : "incident " + i.id());
            if (Double.isNaN(i.lon()) || Double.isNaN(i.lat())) {
                // Checked as coordinates, the missing point would read as 'latitude NaN'.
                parsed.records++;
                parsed.errors.add(new ImportProblem(where, "geom", "no geometry: the record has no point"));
                continue;
            }
            parsed.add(validator, IncidentDraft.of(i), where, p -> new ImportProblem(where, p.field(), p.message()),
                    today);
        }
        return parsed;
    }

    private static ExchangeFormat detect(Path file) throws ImportException {
        InputText.checkSize(file);
        try {
            return ExchangeFormat.detect(file).orElseThrow(() -> new ImportException(new ImportProblem(file.toString(),
                    null, "cannot tell the format; name it with --format csv|geojson|kml|gpkg|acled")));
        } catch (IOException e) {
            throw new ImportException(new ImportProblem(file.toString(), null, "cannot read: " + e.getMessage()));
        }
    }
}
