package kz.incidentmap.view;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.Group;
import javafx.scene.Scene;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.CountryOutlines;
import kz.incidentmap.layers.IncidentIndexLoad;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.render.PreviewFrame;
import kz.incidentmap.render.Viewport;
import org.locationtech.jts.geom.Envelope;

/**
 * The low-detail map a starting window shows from its first moment (see {@link PreviewFrame}), while
 * the map loads and the window's controls are built on the JavaFX thread, which takes most of a cold
 * start. It is drawn on a worker, at the place in the window and the view the window's map will have:
 * those the window remembered when it last closed ({@link #remember}), or, at the first start, where
 * the map lies in a window of the default size. The window's first real frame replaces it.
 *
 * <p>A record on a server is shown from what its local copy held when last opened, with a note, until
 * the copy is brought up to the server's state (see {@code MapApplication}).
 */
final class StartupPreview {

    /** Where the map lies in a new 1400 × 900 window: beside the layers and details panes, above the timeline. */
    private static final double[] FIRST_AREA = {254, 95, 763, 544};
    /** The JavaFX thread waits this long at most for the preview before it builds the window anyway. */
    private static final long WAIT_NANOS = 1_500_000_000L;
    /** How long the preview may take to be drawn to the window before the window is built anyway. */
    private static final long SEEN_NANOS = 600_000_000L;
    /** Where JavaFX cannot tell when it drew a frame: the time given to the window system to show it. */
    private static final long UNWATCHED_NANOS = 200_000_000L;
    /** The background of JavaFX's default theme, which the window's panes show round the map. */
    private static final Color WINDOW_BACKGROUND = Color.rgb(0xF4, 0xF4, 0xF4);

    /** What the preview lies in: the stage's scene's root until the window takes its place. */
    private final Group root = new Group();
    /** An invisible pixel whose change asks JavaFX for one more frame (see {@link #showThen}). */
    private final Rectangle nudge = new Rectangle(0, 0, 1, 1);
    private final double[] area;
    private final CompletableFuture<BufferedImage> drawn;
    /** What the preview says under the map while it stands for a record being opened; null: nothing. */
    private final StringProperty note;

    private StartupPreview(double[] area, CompletableFuture<BufferedImage> drawn, String note) {
        this.area = area;
        this.drawn = drawn;
        this.note = note == null ? null : new SimpleStringProperty(note);
    }

    /** Any thread: the note under the map says {@code words} from now on (a preview without a note says nothing). */
    void say(String words) {
        if (note != null) {
            Platform.runLater(() -> note.set(words));
        }
    }

    /**
     * JavaFX thread: a scene of {@code width} × {@code height} for the preview, in the window's
     * background colour. It has no stylesheet (see {@code preview.css}): the window's building gives it
     * JavaFX's default one back ({@code setUserAgentStylesheet(null)}).
     */
    Scene scene(double width, double height) {
        Scene scene = new Scene(root, width, height, WINDOW_BACKGROUND);
        scene.setUserAgentStylesheet(StartupPreview.class.getResource("preview.css").toExternalForm());
        return scene;
    }

    /** Starts drawing the preview on {@code workers}, for the map's place the settings hold. */
    static StartupPreview start(Workers workers, WindowSettings settings, Path mapsDir, IncidentIndexLoad index) {
        return start(workers, settings, mapsDir, index, null);
    }

    /** The same, saying {@code note} under the map; an index that reads null draws the countries alone. */
    static StartupPreview start(Workers workers, WindowSettings settings, Path mapsDir, IncidentIndexLoad index,
            String note) {
        double[] area = area(settings);
        return new StartupPreview(area, workers.supply(() -> draw(area, settings, mapsDir, index)), note);
    }

