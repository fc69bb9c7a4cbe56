package kz.incidentmap.view;

import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Cursor;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import kz.incidentmap.filter.Area;
import kz.incidentmap.render.Viewport;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Drawing an area on the map for the filter, and showing the filter's area: a rectangle is dragged out;
 * a polygon is clicked point by point (the map still pans by dragging) and closed by a double click or
 * Enter, Backspace taking back the last point. Escape stops either. While drawing, clicks do not
 * identify. The filter's area stays outlined over the map as the view moves. JavaFX thread only.
 */
final class AreaSketch {

    /** What is being drawn. */
    enum Shape { RECTANGLE, POLYGON }

    static final String RECTANGLE_PROMPT = "area.rectanglePrompt";
    static final String POLYGON_PROMPT = "area.polygonPrompt";
    private static final Color EDGE = Color.web("#e65100");
    private static final Color FILL = Color.web("#e65100", 0.08);
    /** Points per side of a rectangle once in longitude/latitude: the map's straight edges curve there. */
    private static final int EDGE_POINTS = 16;

    private final MapCanvas canvas;
    private final MapViewModel vm;
    private final GeometryFactory gf = new GeometryFactory();
    private Shape drawing;
    private Consumer<Area> done = a -> { };
    /** Corners drawn so far, in map metres (so that they stay put while the map pans). */
    private final List<Coordinate> corners = new ArrayList<>();
    private Coordinate pointer;

    AreaSketch(MapCanvas canvas, MapViewModel vm) {
        this.canvas = canvas;
        this.vm = vm;
        canvas.addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventFilter(MouseEvent.MOUSE_MOVED, this::moved);
        canvas.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        vm.viewportProperty().addListener((o, a, b) -> redraw());
        vm.filterProperty().addListener((o, a, b) -> redraw());
    }

    /** Starts drawing {@code shape}; {@code finished} gets the area when it is closed. */
    void start(Shape shape, Consumer<Area> finished) {
        drawing = shape;
        done = finished;
        corners.clear();
        pointer = null;
        canvas.setCursor(Cursor.CROSSHAIR);
        vm.hint(vm.texts().text(shape == Shape.RECTANGLE ? RECTANGLE_PROMPT : POLYGON_PROMPT));
        canvas.requestFocus();
        redraw();
    }

    boolean isDrawing() {
        return drawing != null;
    }

    /** Stops drawing; nothing changes in the filter. */
    void cancel() {
        if (drawing == null) {
            return;
        }
        String prompt = vm.texts().text(drawing == Shape.RECTANGLE ? RECTANGLE_PROMPT : POLYGON_PROMPT);
        stop();
        if (prompt.equals(vm.messageProperty().get())) {
            vm.messageProperty().set("");
        }
    }

    private void stop() {
        drawing = null;
        corners.clear();
        pointer = null;
        canvas.setCursor(Cursor.DEFAULT);
        redraw();
    }

    private Coordinate world(MouseEvent e) {
        Viewport vp = vm.viewportProperty().get();
        return vp == null ? null : vp.toWorld(e.getX(), e.getY());
    }

    private void pressed(MouseEvent e) {
        if (drawing == Shape.RECTANGLE && e.getButton() == MouseButton.PRIMARY) {
            corners.clear();
            corners.add(world(e));
            pointer = corners.get(0);
            e.consume();
        }
    }

    private void dragged(MouseEvent e) {
        if (drawing == Shape.RECTANGLE && !corners.isEmpty()) {
            pointer = world(e);
            redraw();
            e.consume();
        }
    }

    private void moved(MouseEvent e) {
        if (drawing == Shape.POLYGON && !corners.isEmpty()) {
            pointer = world(e);
            redraw();
        }
    }

