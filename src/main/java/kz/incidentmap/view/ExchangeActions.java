package kz.incidentmap.view;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import kz.incidentmap.dedupe.DuplicateRules;
import kz.incidentmap.dedupe.StoredDuplicates;
import kz.incidentmap.exchange.CancelledException;
import kz.incidentmap.exchange.CsvPreview;
import kz.incidentmap.exchange.ExchangeFormat;
import kz.incidentmap.exchange.ImportOptions;
import kz.incidentmap.exchange.ImportProblem;
import kz.incidentmap.exchange.ImportReport;
import kz.incidentmap.exchange.RecordExporter;
import kz.incidentmap.exchange.RecordImporter;
import kz.incidentmap.edit.ImportIncidents;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.IncidentRecords;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.model.Incident;
import kz.incidentmap.redact.Redaction;
import kz.incidentmap.store.IncidentScan;
import kz.incidentmap.store.IncidentStore;

/**
 * Import… and Export… in the window: a file chooser (for a CSV of another program, then the mapping of
 * its columns, {@link ColumnMappingDialog}), then the work as a {@link Task} on a worker thread
 * with a progress bar and a Cancel button; the map shows the imported records when the import is
 * stored. Methods are called on the JavaFX thread.
 */
final class ExchangeActions {

    private final MapViewModel vm;
    private final EditController edits;
    private final Workers workers;
    private final RememberedMappings mappings;

    /** Rows of a CSV shown while its columns are mapped. */
    static final int PREVIEW_ROWS = 8;

    private final Texts texts;

    ExchangeActions(MapViewModel vm, EditController edits, Workers workers, RememberedMappings mappings) {
        this.vm = vm;
        this.edits = edits;
        this.workers = workers;
        this.mappings = mappings;
        this.texts = vm.texts();
    }

    void chooseImport(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.text("exchange.importTitle"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(texts.text("exchange.incidentFiles"), "*.csv", "*.geojson", "*.json", "*.kml", "*.gpkg",
                        "*.xlsx"),
                new FileChooser.ExtensionFilter(texts.text("exchange.allFiles"), "*.*"));
        Optional.ofNullable(chooser.showOpenDialog(owner)).ifPresent(f -> importFile(owner, f.toPath()));
    }

