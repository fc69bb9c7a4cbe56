package kz.incidentmap.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import kz.incidentmap.edit.IncidentDraft;
import kz.incidentmap.edit.IncidentValidator;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
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
        return importFile(file, format, ImportOptions.DEFAULT, keepValid, store, progress);
    }

    /**
     * Reads, checks and merges {@code file} as {@code options} say: a CSV through a column mapping,
     * events known only to the country refused or placed.
     *
     * @throws ImportException the file, or with {@code keepValid} false any record, was refused; the
     *     store is unchanged
     */
    public ImportReport importFile(Path file, ExchangeFormat format, ImportOptions options, boolean keepValid,
            IncidentStore store, Progress progress) throws ImportException, StoreException, CancelledException {
        if (store.isReadOnly()) {
            throw new StoreException(store.file() + ": cannot import: the store is open for viewing only");
        }
        if (options.columns() != null && format != null && format != ExchangeFormat.CSV) {
            throw new ImportException(new ImportProblem(file.toString(), null, "a column mapping is for CSV files;"
                    + " this import is of format " + format.code()));
        }
        ExchangeFormat f = options.columns() != null ? ExchangeFormat.CSV : format != null ? format : detect(file);
        // The store's sub-types, and a new one for a kind of event the file names and nobody knows yet.
        IncidentValidator checks = validator.forVocabulary(store.vocabulary());
        Set<String> known = codes(store.vocabulary().added());
        if (f == ExchangeFormat.CSV && options.columns() == null) {
            try {
                return streamCsv(file, keepValid, store, checks, known, progress);
            } catch (IncidentCsvStream.ScatteredRowsException e) {
                // Rows of one incident apart from each other: read the whole file, grouping by id.
            }
        }
        ParsedRecords parsed = read(file, f, options, checks, progress);
        if (parsed.records == 0) {
            throw new ImportException(new ImportProblem(file.toString(), null, parsed.outside > 0
                    ? "no records about Kazakhstan in the file (" + parsed.outside + " rows about other countries)"
                    : "no records in the file"));
        }
        if (!parsed.errors.isEmpty() && !keepValid) {
            throw new ImportException(parsed.errors);
        }
        if (!progress.commit()) {
            throw new CancelledException("import cancelled; nothing was written");
        }
        List<Incident> records = parsed.incidents;
        IncidentStore.MergeResult merged = store.merge(records, n -> progress.written(n, records.size()));
        List<IncidentSubType> added = records.stream().map(Incident::subType)
                .filter(s -> s != null && !s.builtIn() && !known.contains(s.code())).distinct().sorted().toList();
        ImportReport report = new ImportReport(file.toString(), f, parsed.records, merged, parsed.errors,
                parsed.warnings, added, parsed.outside);
        return f == ExchangeFormat.GPKG ? report.withCopies(carryCopies(file, store)) : report;
    }

    /**
     * Our CSV as a stream: read and checked on one thread while the store writes on this one, in one
     * transaction that is rolled back if the file is refused.
     */
    private ImportReport streamCsv(Path file, boolean keepValid, IncidentStore store, IncidentValidator checks,
            Set<String> known, Progress progress) throws ImportException, StoreException, CancelledException, IncidentCsvStream.ScatteredRowsException {
        StreamedImport.Result r;
        try {
            long expected = Files.size(file) / ExchangeFormat.CSV.bytesPerIncident();
            r = new StreamedImport(keepValid, progress, streamBatch).run(
                    parsed -> IncidentCsvStream.read(file, checks, today, progress, parsed), store, expected);
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
        // The records went to the store in batches: the sub-types added while they were read.
        List<IncidentSubType> added = store.vocabulary().added().stream().filter(s -> !known.contains(s.code())).toList();
        return new ImportReport(file.toString(), ExchangeFormat.CSV, parsed.records, r.merged(), parsed.errors,
                parsed.warnings, added);
    }

    private static Set<String> codes(List<IncidentSubType> subTypes) {
        return subTypes.stream().map(IncidentSubType::code).collect(Collectors.toSet());
    }

    /** Reads and checks without writing anything, with the built-in sub-types. */
    ParsedRecords read(Path file, ExchangeFormat format, Progress progress) throws ImportException, CancelledException {
        return read(file, format, ImportOptions.DEFAULT, validator, progress);
    }

    private ParsedRecords read(Path file, ExchangeFormat format, ImportOptions options, IncidentValidator validator,
            Progress progress)
            throws ImportException, CancelledException {
        if (format == ExchangeFormat.GPKG) {
            return readStore(file, validator);
        }
        if (options.columns() != null || format == ExchangeFormat.GTD || format == ExchangeFormat.UCDP) {
            // Read row by row: GTD's and UCDP's files hold the world, and only Kazakhstan's rows are kept.
            InputText.checkSize(file);
            try {
                return readRows(file, format, options, validator, StandardCharsets.UTF_8, progress);
            } catch (ImportException e) {
                if (format != ExchangeFormat.GTD || isZip(file) || e.problems().size() != 1
                        || !e.problems().get(0).reason().startsWith(CsvRowReader.NOT_UTF8)) {
                    throw e;
                }
                // Some of GTD's CSV releases are Windows-1252: read again as such, and say so.
                ParsedRecords parsed = readRows(file, format, options, validator, WINDOWS_1252, progress);
                parsed.warnings.add(0, new ImportProblem(file.toString(), null, "not UTF-8: read as Windows-1252,"
                        + " the encoding of GTD's older CSV releases"));
                return parsed;
            }
        }
        String text = InputText.read(file);
        return switch (format) {
            case CSV -> IncidentCsv.read(file, text, validator, today, progress);
            case ACLED -> AcledCsv.read(file, text, validator, today, progress);
            case GEOJSON -> IncidentGeoJson.read(file, text, validator, today, progress);
            case KML -> IncidentKml.read(file, text, validator, today, progress);
            case GPKG, GTD, UCDP -> throw new IllegalStateException("read above");
        };
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** A file read row by row: GTD's or UCDP's, or a CSV through a column mapping. */
    private ParsedRecords readRows(Path file, ExchangeFormat format, ImportOptions options,
            IncidentValidator validator, Charset charset, Progress progress) throws ImportException, CancelledException {
        // GTD's workbook holds the world: only Kazakhstan's rows and their texts are kept.
        try (RowSource rows = format == ExchangeFormat.GTD && (isZip(file) || isXlsxName(file))
                ? new XlsxRows(file, "country_txt", GtdRecords.COUNTRY)
                : new CsvRowReader(file, charset)) {
            if (options.columns() != null) {
                return MappedCsv.read(file, rows, options.columns(), validator, today, progress);
            }
            return format == ExchangeFormat.GTD ? GtdRecords.read(rows, options, validator, today, progress)
                    : UcdpGedCsv.read(rows, options, validator, today, progress);
        }
    }

    /** A file named .xlsx is read as a workbook, so that one that is not is refused as such. */
    private static boolean isXlsxName(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    private static boolean isZip(Path file) throws ImportException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            throw new ImportException(new ImportProblem(file.toString(), null, "cannot read: " + e.getMessage()));
        }
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

    private ParsedRecords readStore(Path file, IncidentValidator validator) throws ImportException {
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
                    null, "cannot tell the format; name it with --format csv|geojson|kml|gpkg|acled|gtd|ucdp")));
        } catch (IOException e) {
            throw new ImportException(new ImportProblem(file.toString(), null, "cannot read: " + e.getMessage()));
        }
    }
}
