package kz.incidentmap.view;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.redact.RedactionProfiles;
import kz.incidentmap.render.EventRoute;
import kz.incidentmap.render.PageExporter;
import kz.incidentmap.render.RenderContext;
import kz.incidentmap.render.Viewport;

/**
 * Export… in the window: opens the {@link ExportDialog} on the current view and writes the page it asks
 * for on a worker thread. JavaFX thread only, but for the writing.
 */
final class ExportActions {

    private final MapViewModel vm;
    private final Workers workers;
    private final WindowSettings settings;
    private final Supplier<Window> owner;
    private final RenderContext rendering;
    private final Supplier<EventRoute> route;

    /** @param rendering the window's rendering context, which the written pages draw with */
    ExportActions(MapViewModel vm, Workers workers, WindowSettings settings, Supplier<Window> owner,
            RenderContext rendering) {
        this(vm, workers, settings, owner, rendering, () -> null);
    }

    /** @param route the event being played, which a page draws over its map as the window does; null for none */
    ExportActions(MapViewModel vm, Workers workers, WindowSettings settings, Supplier<Window> owner,
            RenderContext rendering, Supplier<EventRoute> route) {
        this.route = route;
        this.vm = vm;
        this.rendering = rendering;
        this.workers = workers;
        this.settings = settings;
        this.owner = owner;
    }

    void open() {
        Viewport vp = vm.viewportProperty().get();
        LoadedMap map = vm.mapProperty().get();
        if (vp == null || map == null) {
            return;
        }
        Path suggested = Path.of(System.getProperty("user.home"), "kazakhstan-incidents-" + LocalDate.now() + ".png");
        dialog(map, vp, suggested).show();
    }

    /** The dialog for the current view; OK writes through {@link #write}. */
    ExportDialog dialog(LoadedMap map, Viewport vp, Path suggested) {
        IncidentFilter f = vm.filter();
        IncidentFeatureSource all = vm.latestIncidents();
        ExportDialog.PageFilter shown = f.isEmpty() || all == null ? ExportDialog.PageFilter.NONE
                : new ExportDialog.PageFilter(f.describe(vm.incidentCount(), all.index().size(), vm.texts()),
                        f.area() == null ? null : f.area().outline(72));
        RedactedMaps shared = new RedactedMaps(map.model(), all, f, vm.texts().text("redaction.stillLoading"));
        return new ExportDialog(owner.get(), shared, map.gazetteer(), RedactionProfiles.ofUser(), vp.bounds(),
                workers, settings, suggested, (r, failed, done) -> write(r, shared, failed, done), shown, vm.texts());
    }

    /** The reason {@code file} cannot be written, if there is one that can be told before trying. */
    static Optional<String> unwritable(Path file, Texts texts) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return Optional.of(texts.format("export.noFolder", dir));
        }
        if (!Files.isWritable(dir)) {
            return Optional.of(texts.format("export.folderReadOnly", dir));
        }
        if (Files.isDirectory(file)) {
            return Optional.of(texts.format("export.isFolder", file));
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            return Optional.of(texts.format("export.readOnly", file));
        }
        return Optional.empty();
    }

    /**
     * Writes the requested page on a worker thread; the status bar says how it went, and {@code failed}
     * gets the reason when it could not be written (on the JavaFX thread).
     */
    void write(ExportDialog.Request r, Consumer<String> failed, Runnable done) {
        write(r, ExportDialog.Shared.asShown(vm.mapProperty().get().model()), failed, done);
    }

    /** As {@link #write(ExportDialog.Request, Consumer, Runnable)}, drawing the map {@code shared} gives for the request's redaction. */
    void write(ExportDialog.Request r, ExportDialog.Shared shared, Consumer<String> failed, Runnable done) {
        Optional<String> problem = unwritable(r.file(), vm.texts());
        if (problem.isPresent()) {
            vm.messageProperty().set(vm.texts().format("export.cannot", problem.get()));
            failed.accept(problem.get());
            return;
        }
        vm.messageProperty().set(vm.texts().text("export.exporting"));
        // A redacted page draws no route: its circles would stand on the stops' own positions.
        EventRoute drawn = r.export().redacted() ? null : route.get();
        workers.run(() -> {
            new PageExporter(rendering, drawn).write(shared.model(r.redaction()), r.export(), r.file());
            return r.file();
        }, file -> {
            vm.messageProperty().set(vm.texts().format("export.exported", file));
            done.run();
        }, e -> {
            vm.messageProperty().set(vm.texts().format("export.failed", e.getMessage()));
            failed.accept(String.valueOf(e.getMessage()));
        });
    }
}