    private void released(MouseEvent e) {
        if (drawing == null || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (drawing == Shape.RECTANGLE) {
            e.consume();
            if (!corners.isEmpty()) {
                rectangleDone(corners.get(0), world(e));
            }
        } else if (e.isStillSincePress()) {
            // A drag pans the map; only a click is a corner. The double click's second click closes.
            e.consume();
            if (e.getClickCount() >= 2) {
                polygonDone();
            } else {
                corners.add(world(e));
                redraw();
            }
        }
    }

    private void key(KeyEvent e) {
        if (drawing != Shape.POLYGON) {
            return;
        }
        if (e.getCode() == KeyCode.ENTER) {
            polygonDone();
            e.consume();
        } else if (e.getCode() == KeyCode.BACK_SPACE && !corners.isEmpty()) {
            corners.remove(corners.size() - 1);
            redraw();
            e.consume();
        }
    }

    private void rectangleDone(Coordinate a, Coordinate b) {
        Viewport vp = vm.viewportProperty().get();
        if (vp == null || Math.abs(a.x - b.x) < 4 * vp.metresPerPixel() || Math.abs(a.y - b.y) < 4 * vp.metresPerPixel()) {
            corners.clear();
            redraw();
            vm.hint(vm.texts().text(RECTANGLE_PROMPT));
            return;
        }
        double x0 = Math.min(a.x, b.x);
        double x1 = Math.max(a.x, b.x);
        double y0 = Math.min(a.y, b.y);
        double y1 = Math.max(a.y, b.y);
        List<Coordinate> ring = new ArrayList<>();
        edge(ring, x0, y0, x1, y0);
        edge(ring, x1, y0, x1, y1);
        edge(ring, x1, y1, x0, y1);
        edge(ring, x0, y1, x0, y0);
        finish(ring, vm.texts().text("area.rectangle"));
    }

    private static void edge(List<Coordinate> ring, double xa, double ya, double xb, double yb) {
        for (int k = 0; k < EDGE_POINTS; k++) {
            double t = (double) k / EDGE_POINTS;
            ring.add(new Coordinate(xa + (xb - xa) * t, ya + (yb - ya) * t));
        }
    }

    private void polygonDone() {
        List<Coordinate> ring = new ArrayList<>(corners);
        if (ring.size() < 3) {
            vm.hint(vm.texts().text("area.tooFew"));
            return;
        }
        Geometry shape = lonLat(ring);
        if (!shape.isValid()) {
            vm.hint(vm.texts().text("area.crossing"));
            return;
        }
        finish(ring, vm.texts().text("area.polygon"));
    }

    private void finish(List<Coordinate> mapRing, String label) {
        Consumer<Area> whenDone = done;
        Geometry shape = lonLat(mapRing);
        stop();
        vm.messageProperty().set("");
        whenDone.accept(Area.inside(shape, label));
    }

    /** The ring (map metres, not closed) as a polygon in longitude/latitude. */
    private Geometry lonLat(List<Coordinate> mapRing) {
        Viewport vp = vm.viewportProperty().get();
        Coordinate[] ll = new Coordinate[mapRing.size() + 1];
        for (int k = 0; k < mapRing.size(); k++) {
            ll[k] = vp.projection().toLonLat(mapRing.get(k).x, mapRing.get(k).y);
        }
        ll[mapRing.size()] = ll[0];
        return gf.createPolygon(ll);
    }

    /** The filter's area and the shape being drawn, where the view now puts them. */
    private void redraw() {
        var layer = canvas.sketchLayer().getChildren();
        layer.clear();
        Viewport vp = vm.viewportProperty().get();
        if (vp == null) {
            return;
        }
        Area area = vm.filter().area();
        if (area != null && drawing == null) {
            Geometry outline = vp.projection().toMap(area.outline(72));
            for (int g = 0; g < outline.getNumGeometries(); g++) {
                org.locationtech.jts.geom.Polygon p = (org.locationtech.jts.geom.Polygon) outline.getGeometryN(g);
                Polygon shape = new Polygon(screen(vp, List.of(p.getExteriorRing().getCoordinates())));
                shape.setFill(FILL);
                shape.setStroke(EDGE);
                shape.setStrokeWidth(2);
                shape.getStrokeDashArray().setAll(8.0, 5.0);
                shape.getStyleClass().add("filter-area");
                layer.add(shape);
            }
        }
        if (drawing == Shape.RECTANGLE && corners.size() == 1 && pointer != null) {
            Point2D a = vp.toScreen(corners.get(0).x, corners.get(0).y);
            Point2D b = vp.toScreen(pointer.x, pointer.y);
            Rectangle r = new Rectangle(Math.min(a.getX(), b.getX()), Math.min(a.getY(), b.getY()),
                    Math.abs(a.getX() - b.getX()), Math.abs(a.getY() - b.getY()));
            sketched(r);
            layer.add(r);
        } else if (drawing == Shape.POLYGON && !corners.isEmpty()) {
            List<Coordinate> open = new ArrayList<>(corners);
            if (pointer != null) {
                open.add(pointer);
            }
            Polyline line = new Polyline(screen(vp, open));
            sketched(line);
            layer.add(line);
        }
    }

    private static void sketched(javafx.scene.shape.Shape s) {
        s.setFill(FILL);
        s.setStroke(EDGE);
        s.setStrokeWidth(2);
        s.getStyleClass().add("area-sketch");
    }

    private static double[] screen(Viewport vp, List<Coordinate> map) {
        double[] xy = new double[2 * map.size()];
        for (int k = 0; k < map.size(); k++) {
            Point2D s = vp.toScreen(map.get(k).x, map.get(k).y);
            xy[2 * k] = s.getX();
            xy[2 * k + 1] = s.getY();
        }
        return xy;
    }
}
