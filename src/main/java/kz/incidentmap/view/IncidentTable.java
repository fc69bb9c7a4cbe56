package kz.incidentmap.view;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.identify.Hit;
import kz.incidentmap.layers.IncidentColumn;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.IncidentRecords;
import kz.incidentmap.layers.IncidentSort;
import kz.incidentmap.model.Incident;
import kz.incidentmap.render.Viewport;
import org.locationtech.jts.geom.Envelope;

/**
 * The incident table under the map: a row for every incident of the map's incident layer, sortable by
 * any column, its records paged in from the store as rows come into sight (see {@link TablePages}).
 * A row selected selects its incident on the map and a marker clicked selects its row; "Only what is
 * on the map" keeps the rows within the view as it moves; Enter opens the selected incident's details.
 * Sorting and reading run on worker threads. JavaFX thread only.
 */
final class IncidentTable extends BorderPane {

    /** What the table is sorted by and over which rows: a newer wish replaces an older one. */
    private record Wanted(IncidentIndex index, IncidentRecords records, IncidentColumn column, boolean descending,
            Envelope box) {
    }

    /** Where the selected rows go to be exported: the records and their row ids. */
    interface Exporter {
        void export(IncidentRecords records, long[] rowIds);
    }

    private final ObjectProperty<IncidentFeatureSource> source = new SimpleObjectProperty<>(this, "source");
    private final Workers workers;
    private final MapViewModel vm;
    private final TableRows rows = new TableRows();
    private final TableView<Integer> table = new TableView<>(rows);
    private final TablePages pages;
    private final CheckBox onMap;
    private final Texts texts;
    private final Label status = new Label();
    private IncidentSort sorter;
    private IncidentRecords sorterRecords;
    private Wanted shown;
    private Wanted running;
    /** True while the table follows the map's selection, so that it does not hand it back. */
    private boolean following;
    /** True while the table hands its selection to the map, so that it does not follow it back. */
    private boolean handing;

    /** @param openDetails shows the details of the map's selection (Enter) */
    IncidentTable(Workers workers, MapViewModel vm, Exporter exporter, Runnable openDetails) {
        this.workers = workers;
        this.vm = vm;
        this.texts = vm.texts();
        this.onMap = new CheckBox(texts.text("table.onMap"));
        this.pages = new TablePages(workers, table::refresh);
        setId("incident-table");
        for (IncidentColumn c : IncidentColumn.values()) {
            table.getColumns().add(column(c));
        }
        table.setId("incident-rows");
        table.setAccessibleText(texts.text("table.name"));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setSortPolicy(t -> {
            resort();
            return true;
        });
        table.setPlaceholder(new Label(texts.text("table.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> handToMap(now.intValue()));
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedIndex() >= 0) {
                if (vm.selectionProperty().get().isEmpty()) {
                    handToMap(table.getSelectionModel().getSelectedIndex()); // the map's selection was let go since
                }
                openDetails.run();
                e.consume();
            }
        });
        Button zoom = new Button(texts.text("table.zoom"));
        zoom.setId("table-zoom");
        zoom.setTooltip(new Tooltip(texts.text("table.zoomTip")));
        zoom.setOnAction(e -> zoomToSelected());
        Button export = new Button(texts.text("table.export"));
        export.setId("table-export");
        export.setTooltip(new Tooltip(texts.text("table.exportTip")));
        export.setOnAction(e -> exportSelected(exporter));
        zoom.disableProperty().bind(table.getSelectionModel().selectedIndexProperty().lessThan(0));
        export.disableProperty().bind(zoom.disableProperty());
        onMap.setId("table-on-map");
        onMap.setTooltip(new Tooltip(texts.text("table.onMapTip")));
        onMap.selectedProperty().addListener((o, was, now) -> resort());
        status.setId("table-status");
        status.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, onMap, zoom, export, spacer, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        setTop(bar);
        setCenter(table);
        setMinHeight(0);
        source.addListener((o, was, now) -> resort());
        vm.viewportProperty().addListener((o, was, now) -> {
            if (onMap.isSelected()) {
                resort();
            }
        });
        vm.selectionProperty().addListener((o, was, hits) -> followMap(hits));
    }

    /** The incident layer's source the table lists (null: none). */
    ObjectProperty<IncidentFeatureSource> sourceProperty() {
        return source;
    }

    TableView<Integer> table() {
        return table;
    }

    CheckBox onMapBox() {
        return onMap;
    }

    Label status() {
        return status;
    }

    TablePages pages() {
        return pages;
    }

    private TableColumn<Integer, Integer> column(IncidentColumn c) {
        TableColumn<Integer, Integer> col = new TableColumn<>(texts.text("column." + c.name().toLowerCase(Locale.ROOT)));
        col.setId("column-" + c.name().toLowerCase(Locale.ROOT));
        col.setUserData(c);
        col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        col.setCellFactory(t -> new TableCells(c, pages, texts));
        col.setPrefWidth(switch (c) {
            case TITLE -> 300;
            case DATE, PLACE -> 110;
            case TYPE -> 130;
            case KILLED, WOUNDED -> 70;
            case SOURCES -> 200;
        });
        // In a narrow window the table scrolls sideways rather than cutting every column to "Ar…".
        col.setMinWidth(switch (c) {
            case TITLE -> 160;
            case DATE, TYPE, SOURCES -> 90;
            case PLACE -> 80;
            case KILLED, WOUNDED -> 66;
        });
        return col;
    }

    /** What the table's sort order, the source and the view ask for now, or null without a source. */
    private Wanted wanted() {
        IncidentFeatureSource s = source.get();
        if (s == null) {
            return null;
        }
        TableColumn<Integer, ?> first = table.getSortOrder().isEmpty() ? null : table.getSortOrder().get(0);
        Viewport vp = vm.viewportProperty().get();
        return new Wanted(s.index(), s.records(), first == null ? null : (IncidentColumn) first.getUserData(),
                first != null && first.getSortType() == TableColumn.SortType.DESCENDING,
                onMap.isSelected() && vp != null ? vp.bounds() : null);
    }

