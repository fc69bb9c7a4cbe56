package kz.incidentmap.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.identify.Hit;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.model.Incident;

/**
 * The side pane that shows what a click hit: every incident under the pointer (see
 * {@link IncidentEntry}), then the other features. One entry is open at a time, as in an accordion:
 * the incident the user has open is the one the toolbar's Edit… and Delete… act on, and it stays open
 * when the details are shown again after an edit. Empty when nothing is selected. JavaFX thread only.
 */
final class DetailsPane extends ScrollPane {

    private final VBox content = new VBox(8);
    private final Runnable more;
    private final Texts texts;
    private final IncidentEntry.Actions actions;
    private final Consumer<Incident> opened;
    private final List<TitledPane> entries = new ArrayList<>();
    /** The id of the incident whose entry is open, or null. */
    private String openId;

    /**
     * @param more asks for the next page of a cluster's list
     * @param actions what an incident's buttons and links do
     * @param opened told the incident whose entry the user opened, or null when none is open
     */
    DetailsPane(Runnable more, IncidentEntry.Actions actions, Consumer<Incident> opened, Texts texts) {
        this.texts = texts;
        this.more = more;
        this.actions = actions;
        this.opened = opened;
        getStyleClass().add("details-pane");
        setId("details");
        setAccessibleText(texts.text("details.name"));
        setFocusTraversable(true);
        content.setPadding(new Insets(10));
        setContent(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setMinWidth(0);
        setPrefWidth(380);
        show(List.of(), 0, false);
    }

    /**
     * Shows the hits of a click. The entry of the incident that was open stays open if it is still
     * listed; otherwise the first entry opens.
     *
     * @param total how many incidents they stand for (a cluster's count, when only its first pages are read)
     * @param hasMore whether a "more" button pages in the rest of a cluster's list
     */
    void show(List<Hit> hits, int total, boolean hasMore) {
        content.getChildren().clear();
        entries.clear();
        if (hits.isEmpty()) {
            Label hint = new Label(texts.text("details.hint"));
            hint.setWrapText(true);
            hint.setId("details-hint");
            content.getChildren().add(hint);
            open(null);
            return;
        }
        List<Hit> incidentHits = hits.stream().filter(h -> IncidentLayer.NAME.equals(h.layer())).toList();
        if (incidentHits.size() > 1 || total > incidentHits.size()) {
            Label count = new Label(total > incidentHits.size()
                    ? texts.format("details.clusterCount", total, incidentHits.size())
                    : texts.format("details.spotCount", incidentHits.size()));
            count.setId("details-count");
            count.setStyle("-fx-font-weight: bold;");
            content.getChildren().add(count);
        }
        TitledPane toOpen = null;
        Incident toOpenIncident = null;
        for (Hit h : hits) {
            // An incident's hit carries its record; a cluster's or another layer's carries none by its id.
            Optional<Incident> inc = h.records().stream().filter(i -> i.id().equals(h.featureId())).findFirst();
            TitledPane pane = inc.map(i -> IncidentEntry.of(i, actions, texts)).orElseGet(() -> featurePane(h));
            pane.setExpanded(false);
            pane.setMinWidth(0);
            pane.setPrefWidth(0);
            pane.setMaxWidth(Double.MAX_VALUE);
            pane.setUserData(inc.orElse(null));
            if (toOpen == null || inc.isPresent() && inc.get().id().equals(openId)) {
                toOpen = pane;
                toOpenIncident = inc.orElse(null);
            }
            entries.add(pane);
            content.getChildren().add(pane);
        }
        for (TitledPane pane : entries) {
            pane.expandedProperty().addListener((o, was, now) -> expanded(pane, now));
        }
        toOpen.setExpanded(true);
        if (toOpenIncident == null) {
            open(null);
        }
        if (hasMore) {
            Button next = new Button(texts.format("details.more", Math.min(MapViewModel.PAGE, total - incidentHits.size())));
            next.setId("details-more");
            next.setOnAction(e -> {
                next.setDisable(true);
                more.run();
            });
            content.getChildren().add(next);
        }
    }

    /** One entry open at a time: opening one folds the others. */
    private void expanded(TitledPane pane, boolean now) {
        if (now) {
            for (TitledPane other : entries) {
                if (other != pane) {
                    other.setExpanded(false);
                }
            }
            open(pane.getUserData() instanceof Incident i ? i : null);
        } else if (entries.stream().noneMatch(TitledPane::isExpanded)) {
            open(null);
        }
    }

    private void open(Incident i) {
        openId = i == null ? null : i.id();
        opened.accept(i);
    }

    private TitledPane featurePane(Hit h) {
        VBox box = new VBox(2);
        h.attributes().forEach((k, v) -> {
            if (v != null) {
                // A field the bundles name is named in the window's language; another keeps its own name.
                String field = texts.has("attribute." + k) ? texts.text("attribute." + k) : k;
                // A population is a number people read; an id or a code is not grouped.
                String value = "population".equals(k) && (v instanceof Long || v instanceof Integer)
                        ? texts.number(((Number) v).longValue()) : String.valueOf(v);
                box.getChildren().add(IncidentEntry.text(texts.format("details.attribute", field, value), null));
            }
        });
        Object name = h.attributes().get("name");
        String layer = texts.has("layer." + h.layer()) ? texts.text("layer." + h.layer()) : h.layerTitle();
        TitledPane pane = new TitledPane(layer + (name == null ? "" : ": " + name), box);
        IncidentEntry.wrapTitle(pane);
        return pane;
    }
}
