package kz.incidentmap.view;

import java.awt.geom.Point2D;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.image.ImageView;
import javafx.scene.AccessibleRole;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Affine;
import javafx.util.Duration;
import kz.incidentmap.layers.MapModel;
import kz.incidentmap.render.RenderContext;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.render.ZoomSteps;

/**
 * The map control: shows the last finished frame and moves it at once with every gesture (drag to
 * pan, wheel or +/− to zoom about the pointer) while the next frame renders on a worker thread.
 * Selection highlights are JavaFX nodes over the image. All methods run on the JavaFX thread.
 */
final class MapCanvas extends Region {

    /** How long the view must be still before the next frames are drawn ahead. */
    private static final Duration STILL = Duration.millis(250);
    private static final double CLICK_SLOP_PX = 4;
    /** An arrow key pans by this share of the view. */
    private static final double ARROW_STEP = 0.2;
    private static final String STYLE = "-fx-background-color: #c9ddeb;";

    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(this, "viewport");
    private final ObjectProperty<MapModel> model = new SimpleObjectProperty<>(this, "model");
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private Resizer resizer = Viewport::resized;
    private final ReadOnlyStringWrapper renderError = new ReadOnlyStringWrapper(this, "renderError");
    private final ImageView frameView = new ImageView();
    private final Pane overlay = new Pane();
    /** Shapes drawn over the map by others (the filter's area, one being drawn), in screen pixels. */
    private final Pane sketch = new Pane();
    /** The user's own places with their rings, under what is being drawn. */
    private final Pane places = new Pane();
    /** The route of the event being played, over the map and its clusters. */
    private final Pane route = new Pane();
    /** The measure tool's line or polygon, over everything else. */
    private final Pane measure = new Pane();
    private final Rectangle focusFrame = new Rectangle();
    private final RenderScheduler scheduler;
    /** Runs when the view has been still a moment after its frame was shown: the drawing ahead starts. */
    private final PauseTransition still = new PauseTransition(STILL);
    /** Whether a frame was asked for and is not shown yet: nothing is drawn ahead meanwhile. */
    private boolean framePending;
    /** Where the pointer is over the map, pixels, or NaN when it is elsewhere: the wheel zooms about it. */
    private double pointerX = Double.NaN;
    private double pointerY = Double.NaN;
    private FrameImage frame;
    private List<double[]> highlights = List.of();
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragged;
    private BiConsumer<Double, Double> onMapClick = (x, y) -> { };
    private BiConsumer<Double, Double> onPointerMoved = (x, y) -> { };
    private Runnable onPointerLeft = () -> { };
    private Runnable onHome = () -> { };

