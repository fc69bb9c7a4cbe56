package kz.incidentmap.view;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentEvent;
import kz.incidentmap.model.SourceCopy;
import kz.incidentmap.redact.Redaction;
import kz.incidentmap.redact.RedactionProfiles;
import kz.incidentmap.render.RenderContext;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.report.IncidentReport;
import kz.incidentmap.report.ReportProgress;
import kz.incidentmap.report.ReportRequest;
import kz.incidentmap.store.IncidentStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * Report… in the window: the PDF report of what the window shows — the incidents the filter lets through
 * within the view's area, the map's visible layers — asked for with a file chooser and a redaction
 * choice, written on a worker thread under a progress window with Cancel. JavaFX thread only, but for
 * the writing.
 */
final class ReportActions {

    private final MapViewModel vm;
    private final Workers workers;
    private final Supplier<Optional<IncidentStore>> store;
    private final Supplier<Window> owner;
    private final RenderContext rendering;

    ReportActions(MapViewModel vm, Workers workers, Supplier<Optional<IncidentStore>> store, Supplier<Window> owner,
            RenderContext rendering) {
        this.vm = vm;
        this.workers = workers;
        this.store = store;
        this.owner = owner;
        this.rendering = rendering;
    }

    /** Asks where to write and how to share, then writes; nothing happens until the map has loaded. */
    void open() {
        LoadedMap map = vm.mapProperty().get();
        if (map == null || vm.viewportProperty().get() == null) {
            return;
        }
        Texts texts = vm.texts();
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.text("report.dialogTitle"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        chooser.setInitialFileName("incident-report-" + LocalDate.now() + ".pdf");
        Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(java.io.File::toPath)
                .map(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? f
                        : f.resolveSibling(f.getFileName() + ".pdf"))
                .ifPresent(this::ask);
    }

    /**
     * Asks how to share the report to {@code file} (the redaction, as the export dialogs do); OK starts
     * it under a progress window. Returns the question, shown.
     */
    Alert ask(Path file) {
        Texts texts = vm.texts();
        LoadedMap map = vm.mapProperty().get();
        Gazetteer gazetteer = map == null ? null : map.gazetteer();
        RedactionChoice choice = new RedactionChoice(texts, RedactionProfiles.ofUser(), gazetteer != null);
        Alert ask = DialogWords.of(new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.OK, ButtonType.CANCEL), texts);
        ask.initOwner(owner.get());
        ask.setTitle(texts.text("report.dialogTitle"));
        ask.setHeaderText(texts.text("report.dialogHeader") + "\n" + file);
        ask.getDialogPane().setContent(choice.pane());
        ask.resultProperty().addListener((o, was, button) -> {
            if (button == ButtonType.OK) {
                ProgressDialog.show(owner.get(), texts.text("report.writing"), start(file, choice.chosen(gazetteer)),
                        texts);
            }
        });
        ask.show();
        return ask;
    }

    /**
     * Starts writing the report of what the window shows to {@code file} on a worker thread, shared as
     * {@code redaction} lets it be; the status bar says how it went. The view, filter and map are taken now.
     */
    Task<IncidentReport.Written> start(Path file, Redaction redaction) {
        Texts texts = vm.texts();
        IncidentFilter filter = vm.filter();
        IncidentFeatureSource all = vm.latestIncidents();
        LoadedMap map = vm.mapProperty().get();
        Viewport vp = vm.viewportProperty().get();
        Optional<IncidentStore> copiesFrom = store.get();
        Task<IncidentReport.Written> task = new Task<>() {
            @Override
            protected IncidentReport.Written call() throws Exception {
                Optional<String> problem = IncidentReport.unwritable(file);
                if (problem.isPresent()) {
                    throw new java.io.IOException(problem.get());
                }
                updateMessage(texts.text("exchange.readingStore"));
                if (all == null) {
                    throw new java.io.IOException(texts.text("redaction.stillLoading"));
                }
                Envelope area = vp.bounds();
                MapProjection projection = MapProjection.kazakhstan();
                List<Incident> shown = new ArrayList<>();
                all.records().forEach((row, i) -> {
                    Coordinate c = projection.toMap(i.lon(), i.lat());
                    if (filter.test(i) && area.contains(c)) {
                        shown.add(i);
                    }
                });
                Map<String, List<SourceCopy>> copies = new HashMap<>();
                List<IncidentEvent> events = copiesFrom.isPresent() ? copiesFrom.get().events() : List.of();
                if (copiesFrom.isPresent()) {
                    for (SourceCopy c : copiesFrom.get().copies(null)) {
                        copies.computeIfAbsent(c.sourceKey(), k -> new ArrayList<>()).add(c);
                    }
                }
                String words = filter.isEmpty() ? "" : filter.describe(shown.size(), all.index().size(), texts);
                ReportRequest request = new ReportRequest(texts.format("report.title", texts.text("page.kazakhstan")),
                        texts.text("page.kazakhstan") + dates(shown, texts, redaction), words, shown, copies,
                        map.model(), area, redaction, ZonedDateTime.now(ZoneOffset.UTC).withSecond(0).withNano(0), texts,
                        events);
                return new IncidentReport(rendering).write(request, file, new ReportProgress() {
                    @Override
                    public void at(String what, double fraction) {
                        updateMessage(what);
                        updateProgress(fraction, 1);
                    }

                    @Override
                    public boolean cancelled() {
                        return isCancelled();
                    }
                });
            }

            @Override
            protected void succeeded() {
                IncidentReport.Written w = getValue();
                vm.messageProperty().set(texts.format("report.written", w.file(), w.pages(), w.incidents())
                        + (redaction.active() ? " \u00b7 " + redaction.label() : ""));
            }

            @Override
            protected void cancelled() {
                vm.messageProperty().set(texts.text("report.cancelled"));
            }

            @Override
            protected void failed() {
                vm.messageProperty().set(getException() instanceof CancellationException
                        ? texts.text("report.cancelled") : texts.format("report.failed", getException().getMessage()));
            }
        };
        workers.run(task);
        return task;
    }

    /** " · 17 May 2011 – 19 Nov 2011": the first and last incident's days; months when redacted. */
    private static String dates(List<Incident> incidents, Texts texts, Redaction redaction) {
        LocalDate first = incidents.stream().map(Incident::date).filter(Objects::nonNull).min(LocalDate::compareTo).orElse(null);
        LocalDate last = incidents.stream().map(Incident::date).filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null);
        if (first == null) {
            return "";
        }
        java.util.function.Function<LocalDate, String> words = redaction.datesToMonth()
                ? d -> texts.datePattern("LLLL yyyy").format(d) : texts::date;
        return " \u00b7 " + words.apply(redaction.date(first)) + " \u2013 " + words.apply(redaction.date(last));
    }
}
