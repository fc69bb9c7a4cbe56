package kz.incidentmap.view;

import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Cursor;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import kz.incidentmap.geo.DistanceText;
import kz.incidentmap.geo.Geodesy;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.render.Viewport;
import org.locationtech.jts.geom.Coordinate;

/**
 * The measure tool: while it is on, clicks on the map add points to a line whose length along the WGS 84
 * ellipsoid the status bar gives as it grows; a double click or Enter closes it into a polygon and adds
 * its area on the ellipsoid. Backspace takes the last point back; Escape stops. The map still pans by
 * dragging, and clicks do not identify meanwhile. JavaFX thread only.
 */
final class MeasureTool {

    /** The key of the words the status bar shows when the tool is turned on. */
    static final String PROMPT = "measure.prompt";
    private static final Color INK = Color.web("#00695c");

    private final MapCanvas canvas;
    private final MapViewModel vm;
    private final BooleanProperty on = new SimpleBooleanProperty(this, "on");
    /** Points so far, in longitude/latitude. */
    private final List<Coordinate> points = new ArrayList<>();
    private boolean closed;
    private Coordinate pointer;

    MeasureTool(MapCanvas canvas, MapViewModel vm) {
        this.canvas = canvas;
        this.vm = vm;
        canvas.addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (on.get() && e.getButton() == MouseButton.PRIMARY) {
                e.consume();
            }
        });
        canvas.addEventFilter(MouseEvent.MOUSE_MOVED, this::moved);
        canvas.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        vm.viewportProperty().addListener((o, a, b) -> redraw());
        on.addListener((o, was, now) -> {
            points.clear();
            closed = false;
            pointer = null;
            canvas.setCursor(now ? Cursor.CROSSHAIR : Cursor.DEFAULT);
            if (now) {
                vm.hint(vm.texts().text(PROMPT));
                canvas.requestFocus();
            } else if (vm.messageProperty().get() != null && vm.messageProperty().get().startsWith(vm.texts().text("measure.lead"))) {
                vm.messageProperty().set("");
            }
            redraw();
        });
    }

    /** Whether the tool is on; a toolbar toggle binds to it. */
    BooleanProperty onProperty() {
        return on;
    }

    /** Stops measuring (Escape). */
    void stop() {
        on.set(false);
    }

    /** The points measured so far, in longitude/latitude. */
    List<Coordinate> points() {
        return List.copyOf(points);
    }

    boolean isClosed() {
        return closed;
    }

    /** Adds a point in longitude/latitude, as a click does; after a closed polygon it starts a new line. */
    void add(Coordinate lonLat) {
        if (closed) {
            points.clear();
            closed = false;
        }
        points.add(lonLat);
        tell();
        redraw();
    }

    /** Closes the line into a polygon when it has three points or more. */
    void close() {
        if (points.size() < 3) {
            vm.hint(vm.texts().text("measure.tooFew"));
            return;
        }
        closed = true;
        pointer = null;
        tell();
        redraw();
    }

    /** What the status bar says of {@code lonLat}: the length so far, or a closed polygon's perimeter and area. */
    static String text(List<Coordinate> lonLat, boolean closed, Texts texts) {
        if (lonLat.isEmpty()) {
            return texts.text(PROMPT);
        }
        if (closed) {
            List<Coordinate> ring = new ArrayList<>(lonLat);
            ring.add(lonLat.get(0));
            return texts.format("measure.area", DistanceText.area(Geodesy.areaSquareMetres(lonLat), texts),
                    DistanceText.of(Geodesy.lengthMetres(ring), texts));
        }
        return texts.format("measure.length", DistanceText.of(Geodesy.lengthMetres(lonLat), texts), lonLat.size());
    }

    private void tell() {
        vm.hint(text(points, closed, vm.texts()));
    }

    private Coordinate lonLat(MouseEvent e) {
        Viewport vp = vm.viewportProperty().get();
        if (vp == null) {
            return null;
        }
        Coordinate w = vp.toWorld(e.getX(), e.getY());
        return vp.projection().toLonLat(w.x, w.y);
    }

    private void released(MouseEvent e) {
        if (!on.get() || e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
            return; // a drag pans the map
        }
        e.consume();
        Coordinate at = lonLat(e);
        if (at == null) {
            return;
        }
        if (e.getClickCount() >= 2) {
            close();
        } else {
            add(at);
        }
    }

    private void moved(MouseEvent e) {
        if (on.get() && !closed && !points.isEmpty()) {
            pointer = lonLat(e);
            redraw();
        }
    }

    private void key(KeyEvent e) {
        if (e.getCode() == KeyCode.M && !e.isShortcutDown() && !e.isAltDown()) {
            on.set(!on.get());
            e.consume();
            return;
        }
        if (!on.get()) {
            return;
        }
        if (e.getCode() == KeyCode.ENTER) {
            close();
            e.consume();
        } else if (e.getCode() == KeyCode.BACK_SPACE && !points.isEmpty()) {
            closed = false;
            points.remove(points.size() - 1);
            tell();
            redraw();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            stop();
            e.consume();
        }
    }

    private void redraw() {
        var layer = canvas.measureLayer().getChildren();
        layer.clear();
        Viewport vp = vm.viewportProperty().get();
        if (vp == null || !on.get() || points.isEmpty()) {
            return;
        }
        List<Coordinate> shown = new ArrayList<>(points);
        if (pointer != null && !closed) {
            shown.add(pointer);
        }
        double[] xy = new double[2 * shown.size()];
        for (int k = 0; k < shown.size(); k++) {
            Coordinate m = vp.projection().toMap(shown.get(k).x, shown.get(k).y);
            Point2D s = vp.toScreen(m.x, m.y);
            xy[2 * k] = s.getX();
            xy[2 * k + 1] = s.getY();
        }
        javafx.scene.shape.Shape line = closed ? new Polygon(xy) : new Polyline(xy);
        line.setFill(closed ? Color.web("#00695c", 0.12) : null);
        line.setStroke(INK);
        line.setStrokeWidth(2);
        line.getStyleClass().add("measure-line");
        layer.add(line);
        for (int k = 0; k < points.size(); k++) {
            Circle dot = new Circle(xy[2 * k], xy[2 * k + 1], 3.5, Color.WHITE);
            dot.setStroke(INK);
            dot.setStrokeWidth(2);
            layer.add(dot);
        }
    }
}
