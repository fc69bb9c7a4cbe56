package kz.incidentmap.view;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import kz.incidentmap.exchange.SourceCopyFiles;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.Source;
import kz.incidentmap.model.SourceCopy;
import kz.incidentmap.store.IncidentStore;

/**
 * The local copies of a source in the details pane: listed with their date and SHA-256 (read on a
 * worker), opened offline (plain text in a dialog, anything else written to a temporary file for the
 * system's viewer), and added with "Keep a copy…" (a file) or "Paste text…". Every read and write runs
 * on a worker thread; its outcome, or what went wrong, comes back on the JavaFX thread.
 */
final class SourceCopyActions {

    private static final DateTimeFormatter SAVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final Workers workers;
    private final Supplier<Optional<IncidentStore>> store;
    private final Supplier<Window> owner;
    private final Consumer<String> message;
    private final SystemViewer viewer;
    private final Texts texts;

    SourceCopyActions(Workers workers, Supplier<Optional<IncidentStore>> store, Supplier<Window> owner,
            Consumer<String> message, Texts texts) {
        this.texts = texts;
        this.workers = workers;
        this.store = store;
        this.owner = owner;
        this.message = message;
        this.viewer = new SystemViewer(workers, message, texts);
    }

    /** A box for the source's copies, filled when they are read, with the buttons to keep another. */
    VBox box(Source s, ObservableBooleanValue readOnly) {
        VBox box = new VBox(2);
        box.getStyleClass().add("source-copies");
        box.setStyle("-fx-padding: 0 0 0 10;");
        fill(s, box, readOnly);
        return box;
    }

    private void fill(Source s, VBox box, ObservableBooleanValue readOnly) {
        Optional<IncidentStore> st = store.get();
        if (st.isEmpty()) {
            return;
        }
        workers.run(() -> st.get().copies(s.key()), copies -> show(s, box, copies, readOnly),
                e -> box.getChildren().setAll(IncidentEntry.text(texts.format("copy.readFailed", e.getMessage()),
                        "-fx-text-fill: #b00020; -fx-font-size: 11px;")));
    }

    private void show(Source s, VBox box, List<SourceCopy> copies, ObservableBooleanValue readOnly) {
        box.getChildren().clear();
        for (SourceCopy c : copies) {
            Hyperlink open = new Hyperlink(texts.format("copy.kept", c.fileName()));
            open.getStyleClass().add("copy-open");
            open.setTooltip(new Tooltip(texts.format("copy.openTip", c.mediaType())));
            open.setOnAction(e -> open(c));
            box.getChildren().add(open);
            Label about = IncidentEntry.text(texts.format("copy.about", c.size(),
                    c.savedAt() == null ? texts.text("copy.unknownTime") : SAVED.format(c.savedAt()), c.sha256()),
                    "-fx-text-fill: #777; -fx-font-size: 10px;");
            about.getStyleClass().add("copy-about");
            box.getChildren().add(about);
        }
        Button keep = new Button(texts.text("copy.keep"));
        keep.getStyleClass().add("copy-keep");
        keep.setTooltip(new Tooltip(texts.text("copy.keepTip")));
        keep.setOnAction(e -> chooseFile(s, box, readOnly));
        Button paste = new Button(texts.text("copy.paste"));
        paste.getStyleClass().add("copy-paste");
        paste.setTooltip(new Tooltip(texts.text("copy.pasteTip")));
        paste.setOnAction(e -> pasteText(s).ifPresent(text -> keep(s, box, readOnly,
                () -> SourceCopyFiles.keepText(store.get().orElseThrow(), s.key(), text))));
        for (Button b : new Button[] {keep, paste}) {
            b.disableProperty().bind(readOnly);
            b.setStyle("-fx-font-size: 10px; -fx-padding: 1 6 1 6;");
        }
        box.getChildren().add(new HBox(6, keep, paste));
    }

    private void chooseFile(Source s, VBox box, ObservableBooleanValue readOnly) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.format("copy.keepTitle", SourceText.line(s, texts)));
        File f = chooser.showOpenDialog(owner.get());
        if (f != null) {
            keepFile(s, box, readOnly, f.toPath());
        }
    }

    /** Keeps {@code file} for the source on a worker, then lists the copies again. */
    void keepFile(Source s, VBox box, ObservableBooleanValue readOnly, Path file) {
        keep(s, box, readOnly, () -> SourceCopyFiles.keep(store.get().orElseThrow(), s.key(), file));
    }

    private interface Keeping {
        SourceCopy keep() throws Exception;
    }

    private void keep(Source s, VBox box, ObservableBooleanValue readOnly, Keeping work) {
        workers.run(work::keep, kept -> {
            message.accept(texts.format("copy.keptMessage", kept.fileName(), SourceText.line(s, texts), kept.sha256()));
            fill(s, box, readOnly);
        }, e -> message.accept(texts.format("copy.nothingKept", e.getMessage())));
    }

    /** Asks for text to keep; empty when cancelled or blank. */
    private Optional<String> pasteText(Source s) {
        Dialog<String> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle(texts.text("copy.pasteTitle"));
        d.setHeaderText(texts.format("copy.pasteHeader", SourceText.line(s, texts)));
        TextArea area = new TextArea();
        area.setId("copy-paste-text");
        area.setWrapText(true);
        area.setPrefSize(520, 300);
        d.getDialogPane().setContent(area);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? area.getText() : null);
        d.setOnShown(e -> area.requestFocus());
        return d.showAndWait().filter(t -> !t.isBlank());
    }

    /**
     * Reads the copy on a worker, checked against its SHA-256; plain text is shown in a dialog, anything
     * else written to a temporary file and opened with the system's viewer. A damaged copy is said so.
     */
    void open(SourceCopy c) {
        Optional<IncidentStore> st = store.get();
        if (st.isEmpty()) {
            return;
        }
        if (SourceCopyFiles.isText(c)) {
            workers.run(() -> new String(st.get().copyBytes(c), StandardCharsets.UTF_8), text -> showText(c, text),
                    e -> message.accept(e.getMessage()));
        } else {
            workers.run(() -> SourceCopyFiles.toTemporaryFile(st.get(), c), viewer::open,
                    e -> message.accept(e.getMessage()));
        }
    }

    private void showText(SourceCopy c, String text) {
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle(texts.format("copy.textTitle", c.fileName(), c.sourceKey()));
        TextArea area = new TextArea(text);
        area.setId("copy-text");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefSize(560, 360);
        Label sum = new Label(texts.format("copy.checked", c.sha256()));
        sum.setStyle("-fx-text-fill: #777; -fx-font-size: 10px;");
        d.getDialogPane().setContent(new VBox(6, area, sum));
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.show();
    }
}
