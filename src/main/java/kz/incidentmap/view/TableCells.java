package kz.incidentmap.view;

import java.util.stream.Collectors;
import javafx.scene.control.TableCell;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.IncidentColumn;
import kz.incidentmap.model.Incident;

/**
 * A cell of the incident table: the text of its column for the record at its row, read from the
 * table's {@link TablePages}; "…" until that record's page is in. JavaFX thread only.
 */
final class TableCells extends TableCell<Integer, Integer> {

    /** What a cell shows while its record is read. */
    static final String WAITING = "\u2026";

    private final IncidentColumn column;
    private final TablePages pages;
    private final Texts texts;

    TableCells(IncidentColumn column, TablePages pages, Texts texts) {
        this.texts = texts;
        this.column = column;
        this.pages = pages;
    }

    @Override
    protected void updateItem(Integer row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setText(null);
            return;
        }
        Incident i = pages.at(getIndex());
        setText(i == null ? WAITING : text(column, i, texts));
    }

    /** What {@code column} says of {@code i}. */
    static String text(IncidentColumn column, Incident i, Texts texts) {
        return switch (column) {
            case DATE -> IncidentEntry.dateText(i, texts);
            case TITLE -> i.title();
            case TYPE -> texts.typeName(i.type());
            case PLACE -> i.place() == null ? "" : i.place();
            case KILLED -> IncidentEntry.figure(i.killedRange(), texts);
            case WOUNDED -> IncidentEntry.figure(i.woundedRange(), texts);
            // The count first: the column sorts by it.
            case SOURCES -> i.sources().size() + (i.sources().isEmpty() ? "" : ": " + i.sources().stream()
                    .map(s -> s.publisher() == null || s.publisher().isBlank() ? s.title() : s.publisher())
                    .collect(Collectors.joining("; ")));
        };
    }
}
