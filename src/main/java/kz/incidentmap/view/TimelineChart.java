package kz.incidentmap.view;

import java.time.LocalDate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.timeline.DateRange;
import kz.incidentmap.timeline.TimeBin;
import kz.incidentmap.timeline.TimelineHistogram;
import kz.incidentmap.timeline.TimelineScale;

/**
 * The timeline's bars. The wheel zooms about the pointer (from sixty years down to two weeks), a drag
 * with the right button or with Shift pans, a drag with the left button marks the range of days the
 * map shows, and a double click clears it. Bars of incidents whose span crosses bins (a month-dated
 * incident in a week view) are drawn lighter on top of the exact ones. JavaFX thread only.
 */
final class TimelineChart extends Region {

    static final double AXIS_PX = 16;
    private static final Color EXACT = Color.web("#b22222");
    private static final Color SPREAD = Color.web("#e8a3a3");
    private static final Color BRUSH = Color.web("#1f5fbf", 0.18);
    private static final Color BRUSH_EDGE = Color.web("#1f5fbf");
    private static final Color AXIS = Color.web("#555555");

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<TimelineScale> scale = new SimpleObjectProperty<>(this, "scale");
    private final ObjectProperty<TimelineHistogram> histogram = new SimpleObjectProperty<>(this, "histogram");
    private final ObjectProperty<DateRange> brush = new SimpleObjectProperty<>(this, "brush");
    private double pressX = Double.NaN;
    private boolean panning;
    private final Texts texts;

    TimelineChart(Texts texts) {
        this.texts = texts;
        setId("timeline-chart");
        setAccessibleText(texts.text("timeline.chartName"));
        getChildren().add(canvas);
        setMinHeight(60);
        setPrefHeight(90);
        scale.addListener((o, a, b) -> draw());
        histogram.addListener((o, a, b) -> draw());
        brush.addListener((o, a, b) -> draw());
        widthProperty().addListener((o, a, w) -> {
            if (w.doubleValue() > 0 && scale.get() != null) {
                scale.set(scale.get().resized(w.doubleValue()));
            }
        });
        setOnScroll(this::zoom);
        setOnMousePressed(this::press);
        setOnMouseDragged(this::drag);
        setOnMouseReleased(e -> pressX = Double.NaN);
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                brush.set(null);
            }
        });
    }

    ObjectProperty<TimelineScale> scaleProperty() {
        return scale;
    }

    ObjectProperty<TimelineHistogram> histogramProperty() {
        return histogram;
    }

    /** The days the user marked, or null for all. */
    ObjectProperty<DateRange> brushProperty() {
        return brush;
    }

    private void zoom(ScrollEvent e) {
        if (scale.get() != null && e.getDeltaY() != 0) {
            scale.set(scale.get().zoomedAt(e.getX(), e.getDeltaY() > 0 ? 1.25 : 1 / 1.25));
            e.consume();
        }
    }

    private void press(MouseEvent e) {
        pressX = e.getX();
        panning = e.getButton() == MouseButton.SECONDARY || e.getButton() == MouseButton.MIDDLE || e.isShiftDown();
    }

    private void drag(MouseEvent e) {
        TimelineScale s = scale.get();
        if (s == null || Double.isNaN(pressX)) {
            return;
        }
        if (panning) {
            scale.set(s.pannedBy(e.getX() - pressX));
            pressX = e.getX();
            return;
        }
        double a = Math.max(0, Math.min(pressX, e.getX()));
        double b = Math.min(s.width() - 1e-6, Math.max(pressX, e.getX()));
        if (b - a >= 2) {
            brush.set(new DateRange(s.dayAt(a), s.dayAt(b)));
        }
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        TimelineScale s = scale.get();
        if (s == null || w <= 0) {
            return;
        }
        double plot = h - AXIS_PX;
        TimelineHistogram hist = histogram.get();
        if (hist != null && hist.max() > 0) {
            double max = hist.max();
            for (int i = 0; i < hist.size(); i++) {
                double x0 = s.x(hist.start(i).toEpochDay());
                double x1 = s.x(hist.end(i).toEpochDay() + 1);
                double exactH = plot * 0.9 * hist.exact(i) / max;
                double spreadH = plot * 0.9 * hist.spread(i) / max;
                double bw = Math.max(1, x1 - x0 - 1);
                g.setFill(EXACT);
                g.fillRect(x0, plot - exactH, bw, exactH);
                g.setFill(SPREAD);
                g.fillRect(x0, plot - exactH - spreadH, bw, spreadH);
            }
            g.setFill(AXIS);
            g.setFont(Font.font(10));
            g.fillText(texts.format("timeline.max." + hist.bin().word(), format(max)), 4, 11);
        }
        DateRange b = brush.get();
        if (b != null) {
            double x0 = s.x(b.first().toEpochDay());
            double x1 = s.x(b.last().toEpochDay() + 1);
            g.setFill(BRUSH);
            g.fillRect(x0, 0, x1 - x0, plot);
            g.setStroke(BRUSH_EDGE);
            g.strokeLine(x0, 0, x0, plot);
            g.strokeLine(x1, 0, x1, plot);
        }
        axis(g, s, plot, w);
    }

    /** Tick marks and labels at years, or months when years are too far apart to read between. */
    private void axis(GraphicsContext g, TimelineScale s, double plot, double w) {
        g.setStroke(AXIS);
        g.strokeLine(0, plot + 0.5, w, plot + 0.5);
        g.setFill(AXIS);
        g.setFont(Font.font(10));
        double pxPerYear = 365.25 / s.daysPerPixel();
        TimeBin tick = pxPerYear >= 600 ? TimeBin.MONTH : TimeBin.YEAR;
        int every = tick == TimeBin.YEAR ? Math.max(1, (int) Math.ceil(40 / pxPerYear)) : 1;
        LocalDate d = tick.start(s.dayAt(0));
        double lastLabelEnd = -1;
        while (s.x(d.toEpochDay()) < w) {
            double x = s.x(d.toEpochDay());
            if (x >= 0 && (tick == TimeBin.MONTH || d.getYear() % every == 0)) {
                g.strokeLine(x + 0.5, plot, x + 0.5, plot + 4);
                String text = tick == TimeBin.YEAR ? String.valueOf(d.getYear())
                        : d.format(texts.datePattern(d.getMonthValue() == 1 || lastLabelEnd < 0 ? "LLL yyyy" : "LLL"));
                if (x + 2 > lastLabelEnd) {
                    g.fillText(text, x + 2, plot + 13);
                    lastLabelEnd = x + 2 + text.length() * 6 + 4;
                }
            }
            d = tick.next(d);
        }
    }

    private String format(double v) {
        return Math.abs(v - Math.rint(v)) < 0.05 ? texts.number(Math.round(v)) : texts.number(v, 1);
    }
}