    /**
     * Sorts again when what is wanted changed: on a worker thread, one sort at a time; a wish made while
     * one runs is taken up when it ends (only the latest of them).
     */
    private void resort() {
        Wanted w = wanted();
        if (Objects.equals(w, shown) || running != null) {
            return;
        }
        if (w == null) {
            show(null, new int[0]);
            return;
        }
        if (sorter == null || sorterRecords != w.records()) {
            sorter = new IncidentSort(w.records());
            sorterRecords = w.records();
        }
        IncidentSort by = sorter;
        running = w;
        status.setText(texts.text("table.sorting"));
        workers.run(() -> by.order(w.index(), w.column(), w.descending(), w.box()), order -> {
            running = null;
            show(w, order);
            resort();
        }, e -> {
            running = null;
            shown = w; // not tried again until something changes
            status.setText(texts.format("table.sortFailed", e.getMessage()));
        });
    }

    /** Shows {@code order}, keeping selected the rows that were selected and are still listed. */
    private void show(Wanted w, int[] order) {
        BitSet selected = new BitSet();
        if (shown != null && w != null && shown.index() == w.index()) {
            table.getSelectionModel().getSelectedIndices().forEach(p -> selected.set(rows.row(p)));
        }
        int focused = table.getSelectionModel().getSelectedIndex() >= 0
                ? rows.row(table.getSelectionModel().getSelectedIndex()) : -1;
        shown = w;
        pages.use(w == null ? null : w.index(), w == null ? null : w.records(), order);
        following = true;
        try {
            rows.show(order);
            table.getSelectionModel().clearSelection();
            int lead = -1;
            for (int p = 0; p < order.length && !selected.isEmpty(); p++) {
                if (selected.get(order[p])) {
                    table.getSelectionModel().select(p);
                    lead = order[p] == focused ? p : lead;
                }
            }
            if (lead >= 0) {
                table.getSelectionModel().select(lead);
            }
        } finally {
            following = false;
        }
        status.setText(w == null ? "" : texts.format("status.incidents", order.length));
    }

    /** A row selected by the user: its incident is selected on the map (its record read first if need be). */
    private void handToMap(int position) {
        if (following || position < 0 || shown == null) {
            return;
        }
        IncidentIndex index = shown.index();
        int row = rows.row(position);
        Incident inPage = pages.at(position);
        if (inPage != null) {
            select(index, row, inPage);
        } else {
            IncidentRecords records = shown.records();
            long fid = index.fid(row);
            workers.run(() -> records.inOrder(new long[] {fid})[0], read -> {
                if (read != null && table.getSelectionModel().getSelectedIndex() == position) {
                    select(index, row, read);
                }
            }, e -> vm.messageProperty().set(texts.format("table.readFailed", e.getMessage())));
        }
    }

    private void select(IncidentIndex index, int row, Incident i) {
        handing = true;
        try {
            vm.selectListed(i, index.casualties(row), index.x(row), index.y(row));
        } finally {
            handing = false;
        }
    }

    /** The map's selection changed: one incident clicked selects its row, nothing selected clears the rows'. */
    private void followMap(List<Hit> hits) {
        if (handing || shown == null) {
            return;
        }
        List<Hit> incidents = hits.stream().filter(h -> IncidentLayer.NAME.equals(h.layer()) && !h.isCluster()).toList();
        if (incidents.size() != 1) {
            following = true;
            table.getSelectionModel().clearSelection();
            following = false;
            return;
        }
        Wanted at = shown;
        String id = incidents.get(0).featureId();
        workers.run(() -> {
            long fid = at.records().rowOf(id).orElse(-1);
            return fid < 0 ? OptionalInt.empty() : at.index().rowOf(fid);
        }, row -> {
            if (at != shown) {
                return; // sorted again meanwhile; the rows are no longer where they were
            }
            int p = row.isPresent() ? rows.positionOf(row.getAsInt()) : -1;
            following = true;
            try {
                table.getSelectionModel().clearSelection();
                if (p >= 0) {
                    table.getSelectionModel().select(p);
                    table.scrollTo(Math.max(0, p - 3));
                }
            } finally {
                following = false;
            }
        }, e -> vm.messageProperty().set(texts.format("table.findFailed", e.getMessage())));
    }

    private long[] selectedRowIds() {
        IncidentIndex index = shown.index();
        return table.getSelectionModel().getSelectedIndices().stream().mapToLong(p -> index.fid(rows.row(p))).toArray();
    }

    /** Fits the view to the selected incidents; one alone, or several at one spot, are shown at street scale. */
    private void zoomToSelected() {
        Viewport vp = vm.viewportProperty().get();
        if (shown == null || vp == null) {
            return;
        }
        IncidentIndex index = shown.index();
        Envelope e = new Envelope();
        table.getSelectionModel().getSelectedIndices().forEach(p -> e.expandToInclude(index.x(rows.row(p)), index.y(rows.row(p))));
        if (e.isNull()) {
            return;
        }
        double least = 1_000; // metres: a street's length either side
        e.expandBy(Math.max(0, least - e.getWidth() / 2), Math.max(0, least - e.getHeight() / 2));
        vm.viewportProperty().set(Viewport.fitting(e, vp.width(), vp.height(), 40));
    }

    private void exportSelected(Exporter exporter) {
        if (shown != null && !table.getSelectionModel().getSelectedIndices().isEmpty()) {
            exporter.export(shown.records(), selectedRowIds());
        }
    }
}
