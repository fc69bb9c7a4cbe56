package kz.incidentmap.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import kz.incidentmap.exchange.ColumnGuess;
import kz.incidentmap.exchange.ColumnMapping;
import kz.incidentmap.exchange.CsvPreview;
import kz.incidentmap.i18n.Texts;

/**
 * Asks which column of a CSV we do not know holds which of our fields: the file's first rows in a table,
 * and beside it a choice of column for each field, filled in with the choices made last time for a file
 * with the same header (see {@link RememberedMappings}) or else with a guess from the column names
 * ({@link ColumnGuess}). Import stays disabled until every required field has a column. The chosen
 * mapping is remembered when the dialog is confirmed. JavaFX thread only.
 */
final class ColumnMappingDialog extends Dialog<ColumnMapping> {

    /** Shown in a field's choice when no column is read into it. */
    static final String NONE = "(none)";

    private final Map<String, ChoiceBox<String>> choices = new LinkedHashMap<>();
    private final Label missing = new Label();
    private final Texts texts;

    ColumnMappingDialog(Window owner, String fileName, CsvPreview preview, RememberedMappings remembered) {
        this(owner, fileName, preview, remembered, Texts.ENGLISH);
    }

    ColumnMappingDialog(Window owner, String fileName, CsvPreview preview, RememberedMappings remembered, Texts texts) {
        this.texts = texts;
        initOwner(owner);
        setTitle(texts.format("exchange.importing", fileName));
        setHeaderText(texts.format("mapping.header", fileName));
        ColumnMapping initial = remembered.forHeader(preview.header()).orElseGet(() -> ColumnGuess.guess(preview.header()));
        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(4);
        int row = 0;
        for (String field : ColumnMapping.fields()) {
            ChoiceBox<String> box = new ChoiceBox<>();
            box.getItems().add(NONE);
            box.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(String column) {
                    return NONE.equals(column) ? texts.text("mapping.none") : column;
                }

                @Override
                public String fromString(String s) {
                    return s;
                }
            });
            box.getItems().addAll(preview.header());
            String column = initial.column(field);
            box.setValue(column != null && preview.header().contains(column) ? column : NONE);
            box.setId("map-" + field);
            box.setAccessibleText(texts.format("mapping.columnFor", field));
            box.valueProperty().addListener((o, a, b) -> updateMissing());
            choices.put(field, box);
            boolean required = ColumnMapping.REQUIRED.contains(field);
            Label name = new Label(field + (required ? " *" : ""));
            name.setLabelFor(box);
            fields.addRow(row++, name, box);
        }
        ScrollPane fieldPane = new ScrollPane(fields);
        fieldPane.setFitToWidth(true);
        fieldPane.setPrefViewportHeight(260);
        missing.setId("mapping-missing");
        missing.setWrapText(true);
        missing.setStyle("-fx-text-fill: #b00020;");
        Label rowsLabel = new Label(texts.text("mapping.firstRows"));
        VBox content = new VBox(8, rowsLabel, previewTable(preview, texts), new Label(texts.text("mapping.fieldColumn")), fieldPane,
                missing);
        content.setPrefWidth(720);
        getDialogPane().setContent(content);
        ButtonType importButton = new ButtonType(texts.text("edit.import"), ButtonType.OK.getButtonData());
        getDialogPane().getButtonTypes().setAll(importButton, ButtonType.CANCEL);
        DialogWords.buttons(getDialogPane(), texts);
        Node ok = getDialogPane().lookupButton(importButton);
        ok.setId("mapping-import");
        ok.disableProperty().bind(missing.textProperty().isNotEmpty());
        updateMissing();
        setResultConverter(b -> {
            if (b != importButton) {
                return null;
            }
            ColumnMapping chosen = mapping();
            remembered.remember(preview.header(), chosen);
            return chosen;
        });
        ((Button) ok).setDefaultButton(true);
    }

    /** The mapping as chosen now. */
    ColumnMapping mapping() {
        Map<String, String> columnOf = new LinkedHashMap<>();
        choices.forEach((field, box) -> {
            if (box.getValue() != null && !box.getValue().equals(NONE)) {
                columnOf.put(field, box.getValue());
            }
        });
        return ColumnMapping.of(columnOf);
    }

    private void updateMissing() {
        List<String> without = mapping().missingFields();
        missing.setText(without.isEmpty() ? "" : texts.format("mapping.missing", String.join(", ", without)));
    }

    private static TableView<List<String>> previewTable(CsvPreview preview, Texts texts) {
        TableView<List<String>> table = new TableView<>();
        table.setId("mapping-preview");
        for (int c = 0; c < preview.header().size(); c++) {
            int index = c;
            TableColumn<List<String>, String> column = new TableColumn<>(preview.header().get(c));
            column.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().get(index)));
            column.setSortable(false);
            table.getColumns().add(column);
        }
        table.getItems().setAll(preview.rows());
        table.setPrefHeight(180);
        table.setPlaceholder(new Label(texts.text("mapping.noRows")));
        return table;
    }
}
