package kz.incidentmap.view;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import javafx.scene.image.ImageView;
import kz.incidentmap.render.EventRoute;
import kz.incidentmap.render.EventRoutePainter;
import kz.incidentmap.render.Viewport;

/**
 * Draws the event being played over the map, with the same painter as pictures and pages, whenever the
 * route, its step or the view changes. A route is a handful of circles and lines: drawn on the JavaFX
 * thread, in an image the size of the map. JavaFX thread only.
 */
final class EventRouteOverlay {

    private final MapCanvas canvas;
    private final MapViewModel vm;
    private final EventsModel events;
    private final ImageView view = new ImageView();

    EventRouteOverlay(MapCanvas canvas, MapViewModel vm, EventsModel events) {
        this.canvas = canvas;
        this.vm = vm;
        this.events = events;
        view.setId("map-event-route");
        view.setMouseTransparent(true);
        canvas.routeLayer().getChildren().add(view);
        vm.viewportProperty().addListener((o, a, b) -> redraw());
        events.routeProperty().addListener((o, a, b) -> redraw());
    }

    private void redraw() {
        EventRoute route = events.routeProperty().get();
        Viewport vp = vm.viewportProperty().get();
        if (route == null || vp == null) {
            view.setImage(null);
            return;
        }
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            EventRoutePainter.paint(g, vp, route);
        } finally {
            g.dispose();
        }
        view.setImage(AwtImages.toFx(img));
    }

    /** The route's image now shown, or null: for the tests. */
    javafx.scene.image.Image shown() {
        return view.getImage();
    }
}