    /** @param rendering the window's rendering context, which every frame draws with */
    MapCanvas(RenderContext rendering) {
        scheduler = new RenderScheduler(rendering);
        getStyleClass().add("map-canvas");
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        // A visible focus, over the frame: the keyboard's arrows pan the map only while it has it.
        focusFrame.setFill(Color.TRANSPARENT);
        focusFrame.setStroke(Color.web("#0078d7"));
        focusFrame.setStrokeWidth(3);
        focusFrame.setMouseTransparent(true);
        focusFrame.visibleProperty().bind(focusedProperty());
        overlay.setMouseTransparent(true);
        sketch.setMouseTransparent(true);
        sketch.setId("map-sketch");
        places.setMouseTransparent(true);
        places.setId("map-my-places");
        measure.setMouseTransparent(true);
        measure.setId("map-measure");
        route.setMouseTransparent(true);
        getChildren().addAll(frameView, overlay, places, route, sketch, measure, focusFrame);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setStyle(STYLE);
        viewport.addListener((obs, old, vp) -> viewChanged());
        model.addListener((obs, old, m) -> viewChanged());
        widthProperty().addListener((obs, o, n) -> resized());
        heightProperty().addListener((obs, o, n) -> resized());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            pointerAt(e.getX(), e.getY());
            onPointerMoved.accept(e.getX(), e.getY());
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            pointerAt(Double.NaN, Double.NaN);
            onPointerLeft.run();
        });
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        still.setOnFinished(e -> drawAhead());
    }

    /** Keys of the focused map: arrows pan, + and − zoom, 0 and Home show all of Kazakhstan. */
    private void keyPressed(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        Viewport vp = viewport.get();
        switch (e.getCode()) {
            case PLUS, EQUALS, ADD -> zoomBy(2);
            case MINUS, SUBTRACT -> zoomBy(0.5);
            case DIGIT0, NUMPAD0, HOME -> onHome.run();
            case LEFT, RIGHT, UP, DOWN -> {
                if (vp != null) {
                    double dx = e.getCode() == KeyCode.LEFT ? 1 : e.getCode() == KeyCode.RIGHT ? -1 : 0;
                    double dy = e.getCode() == KeyCode.UP ? 1 : e.getCode() == KeyCode.DOWN ? -1 : 0;
                    viewport.set(vp.pannedBy(dx * vp.width() * ARROW_STEP, dy * vp.height() * ARROW_STEP));
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    ObjectProperty<MapModel> modelProperty() {
        return model;
    }

    /** True once the first frame is on screen: work that can wait for it (the legend) starts then. */
    ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The message of the last failed frame, or empty. */
    ReadOnlyStringProperty renderErrorProperty() {
        return renderError.getReadOnlyProperty();
    }

    void setOnMapClick(BiConsumer<Double, Double> handler) {
        onMapClick = handler;
    }

    void setOnPointerMoved(BiConsumer<Double, Double> handler) {
        onPointerMoved = handler;
    }

    void setOnPointerLeft(Runnable handler) {
        onPointerLeft = handler;
    }

    /** What the view becomes when the map gets another size. */
    interface Resizer {
        Viewport resized(Viewport vp, int width, int height);
    }

    /** How a new size changes the view; by default the centre and the scale stay. */
    void setResizer(Resizer r) {
        resizer = r;
    }

    /** What 0 and Home do: show all of Kazakhstan. */
    void setOnHome(Runnable handler) {
        onHome = handler;
    }

    /**
     * Zoom about the centre of the map; a factor of whole wheel steps steps as the wheel does (the keys'
     * 2 and ½ double and halve the scale exactly), so that the tiles drawn ahead for the step are the ones
     * its frame needs.
     */
    void zoomBy(double factor) {
        Viewport vp = viewport.get();
        if (vp != null) {
            double rungs = Math.log(factor) / Math.log(2) * ZoomSteps.RUNGS_PER_DOUBLING;
            viewport.set(Math.abs(rungs - Math.rint(rungs)) < 1e-9
                    ? ZoomSteps.stepped(vp, vp.width() / 2.0, vp.height() / 2.0, (int) Math.rint(rungs))
                    : vp.zoomedAt(vp.width() / 2.0, vp.height() / 2.0, factor));
        }
    }

    /** Map points (map metres) to ring on top of the image, e.g. the selected incidents. */
    void setHighlights(List<double[]> mapPoints) {
        highlights = List.copyOf(mapPoints);
        placeHighlights();
    }

    /** A layer over the map, under the focus frame, for shapes in screen pixels; its owner redraws them as the view moves. */
    Pane sketchLayer() {
        return sketch;
    }

    Pane placesLayer() {
        return places;
    }

    Pane routeLayer() {
        return route;
    }

    Pane measureLayer() {
        return measure;
    }

    /** The frame now shown, or null before the first. */
    FrameImage currentFrame() {
        return frame;
    }

    private void resized() {
        int w = (int) Math.max(1, Math.round(getWidth()));
        int h = (int) Math.max(1, Math.round(getHeight()));
        Viewport vp = viewport.get();
        if (vp != null && (vp.width() != w || vp.height() != h)) {
            viewport.set(resizer.resized(vp, w, h));
        }
    }

    private void viewChanged() {
        Viewport vp = viewport.get();
        MapModel m = model.get();
        placeFrame();
        placeHighlights();
        still.stop();
        if (vp != null && m != null) {
            framePending = true;
            scheduler.request(m, vp, this::show, e -> {
                framePending = false;
                renderError.set(String.valueOf(e.getMessage()));
            });
        }
    }

    /** The pointer moved: the wheel's next views move with it, so what is drawn ahead starts again. */
    private void pointerAt(double x, double y) {
        pointerX = x;
        pointerY = y;
        if (!framePending && frame != null) {
            scheduler.stopAhead();
            still.playFromStart();
        }
    }

    /** The view has been still since its frame was shown: the frames a zoom may lead to are drawn ahead. */
    private void drawAhead() {
        Viewport vp = viewport.get();
        MapModel m = model.get();
        if (framePending || vp == null || m == null) {
            return;
        }
        double px = Double.isNaN(pointerX) ? vp.width() / 2.0 : pointerX;
        double py = Double.isNaN(pointerY) ? vp.height() / 2.0 : pointerY;
        scheduler.drawAhead(m, vp, ZoomSteps.next(vp, px, py));
    }

    private void show(FrameImage f) {
        framePending = false;
        still.playFromStart();
        frame = f;
        shown.set(true);
        frameView.setImage(f.fx());
        renderError.set("");
        placeFrame();
    }

    /** Puts the last frame where its map area is in the current viewport: instant pan and zoom. */
    private void placeFrame() {
        Viewport cur = viewport.get();
        if (frame == null || cur == null) {
            return;
        }
        Viewport f = frame.viewport();
        double k = f.metresPerPixel() / cur.metresPerPixel();
        double tx = -f.width() / 2.0 * k + (f.centerX() - cur.centerX()) / cur.metresPerPixel() + cur.width() / 2.0;
        double ty = -f.height() / 2.0 * k - (f.centerY() - cur.centerY()) / cur.metresPerPixel() + cur.height() / 2.0;
        frameView.getTransforms().setAll(new Affine(k, 0, tx, 0, k, ty));
    }

    private void placeHighlights() {
        Viewport vp = viewport.get();
        overlay.getChildren().clear();
        if (vp == null) {
            return;
        }
        for (double[] p : highlights) {
            Point2D s = vp.toScreen(p[0], p[1]);
            Circle ring = new Circle(s.getX(), s.getY(), 14, Color.TRANSPARENT);
            ring.setStroke(Color.web("#00bcd4"));
            ring.setStrokeWidth(3);
            ring.getStyleClass().add("selection-ring");
            overlay.getChildren().add(ring);
        }
    }

    private void pressed(MouseEvent e) {
        // A drag may start: nothing drawn ahead takes a core from its frames.
        scheduler.stopAhead();
        still.stop();
        requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        dragged = false;
    }

    private void dragged(MouseEvent e) {
        Viewport vp = viewport.get();
        if (vp == null || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (Math.hypot(e.getX() - pressX, e.getY() - pressY) > CLICK_SLOP_PX) {
            dragged = true;
        }
        if (dragged) {
            viewport.set(vp.pannedBy(e.getX() - lastX, e.getY() - lastY));
            lastX = e.getX();
            lastY = e.getY();
        }
    }

    private void released(MouseEvent e) {
        if (!dragged && e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
            onMapClick.accept(e.getX(), e.getY());
        }
    }

    private void scrolled(ScrollEvent e) {
        Viewport vp = viewport.get();
        if (vp == null || e.getDeltaY() == 0) {
            return;
        }
        viewport.set(ZoomSteps.wheel(vp, e.getX(), e.getY(), e.getDeltaY()));
        e.consume();
    }

    @Override
    protected void layoutChildren() {
        overlay.resizeRelocate(0, 0, getWidth(), getHeight());
        sketch.resizeRelocate(0, 0, getWidth(), getHeight());
        places.resizeRelocate(0, 0, getWidth(), getHeight());
        route.resizeRelocate(0, 0, getWidth(), getHeight());
        measure.resizeRelocate(0, 0, getWidth(), getHeight());
        focusFrame.setX(1.5);
        focusFrame.setY(1.5);
        focusFrame.setWidth(Math.max(0, getWidth() - 3));
        focusFrame.setHeight(Math.max(0, getHeight() - 3));
    }

    /** Stops the render worker; called when the window closes. */
    void dispose() {
        still.stop();
        scheduler.close();
    }
}
