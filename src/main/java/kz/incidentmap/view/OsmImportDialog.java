package kz.incidentmap.view;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.osm.ImportProgress;
import kz.incidentmap.osm.ImportReport;
import kz.incidentmap.osm.OsmImporter;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StreetLayerWriter;
import org.locationtech.jts.geom.Envelope;

/**
 * "Import OpenStreetMap…": asks for an extract (.osm or .osm.pbf) and an optional box, imports it into
 * the store on a worker thread with a progress bar and a Cancel button, and tells the window to reload
 * its street layers when done. A failed or cancelled import stores nothing. JavaFX thread only, except
 * the import task's {@code call}.
 */
final class OsmImportDialog extends Stage {

    private final Workers workers;
    private final IncidentStore store;
    private final Runnable onImported;
    private final TextField file = new TextField();
    private final TextField bbox = new TextField();
    private final ProgressBar progress = new ProgressBar(0);
    private final Texts texts;
    private final Label status;
    private final Button start;
    private final Button cancel;
    private final Button close;
    private final Button useView;
    private Task<ImportReport> running;

    OsmImportDialog(Window owner, Workers workers, IncidentStore store, Runnable onImported) {
        this(owner, workers, store, onImported, Texts.ENGLISH);
    }

    OsmImportDialog(Window owner, Workers workers, IncidentStore store, Runnable onImported, Texts texts) {
        this.texts = texts;
        this.status = new Label(texts.text("osm.choose"));
        this.start = new Button(texts.text("osm.import"));
        this.cancel = new Button(texts.text("button.cancel"));
        this.close = new Button(texts.text("button.close"));
        this.useView = new Button(texts.text("osm.useView"));
        this.workers = workers;
        this.store = store;
        this.onImported = onImported;
        initOwner(owner);
        initModality(Modality.WINDOW_MODAL);
        setTitle(texts.text("osm.title"));
        file.setId("osm-file");
        file.setPrefColumnCount(32);
        bbox.setId("osm-bbox");
        bbox.setPromptText(texts.text("osm.boxPrompt"));
        progress.setId("osm-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        status.setId("osm-status");
        status.setWrapText(true);
        start.setId("osm-start");
        cancel.setId("osm-cancel");
        cancel.setDisable(true);
        Button browse = new Button(texts.text("export.browse"));
        browse.setOnAction(e -> browse());
        start.setOnAction(e -> start());
        cancel.setOnAction(e -> {
            if (running != null) {
                running.cancel();
            }
        });
        close.setOnAction(e -> close());
        setOnCloseRequest(e -> {
            if (running != null) {
                running.cancel();
            }
        });
        Label fileLabel = new Label(texts.text("osm.file"));
        Label boxLabel = new Label(texts.text("osm.onlyBox"));
        for (Region r : new Region[] {fileLabel, boxLabel, browse, start, cancel, close}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, fileLabel, file, browse);
        useView.setId("osm-use-view");
        useView.setTooltip(new Tooltip(texts.text("osm.useViewTip")));
        useView.setDisable(true);
        useView.setMinWidth(Region.USE_PREF_SIZE);
        grid.addRow(1, boxLabel, bbox, useView);
        GridPane.setHgrow(file, Priority.ALWAYS);
        HBox buttons = new HBox(8, start, cancel, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        Label intro = new Label(texts.format("osm.intro", store.file().getFileName()));
        intro.setWrapText(true);
        VBox root = new VBox(10, intro, grid, progress, status, buttons);
        root.setPadding(new Insets(12));
        root.setPrefWidth(640);
        setScene(new Scene(root));
    }

    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("OpenStreetMap", "*.osm", "*.pbf", "*.xml", "*.bz2"));
        Optional.ofNullable(chooser.showOpenDialog(this)).ifPresent(f -> file.setText(f.getPath()));
    }

