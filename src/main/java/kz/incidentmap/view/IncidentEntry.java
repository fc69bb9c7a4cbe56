package kz.incidentmap.view;

import java.net.URI;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.geo.MyPlaceDistances;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.MyPlace;
import kz.incidentmap.model.Reliability;
import kz.incidentmap.model.Source;

/**
 * One incident in the details pane: a fold whose header is the title (wrapped, never cut), and in it
 * the title again in full, Edit… and Delete… for this very incident, what happened, the sources
 * (their addresses as links) and, folded away, which source says what. JavaFX thread only.
 */
final class IncidentEntry {

    /**
     * What the entry's buttons and links do.
     *
     * @param edit opens the form for the incident
     * @param delete asks, then deletes the incident
     * @param link opens a source's address in the system browser
     * @param readOnly true while the store cannot be written
     * @param readOnlyReason why not, for the disabled buttons' tooltips
     * @param filter the filter the map shows: with a minimum grade, the figures of graded sources are given too
     * @param copies lists, opens and keeps the local copies of sources, or null for none
     * @param myPlaces the user's own places, for distances
     * @param namesOfItsDay what an incident's place and oblast were called on its day when that was not
     *        today's name ("Nur-Sultan"), else null
     */
    record Actions(Consumer<Incident> edit, Consumer<Incident> delete, Consumer<URI> link,
            ObservableBooleanValue readOnly, ObservableStringValue readOnlyReason, Supplier<IncidentFilter> filter,
            SourceCopyActions copies, Supplier<List<MyPlace>> myPlaces, Function<Incident, String> namesOfItsDay) {

        /** Actions that know no former names. */
        Actions(Consumer<Incident> edit, Consumer<Incident> delete, Consumer<URI> link, ObservableBooleanValue readOnly,
                ObservableStringValue readOnlyReason, Supplier<IncidentFilter> filter, SourceCopyActions copies,
                Supplier<List<MyPlace>> myPlaces) {
            this(edit, delete, link, readOnly, readOnlyReason, filter, copies, myPlaces, i -> null);
        }

        /** Actions that say nothing of the user's own places. */
        Actions(Consumer<Incident> edit, Consumer<Incident> delete, Consumer<URI> link, ObservableBooleanValue readOnly,
                ObservableStringValue readOnlyReason, Supplier<IncidentFilter> filter, SourceCopyActions copies) {
            this(edit, delete, link, readOnly, readOnlyReason, filter, copies, List::of);
        }

        /** Actions without a filter's figures or copies of sources. */
        Actions(Consumer<Incident> edit, Consumer<Incident> delete, Consumer<URI> link, ObservableBooleanValue readOnly,
                ObservableStringValue readOnlyReason) {
            this(edit, delete, link, readOnly, readOnlyReason, () -> IncidentFilter.ALL, null);
        }
    }

    private IncidentEntry() {
    }

    static TitledPane of(Incident i, Actions actions) {
        VBox box = new VBox(4);
        Label title = text(i.title(), "-fx-font-weight: bold; -fx-font-size: 13px;");
        title.getStyleClass().add("incident-title");
        box.getChildren().addAll(title, buttons(i, actions));
        // A type's default sub-type often has the type's own name: say it once.
        String kind = i.subType() == null || i.subType().label().equalsIgnoreCase(i.type().label()) ? i.type().label()
                : i.type().label() + " \u2014 " + i.subType().label();
        box.getChildren().add(text(kind + " \u00b7 " + dateText(i) + (i.time() == null ? "" : " " + i.time()),
                "-fx-text-fill: #555;"));
        box.getChildren().add(text(i.place() + (i.oblast() == null ? "" : ", " + i.oblast()), null));
        String then = actions.namesOfItsDay().apply(i);
        if (then != null) {
            Label called = text("Called " + then + " on " + dateText(i), "-fx-text-fill: #555;");
            called.getStyleClass().add("incident-name-of-its-day");
            box.getChildren().add(called);
        }
        box.getChildren().add(text(String.format(Locale.ROOT, "%.5f N, %.5f E (%s)", i.lat(), i.lon(),
                i.locationPrecision() == null ? "precision unknown" : i.locationPrecision().code() + " precision"),
                "-fx-text-fill: #555;"));
        for (String away : MyPlaceDistances.lines(i.lon(), i.lat(), actions.myPlaces().get())) {
            Label l = text(away, "-fx-text-fill: #6a1b9a;");
            l.getStyleClass().add("incident-my-place");
            box.getChildren().add(l);
        }
        Label figures = text("Killed: " + i.killedRange() + "    Wounded: " + i.woundedRange(), "-fx-font-weight: bold;");
        figures.getStyleClass().add("incident-figures");
        box.getChildren().add(figures);
        IncidentFilter shown = actions.filter().get();
        if (shown.minGrade() != null) {
            // What the filter counted: the figures of the sources graded at or above its grade.
            Incident counted = shown.counted(i);
            Label graded = text("By sources graded " + shown.minGrade().code()
                    + (shown.minGrade() == Reliability.A || shown.minGrade() == Reliability.F ? "" : " or better")
                    + ": killed " + counted.killedRange() + ", wounded " + counted.woundedRange(), "-fx-text-fill: #555;");
            graded.getStyleClass().add("incident-graded-figures");
            box.getChildren().add(graded);
        }
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
        sources(i, box, actions);
        if (i.created() != null && i.updated() != null) {
            box.getChildren().add(text("Recorded " + i.created().toString().substring(0, 10) + ", last changed "
                    + i.updated().toString().substring(0, 10), "-fx-text-fill: #777; -fx-font-size: 10px;"));
        }
        TitledPane pane = new TitledPane(i.title(), box);
        pane.getStyleClass().add("incident-details");
        wrapTitle(pane);
        pane.setTooltip(new Tooltip(i.title()));
        pane.setAccessibleText("Incident: " + i.title());
        return pane;
    }

