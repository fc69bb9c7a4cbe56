package kz.incidentmap.view;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Button;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks where and how large to export the current view as a PNG (default: twice the window's size).
 * JavaFX thread only.
 */
final class ExportDialog extends Dialog<ExportDialog.Request> {

    /**
     * What the user asked for.
     *
     * @param file the PNG to write
     * @param width pixels
     * @param height pixels
     * @param title the heading on the image
     */
    record Request(Path file, int width, int height, String title) {
    }

    ExportDialog(Window owner, int defaultWidth, int defaultHeight, String defaultTitle, Path defaultFile) {
        initOwner(owner);
        setTitle("Export map as PNG");
        setHeaderText("Export what is on screen, with title, legend, scale bar, north arrow and attribution.");
        Spinner<Integer> width = new Spinner<>(100, 20_000, defaultWidth, 100);
        Spinner<Integer> height = new Spinner<>(100, 20_000, defaultHeight, 100);
        width.setEditable(true);
        height.setEditable(true);
        width.setId("export-width");
        height.setId("export-height");
        TextField title = new TextField(defaultTitle);
        title.setId("export-title");
        TextField file = new TextField(defaultFile.toString());
        file.setId("export-file");
        file.setPrefColumnCount(28);
        Button browse = new Button("Browse\u2026");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
            chooser.setInitialFileName(Path.of(file.getText()).getFileName().toString());
            Optional.ofNullable(chooser.showSaveDialog(getDialogPane().getScene().getWindow()))
                    .ifPresent(f -> file.setText(f.getPath()));
        });
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Title"), title);
        grid.addRow(1, new Label("Width (px)"), width);
        grid.addRow(2, new Label("Height (px)"), height);
        grid.addRow(3, new Label("File"), file, browse);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> b == ButtonType.OK
                ? new Request(Path.of(file.getText().trim()), width.getValue(), height.getValue(), title.getText())
                : null);
    }
}
