package kz.incidentmap.view;

import java.net.URI;
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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.geo.MyPlaceDistances;
import kz.incidentmap.i18n.Texts;
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
     * @param history opens the versions of the incident kept on a server
     * @param historyKept true while the record is on a server, which keeps them
     * @param events the events an incident is a step of, and their playback; null for none
     */
    record Actions(Consumer<Incident> edit, Consumer<Incident> delete, Consumer<URI> link,
            ObservableBooleanValue readOnly, ObservableStringValue readOnlyReason, Supplier<IncidentFilter> filter,
            SourceCopyActions copies, Supplier<List<MyPlace>> myPlaces, Function<Incident, String> namesOfItsDay,
            Consumer<Incident> history, ObservableBooleanValue historyKept, EventsModel events) {

        /** Actions of a record that keeps no history of versions (a file) and knows no events. */
        Actions(Consumer<Incident> edit, Consumer<Incident> delete, Consumer<URI> link, ObservableBooleanValue readOnly,
                ObservableStringValue readOnlyReason, Supplier<IncidentFilter> filter, SourceCopyActions copies,
                Supplier<List<MyPlace>> myPlaces, Function<Incident, String> namesOfItsDay) {
            this(edit, delete, link, readOnly, readOnlyReason, filter, copies, myPlaces, namesOfItsDay, i -> { },
                    new javafx.beans.property.SimpleBooleanProperty(false), null);
        }

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

    /** What {@link Incident#killedRange()} gives when no source gives a figure. */
    private static final String NO_FIGURE = "unknown";

    private IncidentEntry() {
    }

    static TitledPane of(Incident i, Actions actions, Texts t) {
        VBox box = new VBox(4);
        Label title = text(i.title(), "-fx-font-weight: bold; -fx-font-size: 13px;");
        title.getStyleClass().add("incident-title");
        box.getChildren().addAll(title, buttons(i, actions, t));
        // A type's default sub-type often has the type's own name: say it once.
        String kind = i.subType() == null || t.subTypeName(i.subType()).equalsIgnoreCase(t.typeName(i.type()))
                ? t.typeName(i.type()) : t.typeName(i.type()) + " \u2014 " + t.subTypeName(i.subType());
        box.getChildren().add(text(kind + " \u00b7 " + dateText(i, t) + (i.time() == null ? "" : " " + i.time()),
                "-fx-text-fill: #555;"));
        box.getChildren().add(text(i.place() + (i.oblast() == null ? "" : ", " + i.oblast()), null));
        String then = actions.namesOfItsDay().apply(i);
        if (then != null) {
            Label called = text(t.format("details.calledOnItsDay", then, dateText(i, t)), "-fx-text-fill: #555;");
            called.getStyleClass().add("incident-name-of-its-day");
            box.getChildren().add(called);
        }
        box.getChildren().add(text(t.format("details.position", String.format(Locale.ROOT, "%.5f", i.lat()),
                String.format(Locale.ROOT, "%.5f", i.lon()), i.locationPrecision() == null ? t.text("details.precisionUnknown")
                        : t.format("details.precision", t.precisionName(i.locationPrecision()))),
                "-fx-text-fill: #555;"));
        if (actions.events() != null) {
            actions.events().stepOf(i).ifPresent(step -> box.getChildren().add(eventStep(step, actions.events(), t)));
        }
        String where = whereInWords(i, t);
        if (where != null) {
            Label w = text(where, "-fx-text-fill: #555; -fx-font-style: italic;");
            w.getStyleClass().add("incident-where");
            box.getChildren().add(w);
        }
        for (String away : MyPlaceDistances.lines(i.lon(), i.lat(), actions.myPlaces().get(), t)) {
            Label l = text(away, "-fx-text-fill: #6a1b9a;");
            l.getStyleClass().add("incident-my-place");
            box.getChildren().add(l);
        }
        Label figures = text(t.format("details.figures", figure(i.killedRange(), t), figure(i.woundedRange(), t)),
                "-fx-font-weight: bold;");
        figures.getStyleClass().add("incident-figures");
        box.getChildren().add(figures);
        IncidentFilter shown = actions.filter().get();
        if (shown.minGrade() != null) {
            // What the filter counted: the figures of the sources graded at or above its grade.
            Incident counted = shown.counted(i);
            Label graded = text(t.format(shown.minGrade() == Reliability.A || shown.minGrade() == Reliability.F
                    ? "details.graded" : "details.gradedOrBetter", shown.minGrade().code(), figure(counted.killedRange(), t),
                    figure(counted.woundedRange(), t)), "-fx-text-fill: #555;");
            graded.getStyleClass().add("incident-graded-figures");
            box.getChildren().add(graded);
        }
        if (i.perpetrator() != null) {
            box.getChildren().add(text(t.format("details.perpetrator", i.perpetrator()), null));
        }
        if (i.claimedBy() != null) {
            box.getChildren().add(text(t.format("details.claimedBy", i.claimedBy()), null));
        }
        if (i.description() != null) {
            box.getChildren().add(text(i.description(), null));
        }
        if (!i.tags().isEmpty()) {
            box.getChildren().add(text(t.format("details.tags", String.join(", ", i.tags())), "-fx-text-fill: #555;"));
        }
        sources(i, box, actions, t);
        if (i.created() != null && i.updated() != null) {
            box.getChildren().add(text(t.format("details.recorded", day(i.created().toString(), t), day(i.updated().toString(), t)),
                    "-fx-text-fill: #777; -fx-font-size: 10px;"));
        }
        TitledPane pane = new TitledPane(i.title(), box);
        pane.getStyleClass().add("incident-details");
        wrapTitle(pane);
        pane.setTooltip(new Tooltip(i.title()));
        pane.setAccessibleText(t.format("details.incidentName", i.title()));
        return pane;
    }

    /** "Step 3 of 5 of the Taraz attack of 12 November 2011", and a button that plays the event from that step. */
    private static HBox eventStep(EventsModel.Step step, EventsModel events, Texts t) {
        String title = step.event().title().replaceFirst("^(?i)the ", "");
        Label words = text(t.format("details.eventStep", step.step(), step.of(), title), "-fx-text-fill: #b71c1c;");
        words.getStyleClass().add("incident-event-step");
        Button play = new Button(t.text("details.playEvent"));
        play.getStyleClass().add("entry-play-event");
        play.setStyle("-fx-font-size: 11px; -fx-padding: 2 8 2 8;");
        play.setAccessibleText(t.format("details.playEventName", title));
        play.setOnAction(e -> events.play(step.event(), step.step()));
        play.setMinWidth(Region.USE_PREF_SIZE);
        words.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(words, javafx.scene.layout.Priority.ALWAYS);
        HBox row = new HBox(6, words, play);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private static HBox buttons(Incident i, Actions actions, Texts t) {
        Button edit = new Button(t.text("edit.edit"));
        edit.getStyleClass().add("entry-edit");
        edit.setOnAction(e -> actions.edit().accept(i));
        Button delete = new Button(t.text("edit.delete"));
        delete.getStyleClass().add("entry-delete");
        delete.setOnAction(e -> actions.delete().accept(i));
        for (Button b : new Button[] {edit, delete}) {
            b.disableProperty().bind(actions.readOnly());
            b.setStyle("-fx-font-size: 11px; -fx-padding: 2 8 2 8;");
        }
        edit.setAccessibleText(t.format("details.editName", i.title()));
        delete.setAccessibleText(t.format("details.deleteName", i.title()));
        edit.setTooltip(new Tooltip(t.text("details.editTip")));
        delete.setTooltip(new Tooltip(t.text("details.deleteTip")));
        // On a server the versions it kept are a click away; a file keeps none.
        Button history = new Button(t.text("history.button"));
        history.getStyleClass().add("entry-history");
        history.setStyle("-fx-font-size: 11px; -fx-padding: 2 8 2 8;");
        history.setOnAction(e -> actions.history().accept(i));
        history.visibleProperty().bind(actions.historyKept());
        history.managedProperty().bind(actions.historyKept());
        history.setAccessibleText(t.format("history.title", i.title()));
        // A disabled button shows no tooltip: its box tells why editing is off.
        HBox row = new HBox(6, edit, delete, history);
        DisabledReason.explain(row, actions.readOnly(), actions.readOnlyReason());
        return row;
    }

    private static void sources(Incident i, VBox box, Actions actions, Texts t) {
        Consumer<URI> link = actions.link();
        Map<String, Source> byKey = new HashMap<>();
        i.sources().forEach(s -> byKey.put(s.key(), s));
        box.getChildren().add(text(t.text("details.sources"), "-fx-font-weight: bold; -fx-padding: 6 0 0 0;"));
        for (Source s : i.sources()) {
            box.getChildren().add(text("\u2022 " + SourceText.line(s, t), null));
            URI uri = webAddress(s.url());
            if (uri != null) {
                Hyperlink a = new Hyperlink(s.url());
                a.getStyleClass().add("source-link");
                a.setWrapText(true);
                a.setMaxWidth(Double.MAX_VALUE);
                a.setPadding(new Insets(0, 0, 0, 10));
                a.setTooltip(new Tooltip(t.format("details.openLink", s.url())));
                a.setOnAction(e -> link.accept(uri));
                box.getChildren().add(a);
            } else if (s.url() != null && !s.url().isBlank()) {
                box.getChildren().add(text("  " + s.url(), null));
            }
            if (s.reliability() != null) {
                Label grade = text("  " + t.format("details.sourceGrade", s.reliability().code(),
                        t.text("grade." + s.reliability().code().toLowerCase(Locale.ROOT))),
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
            says.getChildren().add(text(SourceText.claim(c, byKey.get(c.sourceKey()), t),
                    "-fx-text-fill: #333; -fx-font-size: 11px;"));
        }
        if (!says.getChildren().isEmpty()) {
            TitledPane who = new TitledPane(t.format("details.whoSaysWhat", i.claims().size()), says);
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

    /** A casualty figure or range ("6–7") as the record gives it; one no source gives is said in words. */
    static String figure(String range, Texts t) {
        return NO_FIGURE.equals(range) ? t.text("details.noFigure") : range;
    }

    /**
     * How far the position may be from the marker, in words: "Somewhere in Taraz; the sources give no
     * street" for a record located to its city (the place's first part names it), the oblast for one
     * located to its region; null for an exact position or none.
     */
    static String whereInWords(Incident i, Texts t) {
        if (i.locationPrecision() == null) {
            return null;
        }
        String city = i.place() == null ? null : i.place().split(",")[0].strip();
        return switch (i.locationPrecision()) {
            case EXACT -> null;
            case STREET -> t.text("details.where.street");
            case CITY -> city == null || city.isEmpty() ? null : t.format("details.where.city", city);
            case REGION -> i.oblast() == null ? null : t.format("details.where.region", i.oblast());
        };
    }

    static String dateText(Incident i, Texts t) {
        if (i.date() == null) {
            return t.text("details.dateUnknown");
        }
        return switch (i.datePrecision() == null ? DatePrecision.DAY : i.datePrecision()) {
            case DAY -> t.date(i.date());
            // The month as it is named standing alone: "ноябрь 2011", not the "ноября" of a day in it.
            case MONTH -> i.date().format(t.datePattern("LLLL yyyy"));
            case YEAR -> Integer.toString(i.date().getYear());
            case APPROXIMATE -> t.format("details.about", t.date(i.date()));
        };
    }

    /** The day of an ISO time stamp, as people read it; a stamp that does not begin with a day stays as it is. */
    private static String day(String stamp, Texts t) {
        try {
            return t.date(java.time.LocalDate.parse(stamp.substring(0, Math.min(10, stamp.length()))));
        } catch (java.time.format.DateTimeParseException e) {
            return stamp;
        }
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