    private static HBox buttons(Incident i, Actions actions) {
        Button edit = new Button("Edit\u2026");
        edit.getStyleClass().add("entry-edit");
        edit.setOnAction(e -> actions.edit().accept(i));
        Button delete = new Button("Delete\u2026");
        delete.getStyleClass().add("entry-delete");
        delete.setOnAction(e -> actions.delete().accept(i));
        for (Button b : new Button[] {edit, delete}) {
            b.disableProperty().bind(actions.readOnly());
            b.setStyle("-fx-font-size: 11px; -fx-padding: 2 8 2 8;");
        }
        edit.setAccessibleText("Edit \u2018" + i.title() + "\u2019");
        delete.setAccessibleText("Delete \u2018" + i.title() + "\u2019");
        edit.setTooltip(new Tooltip("Edit this incident"));
        delete.setTooltip(new Tooltip("Delete this incident"));
        // A disabled button shows no tooltip: its box tells why editing is off.
        HBox row = new HBox(6, edit, delete);
        DisabledReason.explain(row, actions.readOnly(), actions.readOnlyReason());
        return row;
    }

    private static void sources(Incident i, VBox box, Actions actions) {
        Consumer<URI> link = actions.link();
        Map<String, Source> byKey = new HashMap<>();
        i.sources().forEach(s -> byKey.put(s.key(), s));
        box.getChildren().add(text("Sources", "-fx-font-weight: bold; -fx-padding: 6 0 0 0;"));
        for (Source s : i.sources()) {
            box.getChildren().add(text("\u2022 " + SourceText.line(s), null));
            URI uri = webAddress(s.url());
            if (uri != null) {
                Hyperlink a = new Hyperlink(s.url());
                a.getStyleClass().add("source-link");
                a.setWrapText(true);
                a.setMaxWidth(Double.MAX_VALUE);
                a.setPadding(new Insets(0, 0, 0, 10));
                a.setTooltip(new Tooltip("Open in the web browser: " + s.url()));
                a.setOnAction(e -> link.accept(uri));
                box.getChildren().add(a);
            } else if (s.url() != null && !s.url().isBlank()) {
                box.getChildren().add(text("  " + s.url(), null));
            }
            if (s.reliability() != null) {
                Label grade = text("  graded " + s.reliability().code() + ", " + s.reliability().meaning(),
                        "-fx-text-fill: #555; -fx-font-size: 11px;");
                grade.getStyleClass().add("source-grade");
                box.getChildren().add(grade);
            }
            if (actions.copies() != null) {
                box.getChildren().add(actions.copies().box(s, actions.readOnly()));
            }
        }
        // Which source says what: folded away under the figures' range until asked for.
        VBox says = new VBox(2);
        for (Claim c : i.claims()) {
            says.getChildren().add(text(SourceText.claim(c, byKey.get(c.sourceKey())),
                    "-fx-text-fill: #333; -fx-font-size: 11px;"));
        }
        if (!says.getChildren().isEmpty()) {
            TitledPane who = new TitledPane("Which source says what (" + i.claims().size() + ")", says);
            who.getStyleClass().add("source-claims");
            who.setExpanded(false);
            box.getChildren().add(who);
        }
    }

    /**
     * Makes the fold's title wrap over as many lines as it needs: a TitledPane's own title stays on one
     * line and is cut short, so the title is shown by a wrapping label in its place (the text stays the
     * pane's, for screen readers).
     */
    static void wrapTitle(TitledPane pane) {
        Label heading = new Label();
        heading.textProperty().bind(pane.textProperty());
        heading.getStyleClass().add("entry-heading");
        heading.setWrapText(true);
        heading.setMinHeight(Label.USE_PREF_SIZE);
        heading.setPadding(new Insets(2, 0, 3, 0)); // room under a second line, above the fold's border
        // The arrow and the header's padding take about 36 pixels.
        heading.prefWidthProperty().bind(pane.widthProperty().subtract(36));
        heading.maxWidthProperty().bind(pane.widthProperty().subtract(36));
        pane.setGraphic(heading);
        pane.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
    }

    /** The address as a link target when it is a web address (http or https), else null. */
    static URI webAddress(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    static String dateText(Incident i) {
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

    static Label text(String s, String style) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setMinWidth(0);
        l.setMaxWidth(Double.MAX_VALUE);
        if (style != null) {
            l.setStyle(style);
        }
        return l;
    }
}
