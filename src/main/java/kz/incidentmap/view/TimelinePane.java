package kz.incidentmap.view;

import java.time.LocalDate;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.util.Duration;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.timeline.DateRange;
import kz.incidentmap.timeline.IndexTimeline;
import kz.incidentmap.timeline.TimeBin;
import kz.incidentmap.timeline.TimelineHistogram;
import kz.incidentmap.timeline.TimelineMeasure;
import kz.incidentmap.timeline.TimelineScale;

/**
 * Under the map: the timeline of the incidents and its playback. The range marked on it (or played)
 * is the time range the map shows ({@link #rangeProperty}); playing moves that range on by one step
 * at the chosen speed, keeping its length (a sliding window) or its start (cumulative), until the last
 * incident's day. The bars are counted on a worker thread whenever the incidents or the zoom change.
 * JavaFX thread only.
 */
final class TimelinePane extends VBox {

    private static final Integer[] SPEEDS = {1, 2, 5, 10, 20};

    private final Workers workers;
    private final TimelineChart chart;
    private final Texts texts;
    private final ObjectProperty<IncidentIndex> incidents = new SimpleObjectProperty<>(this, "incidents");
    private final ComboBox<TimeBin> step = new ComboBox<>();
    private final ComboBox<Integer> speed = new ComboBox<>();
    private final ComboBox<TimelineMeasure> measure = new ComboBox<>();
    private final CheckBox cumulative;
    private final Button play;
    private final Label shown = new Label();
    private final Timeline clock = new Timeline();
    private DateRange all;
    private long ticket;
    private boolean fitting;

    TimelinePane(Workers workers) {
        this(workers, Texts.ENGLISH);
    }