    /**
     * Imports a chosen file: a CSV whose header is not one we know first asks how its columns map onto
     * our fields (its first rows are read on a worker thread), then every file asks to confirm.
     */
    void importFile(Window owner, Path file) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            confirmImport(owner, file, ImportOptions.DEFAULT);
            return;
        }
        workers.run(() -> CsvPreview.read(file, PREVIEW_ROWS), preview -> {
            if (preview.knownFormat()) {
                confirmImport(owner, file, ImportOptions.DEFAULT);
            } else {
                new ColumnMappingDialog(owner, file.getFileName().toString(), preview, mappings, texts).showAndWait()
                        .ifPresent(m -> confirmImport(owner, file, new ImportOptions(m, null)));
            }
        }, e -> {
            vm.messageProperty().set(texts.format("exchange.refused", e.getMessage().lines().findFirst().orElse("")));
            show(texts.text("exchange.refusedTitle"), texts.text("exchange.nothingImported"), e.getMessage());
        });
    }

    private void confirmImport(Window owner, Path f, ImportOptions options) {
        CheckBox keep = new CheckBox(texts.text("exchange.keep"));
        CheckBox review = new CheckBox(texts.text("exchange.review"));
        review.setId("import-review-duplicates");
        CheckBox centre = new CheckBox(texts.text("exchange.centre"));
        centre.setWrapText(true);
        Alert ask = DialogWords.of(new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.OK, ButtonType.CANCEL), texts);
        ask.initOwner(owner);
        ask.setHeaderText(texts.format("exchange.ask", f.getFileName()) + (vm.incidentCount() > ImportIncidents.LIMIT
                ? "\n" + texts.format("exchange.tooManyToUndo", ImportIncidents.LIMIT) : ""));
        // A mapped CSV places every record at its own point: the choice is only GTD's and UCDP's.
        ask.getDialogPane().setContent(options.columns() == null ? new VBox(6, keep, review, centre)
                : new VBox(6, keep, review));
        if (ask.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
            ImportOptions chosen = new ImportOptions(options.columns(), centre.isSelected()
                    ? ImportOptions.Unlocated.COUNTRY : ImportOptions.Unlocated.REFUSE);
            ProgressDialog.show(owner, texts.format("exchange.importing", f.getFileName()), startImport(f, null, chosen,
                    keep.isSelected(), review.isSelected() ? owner : null), texts);
        }
    }

    /** Find duplicates…: the review list of possible duplicates (see {@link DuplicatesDialog}). */
    DuplicatesDialog findDuplicates(Window owner) {
        IncidentStore store = edits.store().orElseThrow();
        DuplicatesDialog dialog = new DuplicatesDialog(owner, edits, workers, store,
                () -> StoredDuplicates.find(store, DuplicateRules.DEFAULT), texts);
        dialog.show();
        return dialog;
    }

    void chooseExport(Window owner) {
        IncidentStore store = edits.store().orElseThrow();
        exportFile(owner, texts.text("exchange.exportTitle")).ifPresent(f -> askRedaction(owner).ifPresent(r ->
                ProgressDialog.show(owner, texts.format("exchange.exporting", f.file().getFileName()),
                        startExport(f.file(), f.format(), () -> store.scan(IncidentScan.Where.ANYWHERE), r), texts)));
    }

    /** How the records are to be shared: as recorded or redacted by a profile; empty when cancelled. */
    private Optional<Redaction> askRedaction(Window owner) {
        LoadedMap map = vm.mapProperty().get();
        return RedactionChoice.ask(owner, texts, map == null ? null : map.gazetteer());
    }

    /** Export selected… of the incident table: the records with these row ids, in that order. */
    void chooseExport(Window owner, IncidentRecords records, long[] rowIds) {
        String title = texts.format("exchange.exportSelected", rowIds.length);
        exportFile(owner, title).ifPresent(f -> askRedaction(owner).ifPresent(r -> ProgressDialog.show(owner,
                texts.format("exchange.exporting", f.file().getFileName()),
                startExport(f.file(), f.format(), () -> new SelectedRecords(records, rowIds), r), texts)));
    }

    /** A file to export to, and its format: ACLED's CSV when that type is chosen, else the name's. */
    private record ExportChoice(Path file, ExchangeFormat format) {
    }

    private Optional<ExportChoice> exportFile(Window owner, String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        FileChooser.ExtensionFilter acled = new FileChooser.ExtensionFilter(texts.text("exchange.acled"), "*.csv");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV", "*.csv"),
                new FileChooser.ExtensionFilter("GeoJSON", "*.geojson"), new FileChooser.ExtensionFilter("KML", "*.kml"),
                new FileChooser.ExtensionFilter(texts.text("exchange.gpkg"), "*.gpkg"), acled);
        chooser.setInitialFileName("incidents-" + LocalDate.now() + ".csv");
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(java.io.File::toPath)
                .map(f -> new ExportChoice(f, chooser.getSelectedExtensionFilter() == acled ? ExchangeFormat.ACLED
                        : ExchangeFormat.byExtension(f).orElse(ExchangeFormat.CSV)));
    }

    /** Starts an import on a worker thread; the returned task reports progress and can be cancelled. */
    Task<ImportReport> startImport(Path file, ExchangeFormat format, boolean keepValid) {
        return startImport(file, format, ImportOptions.DEFAULT, keepValid, null);
    }

    /** Starts an import read as {@code options} say (a column mapping, events known only to the country). */
    Task<ImportReport> startImport(Path file, ExchangeFormat format, ImportOptions options, boolean keepValid) {
        return startImport(file, format, options, keepValid, null);
    }

    /** {@link #startImport(Path, ExchangeFormat, boolean)}, then the review list (see the next). */
    Task<ImportReport> startImport(Path file, ExchangeFormat format, boolean keepValid, Window reviewOwner) {
        return startImport(file, format, ImportOptions.DEFAULT, keepValid, reviewOwner);
    }

    /**
     * An import read as {@code options} say; unless {@code reviewOwner} is null, the review list of the pairs
     * with an imported record on one side and a stored one on the other opens after it.
     */
    Task<ImportReport> startImport(Path file, ExchangeFormat format, ImportOptions options, boolean keepValid,
            Window reviewOwner) {
        IncidentStore store = edits.store().orElseThrow();
        RecordImporter importer = new RecordImporter(edits.validator(), LocalDate.now());
        Task<ImportReport> task = new ProgressTask<>() {
            private IncidentFeatureSource after;
            private String told;
            private Set<String> fresh = Set.of();

            @Override
            protected ImportReport call() throws Exception {
                updateMessage(texts.format("exchange.reading", file.getFileName()));
                Optional<Map<String, Incident>> before = edits.beforeImport(store);
                Set<String> stored = reviewOwner == null ? Set.of() : StoredDuplicates.ids(store);
                ImportReport r = importer.importFile(file, format, options, keepValid, store, this);
                if (reviewOwner != null) {
                    Set<String> now = new HashSet<>(StoredDuplicates.ids(store));
                    now.removeAll(stored);
                    fresh = now;
                }
                told = edits.afterImport(file.getFileName().toString(), before,
                        r.merged().added() + r.merged().updated(), store);
                after = vm.reread(store);
                return r;
            }

            @Override
            protected void succeeded() {
                vm.incidentsReplaced(after);
                ImportReport r = getValue();
                vm.messageProperty().set(texts.format("exchange.imported", r.summary()) + told);
                if (!r.skipped().isEmpty() || !r.warnings().isEmpty()) {
                    showReport(texts.text("exchange.report"), r.summary(), r.skipped(), r.warnings());
                }
                if (reviewOwner != null && !fresh.isEmpty()) {
                    Set<String> imported = fresh;
                    new DuplicatesDialog(reviewOwner, edits, workers, store,
                            () -> StoredDuplicates.involving(store, DuplicateRules.DEFAULT, imported), texts).show();
                }
            }

            @Override
            protected void cancelled() {
                vm.messageProperty().set(texts.text("exchange.importCancelled"));
            }

            @Override
            protected void failed() {
                Throwable e = getException();
                if (e instanceof CancelledException) {
                    cancelled();
                    return;
                }
                vm.messageProperty().set(texts.format("exchange.refused", e.getMessage().lines().findFirst().orElse("")));
                show(texts.text("exchange.refusedTitle"), texts.text("exchange.fixThese"), e.getMessage());
            }
        };
        edits.runImport(task);
        return task;
    }

    /** Starts an export of every incident in the store on a worker thread. */
    Task<Void> startExport(Path file, ExchangeFormat format) {
        IncidentStore store = edits.store().orElseThrow();
        return startExport(file, format, () -> store.scan(IncidentScan.Where.ANYWHERE));
    }

    /** The incidents an export writes, opened on its worker thread (and closed after, when they need it). */
    interface ExportedIncidents {
        Collection<Incident> open() throws Exception;
    }

    /** Starts an export of {@code incidents} on a worker thread. */
    Task<Void> startExport(Path file, ExchangeFormat format, ExportedIncidents incidents) {
        return startExport(file, format, incidents, Redaction.NONE);
    }

    /** Starts an export of {@code incidents} on a worker thread, each shared as {@code redaction} lets it be. */
    Task<Void> startExport(Path file, ExchangeFormat format, ExportedIncidents incidents, Redaction redaction) {
        IncidentStore copiesFrom = edits.store().orElse(null); // a GeoPackage carries its sources' copies
        Task<Void> task = new ProgressTask<>() {
            private int count;

            @Override
            protected Void call() throws Exception {
                updateMessage(texts.text("exchange.readingStore"));
                Collection<Incident> read = incidents.open();
                try {
                    updateMessage(texts.format("status.incidents", read.size()));
                    count = RecordExporter.export(read, format, file, this, copiesFrom, redaction);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                } finally {
                    if (read instanceof AutoCloseable c) {
                        c.close();
                    }
                }
                return null;
            }

            @Override
            protected void succeeded() {
                vm.messageProperty().set(texts.format("exchange.exported", count, file)
                        + (redaction.active() ? " \u00b7 " + redaction.label() : ""));
            }

            @Override
            protected void cancelled() {
                vm.messageProperty().set(texts.text("exchange.exportCancelled"));
            }

            @Override
            protected void failed() {
                vm.messageProperty().set(getException() instanceof CancelledException
                        ? texts.text("exchange.exportCancelled") : texts.format("export.failed", getException().getMessage()));
            }
        };
        workers.run(task);
        return task;
    }

    private void showReport(String title, String header, List<ImportProblem> skipped, List<ImportProblem> warnings) {
        StringBuilder sb = new StringBuilder();
        skipped.forEach(p -> sb.append(texts.format("exchange.skipped", p)).append('\n'));
        warnings.forEach(p -> sb.append(texts.format("exchange.warning", p)).append('\n'));
        show(title, header, sb.toString());
    }

    /** A window with a long text the user can read and copy (every problem with its file:line). */
    private void show(String title, String header, String body) {
        Alert a = DialogWords.of(new Alert(Alert.AlertType.INFORMATION), texts);
        a.setTitle(title);
        a.setHeaderText(header);
        TextArea text = new TextArea(body);
        text.setId("exchange-report");
        text.setEditable(false);
        text.setWrapText(true);
        a.getDialogPane().setContent(text);
        a.show();
    }
}
