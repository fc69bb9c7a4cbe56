package kz.incidentmap.view;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.EventStop;
import kz.incidentmap.render.EventRoute;
import kz.incidentmap.render.Viewport;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The bar over the map while an event plays: previous and next step, the step in words, and a button to
 * stop. Playing starts with the whole route in view; a step whose stop is out of view brings it in.
 * JavaFX thread only.
 */
final class EventPlaybackBar extends HBox {

    /** Metres the view shows at least round a route, so that a route inside one city shows its streets. */
    private static final double LEAST_SPAN = 1_200;

    private final EventsModel events;
    private final MapViewModel vm;
    private final Texts texts;
    private final Label step = new Label();
    private final Button previous;
    private final Button next;

    EventPlaybackBar(EventsModel events, MapViewModel vm, Texts texts) {
        super(6);
        this.events = events;
        this.vm = vm;
        this.texts = texts;
        setId("event-playback");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        setStyle("-fx-background-color: rgba(255,255,255,0.92); -fx-background-radius: 6;"
                + " -fx-border-color: #b71c1c; -fx-border-radius: 6;");
        // Of one width whatever the step says, so that the buttons stay under the pointer while stepping.
        setPrefWidth(660);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        previous = new Button("\u25C0");
        previous.setId("event-previous");
        previous.setTooltip(new Tooltip(texts.text("events.previous")));
        previous.setAccessibleText(texts.text("events.previous"));
        previous.setOnAction(e -> events.previous());
        next = new Button("\u25B6");
        next.setId("event-next");
        next.setTooltip(new Tooltip(texts.text("events.next")));
        next.setAccessibleText(texts.text("events.next"));
        next.setOnAction(e -> events.next());
        Button close = new Button("\u2715");
        close.setId("event-stop");
        close.setTooltip(new Tooltip(texts.text("events.stop")));
        close.setAccessibleText(texts.text("events.stop"));
        close.setOnAction(e -> events.stop());
        step.setId("event-step");
        // A screen reader reads the step shown; before one is, what the bar is for.
        step.accessibleTextProperty().bind(javafx.beans.binding.Bindings.when(step.textProperty().isEmpty())
                .then(texts.text("details.playEvent")).otherwise(step.textProperty()));
        step.setStyle("-fx-font-weight: bold;");
        step.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(step, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(previous, next, step, close);
        setVisible(false);
        setManaged(false);
        events.routeProperty().addListener((o, was, now) -> changed(was, now));
    }

    private void changed(EventRoute was, EventRoute now) {
        setVisible(now != null);
        setManaged(now != null);
        if (now == null) {
            return;
        }
        EventStop at = events.current();
        step.setText(texts.format("events.stepOf", now.step(), now.stops().size(), now.title(),
                at == null ? "" : at.incident().title() + (at.time() == null ? "" : " (" + at.time() + ")")));
        previous.setDisable(now.step() <= 1);
        next.setDisable(now.step() >= now.stops().size());
        Viewport vp = vm.viewportProperty().get();
        if (vp == null) {
            return;
        }
        if (was == null || !was.title().equals(now.title()) || !was.stops().equals(now.stops())) {
            vm.viewportProperty().set(whole(now, vp));
        } else if (at != null) {
            Coordinate c = vp.projection().toMap(at.incident().lon(), at.incident().lat());
            if (!vp.bounds().contains(c)) {
                vm.viewportProperty().set(vp.pannedTo(c.x, c.y));
            }
        }
    }

    /** A view of the window's size that holds the whole route. */
    static Viewport whole(EventRoute route, Viewport vp) {
        MapProjection projection = vp.projection();
        Envelope box = new Envelope();
        for (EventRoute.Stop s : route.stops()) {
            box.expandToInclude(projection.toMap(s.lon(), s.lat()));
        }
        box.expandBy(Math.max(0, (LEAST_SPAN - box.getWidth()) / 2), Math.max(0, (LEAST_SPAN - box.getHeight()) / 2));
        return Viewport.fitting(box, vp.width(), vp.height(), 60, projection);
    }
}