    TimelinePane(Workers workers, Texts texts) {
        this.workers = workers;
        this.texts = texts;
        this.chart = new TimelineChart(texts);
        this.cumulative = new CheckBox(texts.text("timeline.cumulative"));
        this.play = new Button(texts.text("timeline.play"));
        setId("timeline");
        setAccessibleText(texts.text("timeline.name"));
        setPadding(new Insets(4, 8, 4, 8));
        setSpacing(4);
        step.getItems().setAll(TimeBin.values());
        step.setValue(TimeBin.MONTH);
        step.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(TimeBin b) {
                return b == null ? "" : texts.text("bin." + b.word());
            }

            @Override
            public TimeBin fromString(String s) {
                return null;
            }
        });
        step.setAccessibleText(texts.text("timeline.stepName"));
        speed.getItems().setAll(SPEEDS);
        speed.setValue(2);
        speed.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : texts.format("timeline.perSecond", n);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        speed.setAccessibleText(texts.text("timeline.speedName"));
        measure.getItems().setAll(TimelineMeasure.values());
        measure.setValue(TimelineMeasure.INCIDENTS);
        measure.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(TimelineMeasure m) {
                return m == null ? "" : texts.text("measure." + m.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public TimelineMeasure fromString(String s) {
                return null;
            }
        });
        measure.setAccessibleText(texts.text("timeline.measureName"));
        play.setId("timeline-play");
        // As wide as the longer of its two words, so that it keeps its width when it turns into Pause.
        play.setPrefWidth(Math.max(64, 24 + Math.max(new Text(texts.text("timeline.play")).getLayoutBounds().getWidth(),
                new Text(texts.text("timeline.pause")).getLayoutBounds().getWidth())));
        play.setTooltip(new Tooltip(texts.text("timeline.playTip")));
        play.setOnAction(e -> togglePlay());
        Button back = new Button("\u25c0");
        back.setTooltip(new Tooltip(texts.text("timeline.back")));
        back.setAccessibleText(texts.text("timeline.back"));
        back.setOnAction(e -> stepBy(-1));
        Button forward = new Button("\u25b6");
        forward.setTooltip(new Tooltip(texts.text("timeline.forward")));
        forward.setAccessibleText(texts.text("timeline.forward"));
        forward.setOnAction(e -> stepBy(1));
        Button showAll = new Button(texts.text("timeline.all"));
        showAll.setTooltip(new Tooltip(texts.text("timeline.showAll")));
        showAll.setAccessibleText(texts.text("timeline.showAll"));
        showAll.setId("timeline-all");
        showAll.setOnAction(e -> {
            stop();
            chart.brushProperty().set(null);
        });
        shown.setId("timeline-shown");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox controls = new HBox(6, play, back, forward, step, speed, cumulative, gap, shown, showAll, measure);
        controls.setAlignment(Pos.CENTER_LEFT);
        for (javafx.scene.Node n : controls.getChildren()) {
            if (n instanceof Region r && n != shown && n != gap) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        shown.setMinWidth(0);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(shown.textProperty()); // the label gives way first in a narrow window
        shown.setTooltip(whole);
        step.setTooltip(new Tooltip(texts.text("timeline.stepTip")));
        speed.setTooltip(new Tooltip(texts.text("timeline.speedTip")));
        cumulative.setTooltip(new Tooltip(texts.text("timeline.cumulativeTip")));
        getChildren().setAll(controls, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        clock.setCycleCount(Timeline.INDEFINITE);
        speed.valueProperty().addListener((o, a, b) -> retime());
        retime();
        incidents.addListener((o, a, b) -> recount(true));
        chart.scaleProperty().addListener((o, a, b) -> {
            if (!fitting) {
                recount(false);
            }
        });
        measure.valueProperty().addListener((o, a, b) -> recount(false));
        chart.brushProperty().addListener((o, a, b) -> shown.setText(b == null ? texts.text("timeline.allDates") : b.label(texts)));
        shown.setText(texts.text("timeline.allDates"));
    }

    /** The incidents the timeline counts: those the other filters pass, whatever their date. */
    ObjectProperty<IncidentIndex> incidentsProperty() {
        return incidents;
    }

    /** The days the map shows: marked on the timeline or played; null for every day. */
    /** The days a filter marks on the timeline: both ends of its time range, or none when an end is open. */
    static DateRange daysOf(kz.incidentmap.filter.IncidentFilter f) {
        return f.from() != null && f.to() != null ? new DateRange(f.from(), f.to()) : null;
    }

    ObjectProperty<DateRange> rangeProperty() {
        return chart.brushProperty();
    }

    TimelineChart chart() {
        return chart;
    }

    boolean playing() {
        return clock.getStatus() == javafx.animation.Animation.Status.RUNNING;
    }

    private void retime() {
        boolean was = playing();
        clock.stop();
        clock.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1.0 / speed.getValue()), e -> {
            if (!stepBy(1)) {
                stop();
            }
        }));
        if (was) {
            clock.play();
        }
    }

    private void togglePlay() {
        if (playing()) {
            stop();
            return;
        }
        if (all == null) {
            return;
        }
        DateRange r = chart.brushProperty().get();
        if (r == null || !r.last().isBefore(all.last())) {
            chart.brushProperty().set(firstStep());
        }
        play.setText(texts.text("timeline.pause"));
        clock.play();
    }

    private void stop() {
        clock.stop();
        play.setText(texts.text("timeline.play"));
    }

    /**
     * Moves the range {@code n} steps on (back when negative), keeping its length, or its start when
     * cumulative; false, moving nothing, when the range already reaches the last day an incident may have
     * happened on (or would end before the first).
     */
    private boolean stepBy(int n) {
        DateRange r = chart.brushProperty().get();
        if (all == null) {
            return false;
        }
        TimeBin unit = step.getValue();
        if (r == null) {
            chart.brushProperty().set(firstStep());
            return true;
        }
        LocalDate last = unit.plus(r.last().plusDays(1), n).minusDays(1);
        LocalDate first = cumulative.isSelected() ? r.first() : unit.plus(r.first(), n);
        if (last.isBefore(first) || (n > 0 && !r.last().isBefore(all.last())) || (n < 0 && last.isBefore(all.first()))) {
            return false;
        }
        chart.brushProperty().set(new DateRange(first, last));
        return true;
    }

    /** The step that holds the first day an incident may have happened on. */
    private DateRange firstStep() {
        LocalDate first = step.getValue().start(all.first());
        return new DateRange(first, step.getValue().next(first).minusDays(1));
    }

    /** Counts the bars again off the JavaFX thread; {@code refit} also fits the zoom to the incidents' days. */
    private void recount(boolean refit) {
        IncidentIndex index = incidents.get();
        if (index == null || chart.getWidth() <= 0 && !refit) {
            return;
        }
        long mine = ++ticket;
        TimelineMeasure what = measure.getValue();
        TimelineScale current = chart.scaleProperty().get();
        double width = chart.getWidth() > 0 ? chart.getWidth() : 800;
        workers.run(() -> {
            DateRange data = IndexTimeline.extent(index);
            TimelineScale s = refit || current == null ? (data == null ? null : TimelineScale.showing(data, width)) : current;
            return new Counted(data, s, s == null ? null : IndexTimeline.histogram(index, s.range(), s.bin(), what));
        }, c -> {
            if (mine != ticket) {
                return;
            }
            all = c.data();
            if (c.scale() != chart.scaleProperty().get()) {
                fitting = true; // the bars for this scale are here: no need to count them again
                chart.scaleProperty().set(c.scale());
                fitting = false;
            }
            chart.histogramProperty().set(c.histogram());
        }, e -> chart.histogramProperty().set(null));
    }

    private record Counted(DateRange data, TimelineScale scale, TimelineHistogram histogram) {
    }
}
