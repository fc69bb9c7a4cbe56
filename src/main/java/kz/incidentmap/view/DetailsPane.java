package kz.incidentmap.view;

import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import kz.incidentmap.identify.Hit;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;

/**
 * The side pane that shows what a click hit: every incident under the pointer in full (sources and
 * each source's figures included), then the other features. Empty when nothing is selected.
 * JavaFX thread only.
 */
final class DetailsPane extends ScrollPane {

    private final VBox content = new VBox(8);
    private final Runnable more;

    /**
     * @param more asks for the next page of a cluster's list
     */
    DetailsPane(Runnable more) {
        this.more = more;
        getStyleClass().add("details-pane");
        setId("details");
        content.setPadding(new Insets(10));
        content.setPrefWidth(360);
        setContent(content);
        setFitToWidth(true);
        setPrefWidth(380);
        show(List.of(), 0, false);
    }

    /**
     * Shows the hits of a click.
     *
     * @param total how many incidents they stand for (a cluster's count, when only its first pages are read)
     * @param hasMore whether a "more" button pages in the rest of a cluster's list
     */
    void show(List<Hit> hits, int total, boolean hasMore) {
        content.getChildren().clear();
        if (hits.isEmpty()) {
            Label hint = new Label("Click a marker to read the incident.\nSearch a city to zoom to it.");
            hint.setWrapText(true);
            hint.setId("details-hint");
            content.getChildren().add(hint);
            return;
        }
        List<Hit> incidentHits = hits.stream().filter(h -> IncidentLayer.NAME.equals(h.layer())).toList();
        if (incidentHits.size() > 1 || total > incidentHits.size()) {
            Label count = new Label(total > incidentHits.size()
                    ? String.format(Locale.ROOT, "%,d incidents here · the %d nearest the click", total, incidentHits.size())
                    : incidentHits.size() + " incidents at this spot");
            count.setId("details-count");
            count.setStyle("-fx-font-weight: bold;");
            content.getChildren().add(count);
        }
        boolean first = true;
        for (Hit h : hits) {
            // An incident's hit carries its record; a cluster's or another layer's carries none by its id.
            Optional<Incident> inc = h.records().stream().filter(i -> i.id().equals(h.featureId())).findFirst();
            TitledPane pane = inc.map(this::incidentPane).orElseGet(() -> featurePane(h));
            pane.setExpanded(first);
            // A long title is cut short with "…" instead of widening the pane past its scroll viewport.
            pane.setMinWidth(0);
            pane.setPrefWidth(0);
            pane.setMaxWidth(Double.MAX_VALUE);
            first = false;
            content.getChildren().add(pane);
        }
        if (hasMore) {
            Button next = new Button(String.format(Locale.ROOT, "Show %d more",
                    Math.min(MapViewModel.PAGE, total - incidentHits.size())));
            next.setId("details-more");
            next.setOnAction(e -> {
                next.setDisable(true);
                more.run();
            });
            content.getChildren().add(next);
        }
    }

    private TitledPane incidentPane(Incident i) {
        VBox box = new VBox(4);
        // A type's default sub-type often has the type's own name: say it once.
        String kind = i.subType() == null || i.subType().label().equalsIgnoreCase(i.type().label()) ? i.type().label()
                : i.type().label() + " \u2014 " + i.subType().label();
        box.getChildren().add(text(kind + " \u00b7 " + dateText(i) + (i.time() == null ? "" : " " + i.time()),
                "-fx-text-fill: #555;"));
        box.getChildren().add(text(i.place() + (i.oblast() == null ? "" : ", " + i.oblast()), null));
        box.getChildren().add(text(String.format(Locale.ROOT, "%.5f N, %.5f E (%s)", i.lat(), i.lon(),
                i.locationPrecision() == null ? "precision unknown" : i.locationPrecision().code() + " precision"),
                "-fx-text-fill: #555;"));
        Label figures = text("Killed: " + i.killedRange() + "    Wounded: " + i.woundedRange(), "-fx-font-weight: bold;");
        figures.getStyleClass().add("incident-figures");
        box.getChildren().add(figures);
        if (i.perpetrator() != null) {
            box.getChildren().add(text("Perpetrator: " + i.perpetrator(), null));
        }
        if (i.claimedBy() != null) {
            box.getChildren().add(text("Claimed by: " + i.claimedBy(), null));
        }
        if (i.description() != null) {
            box.getChildren().add(text(i.description(), null));
        }
        if (!i.tags().isEmpty()) {
            box.getChildren().add(text("Tags: " + String.join(", ", i.tags()), "-fx-text-fill: #555;"));
        }
        Map<String, Source> byKey = new HashMap<>();
        i.sources().forEach(s -> byKey.put(s.key(), s));
        box.getChildren().add(text("Sources", "-fx-font-weight: bold; -fx-padding: 6 0 0 0;"));
        for (Source s : i.sources()) {
            box.getChildren().add(text("\u2022 " + s.title() + " \u2014 " + s.publisher()
                    + (s.published() == null ? "" : ", " + s.published())
                    + (s.url() == null ? "" : "\n  " + s.url()), null));
        }
        // Which source says what: folded away under the figures' range until asked for.
        VBox says = new VBox(2);
        for (Claim c : i.claims()) {
            Source s = byKey.get(c.sourceKey());
            String who = s == null ? c.sourceKey() : s.publisher();
            StringBuilder sb = new StringBuilder("  " + who + " says:");
            if (c.killed() != null) {
                sb.append(" ").append(c.killed()).append(" killed;");
            }
            if (c.wounded() != null) {
                sb.append(" ").append(c.wounded()).append(" wounded;");
            }
            if (c.date() != null) {
                sb.append(" date ").append(c.date()).append(";");
            }
            if (c.note() != null) {
                sb.append(" ").append(c.note());
            }
            says.getChildren().add(text(sb.toString(), "-fx-text-fill: #333; -fx-font-size: 11px;"));
        }
        if (!says.getChildren().isEmpty()) {
            TitledPane who = new TitledPane("Which source says what (" + i.claims().size() + ")", says);
            who.getStyleClass().add("source-claims");
            who.setExpanded(false);
            box.getChildren().add(who);
        }
        if (i.created() != null && i.updated() != null) {
            box.getChildren().add(text("Recorded " + i.created().toString().substring(0, 10) + ", last changed "
                    + i.updated().toString().substring(0, 10), "-fx-text-fill: #777; -fx-font-size: 10px;"));
        }
        TitledPane pane = new TitledPane(i.title(), box);
        pane.getStyleClass().add("incident-details");
        return pane;
    }

    private TitledPane featurePane(Hit h) {
        VBox box = new VBox(2);
        h.attributes().forEach((k, v) -> {
            if (v != null) {
                box.getChildren().add(text(k + ": " + v, null));
            }
        });
        Object name = h.attributes().get("name");
        return new TitledPane(h.layerTitle() + (name == null ? "" : ": " + name), box);
    }

    private static String dateText(Incident i) {
        if (i.date() == null) {
            return "date unknown";
        }
        return switch (i.datePrecision() == null ? DatePrecision.DAY : i.datePrecision()) {
            case DAY -> i.date().toString();
            case MONTH -> i.date().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + i.date().getYear();
            case YEAR -> Integer.toString(i.date().getYear());
            case APPROXIMATE -> "about " + i.date();
        };
    }

    private static Label text(String s, String style) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setMaxWidth(330);
        if (style != null) {
            l.setStyle(style);
        }
        return l;
    }
}
