package kz.incidentmap.view;

import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import kz.incidentmap.geo.DistanceText;
import kz.incidentmap.geo.Geodesy;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.model.MyPlace;
import kz.incidentmap.render.Viewport;
import org.locationtech.jts.geom.Coordinate;

/**
 * Draws the user's own places over the map: a point with the place's name and a dashed ring at each of its
 * distances, computed on the WGS 84 ellipsoid (so a 5 km ring is 5 km away in every direction, whatever
 * the projection does to it). The rings are worked out in map metres when the places change, and only
 * placed on the screen when the view moves. JavaFX thread only.
 */
final class MyPlacesOverlay {

    /** Points on a ring: smooth at any zoom the rings are worth drawing at. */
    static final int RING_POINTS = 96;
    private static final Color INK = Color.web("#6a1b9a");
    private static final Color HALO = Color.web("#ffffff", 0.85);

    private final MapCanvas canvas;
    private final MapViewModel vm;
    private final ObservableList<MyPlace> places;
    private List<Drawn> drawn = List.of();

    /** A place in map metres: its point, and each ring's points with its distance. */
    private record Drawn(MyPlace place, Coordinate point, List<Coordinate[]> rings) { }

    MyPlacesOverlay(MapCanvas canvas, MapViewModel vm, ObservableList<MyPlace> places) {
        this.canvas = canvas;
        this.vm = vm;
        this.places = places;
        places.addListener((ListChangeListener<MyPlace>) c -> placesChanged());
        vm.viewportProperty().addListener((o, a, b) -> {
            if (a == null || b == null || a.projection() != b.projection()) {
                placesChanged();
            } else {
                redraw();
            }
        });
    }

    private void placesChanged() {
        Viewport vp = vm.viewportProperty().get();
        if (vp == null) {
            drawn = List.of();
            redraw();
            return;
        }
        MapProjection projection = vp.projection();
        List<Drawn> out = new ArrayList<>();
        for (MyPlace p : places) {
            List<Coordinate[]> rings = new ArrayList<>();
            for (int metres : p.rings()) {
                Coordinate[] ring = Geodesy.ring(p.lon(), p.lat(), metres, RING_POINTS);
                Coordinate[] map = new Coordinate[ring.length];
                for (int k = 0; k < ring.length; k++) {
                    map[k] = projection.toMap(ring[k].x, ring[k].y);
                }
                rings.add(map);
            }
            out.add(new Drawn(p, projection.toMap(p.lon(), p.lat()), rings));
        }
        drawn = out;
        redraw();
    }

    /** The places where the view now puts them. */
    private void redraw() {
        var layer = canvas.placesLayer().getChildren();
        layer.clear();
        Viewport vp = vm.viewportProperty().get();
        if (vp == null) {
            return;
        }
        for (Drawn d : drawn) {
            for (int r = 0; r < d.rings().size(); r++) {
                Coordinate[] ring = d.rings().get(r);
                double[] xy = new double[2 * (ring.length - 1)];
                for (int k = 0; k < ring.length - 1; k++) {
                    Point2D s = vp.toScreen(ring[k].x, ring[k].y);
                    xy[2 * k] = s.getX();
                    xy[2 * k + 1] = s.getY();
                }
                Polygon shape = new Polygon(xy);
                shape.setFill(null);
                shape.setStroke(INK);
                shape.setStrokeWidth(1.5);
                shape.getStrokeDashArray().setAll(6.0, 4.0);
                shape.getStyleClass().add("my-place-ring");
                layer.add(shape);
                // The ring's distance at its northern point (direction 0 is half way round from -180).
                Point2D north = vp.toScreen(ring[RING_POINTS / 2].x, ring[RING_POINTS / 2].y);
                layer.add(text(DistanceText.of(d.place().rings().get(r), vm.texts()), north.getX() + 3, north.getY() - 3, false));
            }
            Point2D at = vp.toScreen(d.point().x, d.point().y);
            Circle dot = new Circle(at.getX(), at.getY(), 5, INK);
            dot.setStroke(Color.WHITE);
            dot.setStrokeWidth(2);
            dot.getStyleClass().add("my-place-point");
            layer.add(dot);
            Text name = text(d.place().name(), at.getX() + 8, at.getY() + 4, true);
            name.getStyleClass().add("my-place-name");
            layer.add(name);
        }
    }

    private static Text text(String s, double x, double y, boolean bold) {
        Text t = new Text(x, y, s);
        t.setFont(Font.font(null, bold ? FontWeight.BOLD : FontWeight.NORMAL, bold ? 12 : 10));
        t.setFill(INK);
        t.setStroke(HALO);
        t.setStrokeWidth(bold ? 3 : 2.5);
        t.setStyle("-fx-stroke-type: outside;");
        return t;
    }

    /** What is drawn now, for the tests: the nodes of the layer. */
    List<Node> nodes() {
        return List.copyOf(canvas.placesLayer().getChildren());
    }
}