    /** Checks the form and starts the import. */
    void start() {
        Path path = Path.of(file.getText().trim());
        if (file.getText().isBlank() || !Files.isRegularFile(path)) {
            status.setText(file.getText().isBlank() ? texts.text("osm.noFile") : texts.format("osm.noSuchFile", path));
            return;
        }
        Envelope box;
        try {
            box = parseBox(bbox.getText(), texts);
        } catch (IllegalArgumentException e) {
            status.setText(texts.format("osm.badBox", e.getMessage()));
            return;
        }
        running = importTask(path, box);
        progress.progressProperty().bind(running.progressProperty());
        status.textProperty().bind(running.messageProperty());
        start.setDisable(true);
        cancel.setDisable(false);
        workers.run(running);
    }

    private Task<ImportReport> importTask(Path path, Envelope box) {
        return new ProgressTask<>() {
            @Override
            protected ImportReport call() throws Exception {
                ImportProgress p = new ImportProgress() {
                    @Override
                    public void update(double fraction, String phase) {
                        updateProgress(fraction, 1);
                        updateMessage(phase + "\u2026");
                    }

                    @Override
                    public boolean cancelled() {
                        return isCancelled();
                    }
                };
                try (StreetLayerWriter writer = store.streetWriter(path.getFileName().toString(),
                        OsmImporter.roomNeeded(path))) {
                    ImportReport report = OsmImporter.run(path, box, writer, p);
                    if (!commit()) {
                        throw new CancellationException("cancelled");
                    }
                    updateMessage(texts.text("osm.saving"));
                    writer.commit();
                    return report;
                } catch (StreetLayerWriter.StreetWriteException e) {
                    throw e.getCause();
                }
            }

            @Override
            protected void succeeded() {
                finish(getValue().summary());
                onImported.run();
            }

            @Override
            protected void failed() {
                finish(texts.format("osm.failed", getException().getMessage()));
            }

            @Override
            protected void cancelled() {
                finish(texts.text("osm.cancelled"));
            }
        };
    }

    private void finish(String text) {
        progress.progressProperty().unbind();
        status.textProperty().unbind();
        status.setText(text);
        start.setDisable(false);
        cancel.setDisable(true);
        running = null;
    }

    /** Parses "minLon,minLat,maxLon,maxLat"; blank means no box. */
    static Envelope parseBox(String text) {
        return parseBox(text, Texts.ENGLISH);
    }

    /** The same, saying what is wrong in the language of {@code texts}. */
    static Envelope parseBox(String text, Texts texts) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException(texts.text("osm.fourNumbers"));
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(texts.format("osm.notNumber", parts[i].trim()));
            }
        }
        if (!(Math.abs(v[0]) <= 180 && Math.abs(v[2]) <= 180 && Math.abs(v[1]) <= 90 && Math.abs(v[3]) <= 90)) {
            throw new IllegalArgumentException(texts.text("osm.outOfRange"));
        }
        if (v[0] >= v[2] || v[1] >= v[3]) {
            throw new IllegalArgumentException(texts.text("osm.minMax"));
        }
        return new Envelope(v[0], v[2], v[1], v[3]);
    }

    /**
     * Offers {@code lonLat} (the window's view, in longitude and latitude) as the box: the button fills it
     * in, rounded outwards to 5 decimals (about a metre).
     */
    void offerBox(Envelope lonLat) {
        String text = String.format(java.util.Locale.ROOT, "%.5f,%.5f,%.5f,%.5f",
                Math.floor(Math.max(-180, lonLat.getMinX()) * 1e5) / 1e5, Math.floor(Math.max(-90, lonLat.getMinY()) * 1e5) / 1e5,
                Math.ceil(Math.min(180, lonLat.getMaxX()) * 1e5) / 1e5, Math.ceil(Math.min(90, lonLat.getMaxY()) * 1e5) / 1e5);
        useView.setDisable(false);
        useView.setOnAction(e -> bbox.setText(text));
        useView.setAccessibleHelp(texts.format("osm.fillsIn", text));
    }

    TextField boxField() {
        return bbox;
    }

    TextField fileField() {
        return file;
    }
}
