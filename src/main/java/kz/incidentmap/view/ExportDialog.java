package kz.incidentmap.view;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.beans.Observable;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.i18n.UiLanguage;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.layers.MapModel;
import kz.incidentmap.redact.Redaction;
import kz.incidentmap.redact.RedactionProfile;
import kz.incidentmap.redact.RedactionProfiles;
import kz.incidentmap.render.ExportFormat;
import kz.incidentmap.render.ExportRequest;
import kz.incidentmap.render.PageExporter;
import kz.incidentmap.render.PageSize;
import org.locationtech.jts.geom.Envelope;

/**
 * Asks how to export the current view — title, subtitle, format (PNG, SVG, PDF), page size,
 * orientation and margin, PNG resolution, file — and shows a preview of the page drawn by the same layout as the
 * export, rendered on a worker thread. JavaFX thread only.
 */
final class ExportDialog extends Dialog<ExportDialog.Request> {

    /**
     * What the user asked for.
     *
     * @param file where to write
     * @param export the page to write
     */
    record Request(Path file, ExportRequest export, Redaction redaction) {

        Request(Path file, ExportRequest export) {
            this(file, export, Redaction.NONE);
        }
    }

    /** The map a redaction lets the page show: the window's own when nothing is redacted. Off the JavaFX thread. */
    interface Shared {
        MapModel model(Redaction redaction) throws Exception;

        /** The window's map as it is, for a dialog that offers no redaction. */
        static Shared asShown(MapModel model) {
            return r -> model;
        }
    }

    /** Writes a page; tells {@code failed} why not, or {@code done} that it is written (JavaFX thread). */
    interface Writer {
        void write(Request r, Consumer<String> failed, Runnable done);
    }

    private static final int PREVIEW_W = 420;
    private static final int PREVIEW_H = 300;
    private static final Integer[] DPIS = {96, 150, 300};

    private final Shared shared;
    private final Envelope extent;
    private final RedactionChoice redaction;
    private final Gazetteer gazetteer;
    private final PageFilter filter;
    private final Workers workers;
    private final TextField title = new TextField();
    private final TextField subtitle = new TextField();
    private final ChoiceBox<ExportFormat> format = new ChoiceBox<>();
    private final ChoiceBox<PageSize> page = new ChoiceBox<>();
    private final CheckBox portrait;
    private final Texts texts;
    private final ChoiceBox<Integer> dpi = new ChoiceBox<>();
    private final Spinner<Integer> margin = new Spinner<>(0, 40, (int) ExportRequest.DEFAULT_MARGIN_MM);
    private final TextField file = new TextField();
    private final ImageView preview = new ImageView();
    private final Label previewNote = new Label();
    private final PauseTransition settle = new PauseTransition(Duration.millis(250));
    private final Label fileError = new Label();
    private final WindowSettings settings;
    private long previewTicket;

    /**
     * @param settings what the dialog filled in last time (title, subtitle, format, page, margin,
     *        resolution, folder), taken as the defaults and remembered again after a written export
     * @param defaultFile the file offered when none is remembered; its name is offered in the remembered folder
     * @param writer writes the page while the dialog stays open: a failure is shown at the file field
     * @param filter the filter the map shows, as the page prints and outlines it
     */
    ExportDialog(Window owner, MapModel model, Envelope extent, Workers workers, WindowSettings settings,
            Path defaultFile, Writer writer, PageFilter filter) {
        this(owner, model, extent, workers, settings, defaultFile, writer, filter, Texts.ENGLISH);
    }

    /** @param texts the language of the dialog and of the page's own words */
    ExportDialog(Window owner, MapModel model, Envelope extent, Workers workers, WindowSettings settings,
            Path defaultFile, Writer writer, PageFilter filter, Texts texts) {
        this(owner, Shared.asShown(model), null, RedactionProfiles.ofUser(), extent, workers, settings, defaultFile,
                writer, filter, texts);
    }