    /** Worker thread: the preview of the map at {@code area} (x, y, width, height in the scene). */
    static BufferedImage draw(double[] area, WindowSettings settings, Path mapsDir, IncidentIndexLoad index)
            throws Exception {
        CountryOutlines countries = CountryOutlines.read(mapsDir, MapProjection.kazakhstan());
        int w = (int) Math.round(area[2]);
        int h = (int) Math.round(area[3]);
        Envelope home = countries.home();
        Envelope near = new Envelope(home);
        near.expandBy(Math.max(near.getWidth(), near.getHeight()));
        // The view the window's map opens at (MapWindow.attach): the remembered one, else the country.
        Viewport vp = ViewMemory.view(settings, near, w, h).orElse(Viewport.fitting(home, w, h, 20));
        boolean incidents = !"false".equals(settings.get("layer." + IncidentLayer.NAME + ".visible").orElse("true"));
        return PreviewFrame.draw(vp, countries, incidents ? index.index() : null);
    }

    /**
     * JavaFX thread, once the stage is shown: when the preview is drawn, shows it, waits until JavaFX
     * has drawn it to the window, runs {@code onScreen}, then {@code next} (the window's building).
     * {@code next} runs without {@code onScreen} when the preview failed, was not ready in time, or was
     * not seen drawn within a moment.
     */
    void showThen(Runnable onScreen, Runnable next) {
        long shown = System.nanoTime();
        AtomicBoolean seen = new AtomicBoolean();
        new AnimationTimer() {
            private long placed = -1;
            private boolean armed;
            private boolean watched;

            @Override
            public void handle(long now) {
                if (placed < 0) {
                    if (drawn.isDone() && !drawn.isCompletedExceptionally()) {
                        place(drawn.join());
                        placed = System.nanoTime();
                    } else if (drawn.isDone() || System.nanoTime() - shown > WAIT_NANOS) {
                        stop();
                        next.run();
                    }
                    return;
                }
                if (!armed) {
                    // From the pulse after the one that placed it, every frame drawn holds the preview;
                    // one more is asked for, in case that pulse's frame was already drawn.
                    armed = true;
                    watched = RenderedFrames.after(root.getScene(), () -> seen.set(true));
                    nudge.setVisible(!nudge.isVisible());
                    return;
                }
                boolean late = System.nanoTime() - placed > (watched ? SEEN_NANOS : UNWATCHED_NANOS);
                if (seen.get() || late) {
                    stop();
                    RenderedFrames.stop(root.getScene());
                    if (seen.get() || !watched) {
                        onScreen.run();
                    }
                    next.run();
                }
            }
        }.start();
    }

    private void place(BufferedImage awt) {
        int[] pixels = ((DataBufferInt) awt.getRaster().getDataBuffer()).getData();
        PixelBuffer<IntBuffer> buffer = new PixelBuffer<>(awt.getWidth(), awt.getHeight(), IntBuffer.wrap(pixels),
                PixelFormat.getIntArgbPreInstance());
        ImageView view = new ImageView(new WritableImage(buffer));
        view.setId("startup-preview");
        view.relocate(area[0], area[1]);
        nudge.setFill(Color.TRANSPARENT);
        root.getChildren().setAll(view, nudge);
        if (note != null) {
            Text words = new Text();
            words.textProperty().bind(note);
            words.setId("startup-note");
            words.relocate(area[0] + 8, area[1] + area[3] + 8);
            root.getChildren().add(words);
        }
    }

    /** The map's place in the scene, as remembered, else where a new window puts it. */
    static double[] area(WindowSettings settings) {
        double[] a = {
            settings.number("map.x").orElse(FIRST_AREA[0]), settings.number("map.y").orElse(FIRST_AREA[1]),
            settings.number("map.width").orElse(FIRST_AREA[2]), settings.number("map.height").orElse(FIRST_AREA[3])};
        return a[2] >= 1 && a[3] >= 1 && a[2] <= 20_000 && a[3] <= 20_000 ? a : FIRST_AREA.clone();
    }

    /** Remembers where the map lies in the window's scene, for the next start's preview; the caller saves. */
    static void remember(WindowSettings settings, javafx.geometry.Bounds mapInScene) {
        settings.put("map.x", Math.round(mapInScene.getMinX()));
        settings.put("map.y", Math.round(mapInScene.getMinY()));
        settings.put("map.width", Math.round(mapInScene.getWidth()));
        settings.put("map.height", Math.round(mapInScene.getHeight()));
    }
}