    /**
     * @param shared the map each redaction lets the page show
     * @param gazetteer the cities a {@code city} profile snaps to
     * @param profiles the profiles offered under "Redaction"
     */
    ExportDialog(Window owner, Shared shared, Gazetteer gazetteer, RedactionProfiles profiles, Envelope extent,
            Workers workers, WindowSettings settings, Path defaultFile, Writer writer, PageFilter filter, Texts texts) {
        this.texts = texts;
        this.portrait = new CheckBox(texts.text("export.portrait"));
        this.shared = shared;
        this.gazetteer = gazetteer;
        this.redaction = new RedactionChoice(texts, profiles, gazetteer != null);
        this.extent = extent;
        this.filter = filter;
        this.workers = workers;
        this.settings = settings;
        initOwner(owner);
        setTitle(texts.text("export.title"));
        setHeaderText(texts.text("export.header"));
        title.setText(title(settings, texts));
        title.setId("export-title");
        subtitle.setText(settings.get("export.subtitle").orElse(""));
        subtitle.setId("export-subtitle");
        format.getItems().setAll(ExportFormat.values());
        ExportFormat f0 = settings.get("export.format").flatMap(ExportDialog::format)
                .orElse(ExportFormat.ofFile(defaultFile).orElse(ExportFormat.PNG));
        format.setValue(f0);
        format.setId("export-format");
        page.getItems().setAll(PageSize.values());
        page.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PageSize p) {
                return p == null ? "" : texts.text("export.size." + p.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public PageSize fromString(String s) {
                return null;
            }
        });
        page.setValue(settings.get("export.page").flatMap(ExportDialog::page).orElse(PageSize.A4));
        page.setId("export-page");
        portrait.setSelected(settings.get("export.portrait").map(Boolean::parseBoolean).orElse(false));
        portrait.setId("export-portrait");
        dpi.getItems().setAll(DPIS);
        dpi.setValue(settings.number("export.dpi").map(Double::intValue).filter(d -> List.of(DPIS).contains(d))
                .orElse(150));
        dpi.setDisable(f0 != ExportFormat.PNG);
        dpi.setId("export-dpi");
        margin.getValueFactory().setValue(settings.number("export.margin").map(Double::intValue)
                .filter(m -> m >= 0 && m <= 40).orElse((int) ExportRequest.DEFAULT_MARGIN_MM));
        margin.setId("export-margin");
        margin.setPrefWidth(80);
        Path folder = settings.get("export.folder").map(Path::of).filter(Files::isDirectory)
                .orElse(defaultFile.toAbsolutePath().getParent());
        file.setText(f0.withExtension(folder.resolve(defaultFile.getFileName())).toString());
        file.setId("export-file");
        file.textProperty().addListener((o, a, b) -> fileError.setText(""));
        fileError.setId("export-file-error");
        fileError.setStyle("-fx-text-fill: #b00020;");
        fileError.setWrapText(true);
        fileError.setMaxWidth(360);
        fileError.setAccessibleText(texts.text("export.fileErrorName"));
        for (var c : new javafx.scene.control.Control[] {title, subtitle, format, page, margin, dpi, file}) {
            c.setAccessibleText(texts.text("export.field." + c.getId().substring("export-".length())));
        }
        file.setPrefColumnCount(28);
        format.valueProperty().addListener((o, a, f) -> {
            dpi.setDisable(f != ExportFormat.PNG);
            file.setText(f.withExtension(Path.of(file.getText().trim())).toString());
        });
        Button browse = new Button(texts.text("export.browse"));
        browse.setOnAction(e -> browse());
        preview.setId("export-preview");
        preview.setPreserveRatio(true);
        preview.setFitWidth(PREVIEW_W);
        preview.setFitHeight(PREVIEW_H);
        // A fixed box, so the dialog has its final size before the first preview arrives.
        StackPane previewBox = new StackPane(preview);
        previewBox.setMinSize(PREVIEW_W, PREVIEW_H);
        previewBox.setPrefSize(PREVIEW_W, PREVIEW_H);
        previewBox.setStyle("-fx-background-color: #e8e8e8;");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(texts.text("export.titleLabel")), title);
        grid.addRow(1, new Label(texts.text("export.subtitle")), subtitle);
        grid.addRow(2, new Label(texts.text("export.format")), format);
        grid.addRow(3, new Label(texts.text("export.page")), new HBox(8, page, portrait));
        grid.addRow(4, new Label(texts.text("export.margin")), margin);
        grid.addRow(5, new Label(texts.text("export.dpi")), dpi);
        grid.addRow(6, new Label(texts.text("export.file")), new HBox(6, file, browse));
        grid.add(fileError, 1, 7);
        grid.addRow(8, new Label(texts.text("redaction.label")), redaction.choice());
        grid.add(redaction.details(), 1, 9);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(labels);
        VBox previewPane = new VBox(4, previewBox, previewNote);
        HBox content = new HBox(16, grid, previewPane);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        DialogWords.buttons(getDialogPane(), texts);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("export-ok");
        // OK writes while the dialog stays open: a page that cannot be written leaves the user's entries as they are.
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            Request r = new Request(Path.of(file.getText().trim()), request(), chosenRedaction());
            ok.setDisable(true);
            fileError.setText("");
            previewNote.setText(texts.format("export.writing", r.file().getFileName()));
            writer.write(r, problem -> {
                ok.setDisable(false);
                previewNote.setText("");
                fileError.setText(texts.format("export.notWritten", problem));
                file.requestFocus();
            }, () -> {
                remember(r);
                setResult(r);
                close();
            });
        });
        settle.setOnFinished(e -> renderPreview());
        for (Observable o : new Observable[] {title.textProperty(), subtitle.textProperty(),
                page.valueProperty(), portrait.selectedProperty(), margin.valueProperty(),
                redaction.choice().valueProperty()}) {
            o.addListener(x -> settle.playFromStart());
        }
        renderPreview();
        setResultConverter(b -> null); // the result is set when the page is written
    }

    private void remember(Request r) {
        settings.put("export.title", title.getText());
        settings.put("export.subtitle", subtitle.getText());
        settings.put("export.format", format.getValue().name());
        settings.put("export.page", page.getValue().name());
        settings.put("export.portrait", Boolean.toString(portrait.isSelected()));
        settings.put("export.dpi", dpi.getValue());
        settings.put("export.margin", margin.getValue());
        Path dir = r.file().toAbsolutePath().getParent();
        settings.put("export.folder", dir == null ? null : dir.toString());
        settings.save();
    }

    /**
     * The title filled in last time, unless it was the default of some language: the default then
     * follows the window's language.
     */
    private static String title(WindowSettings settings, Texts texts) {
        String mine = texts.format("page.title", texts.text("page.kazakhstan"));
        return settings.get("export.title").filter(t -> Arrays.stream(UiLanguage.values()).map(Texts::of)
                .noneMatch(l -> t.equals(l.format("page.title", l.text("page.kazakhstan"))))).orElse(mine);
    }

    private static Optional<ExportFormat> format(String name) {
        try {
            return Optional.of(ExportFormat.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<PageSize> page(String name) {
        try {
            return Optional.of(PageSize.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The message under the file field: why the last try could not write the page. */
    Label fileError() {
        return fileError;
    }

    /** The export the controls describe now, with the map's filter, stamped with the current time. */
    ExportRequest request() {
        Redaction r = chosenRedaction();
        if (!r.active()) {
            return new ExportRequest(format.getValue(), page.getValue(), portrait.isSelected(), dpi.getValue(),
                    margin.getValue(), title.getText(), subtitle.getText(), extent,
                    ZonedDateTime.now(ZoneOffset.UTC).withSecond(0).withNano(0)).withFilter(filter.line(), filter.area())
                    .withTexts(texts);
        }
        // Redacted: the words lose their days and coordinates, the area is not outlined, and the view is
        // moved and widened so that it does not point at a place (see RedactedArea).
        return new ExportRequest(format.getValue(), page.getValue(), portrait.isSelected(), dpi.getValue(),
                margin.getValue(), r.text(title.getText()), r.text(subtitle.getText()), RedactedArea.of(extent, r),
                ZonedDateTime.now(ZoneOffset.UTC).withSecond(0).withNano(0)).withFilter(r.text(filter.line()), null)
                .withTexts(texts).withRedaction(r.label());
    }

    /** The redaction chosen; none when a city profile has no cities to snap to. */
    private Redaction chosenRedaction() {
        if (redaction.choice().getValue() != null
                && redaction.choice().getValue().position() == RedactionProfile.Position.CITY && gazetteer == null) {
            return Redaction.NONE;
        }
        return redaction.chosen(gazetteer);
    }

    /**
     * The filter a page shows: in words under the subtitle ("Explosion · 2 of 16 incidents"; empty for
     * none) and its area outlined on the map (longitude/latitude; null for none).
     */
    record PageFilter(String line, org.locationtech.jts.geom.Geometry area) {

        static final PageFilter NONE = new PageFilter("", null);
    }

    private void browse() {
        ExportFormat f = format.getValue();
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.description(), "*." + f.extension()));
        chooser.setInitialFileName(Path.of(file.getText()).getFileName().toString());
        Optional.ofNullable(chooser.showSaveDialog(getDialogPane().getScene().getWindow()))
                .ifPresent(chosen -> file.setText(f.withExtension(chosen.toPath()).toString()));
    }

    /** Draws the preview on a worker thread; only the newest one is shown. */
    private void renderPreview() {
        ExportRequest r = request();
        Redaction chosen = chosenRedaction();
        long ticket = ++previewTicket;
        previewNote.setText(texts.text("export.drawing"));
        workers.run(() -> new PageExporter().preview(shared.model(chosen), r, PREVIEW_W, PREVIEW_H), image -> {
            if (ticket == previewTicket) {
                preview.setImage(AwtImages.toFx(image));
                previewNote.setText(texts.format(r.portrait() ? "export.portraitPage" : "export.landscapePage", r.page().label()));
            }
        }, e -> previewNote.setText(texts.format("export.noPreview", e.getMessage())));
    }
}
