package kz.incidentmap.view;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import kz.incidentmap.layers.MapModel;
import kz.incidentmap.render.FrameGroups;
import kz.incidentmap.render.FramesAhead;
import kz.incidentmap.render.MapRenderer;
import kz.incidentmap.render.RenderContext;
import kz.incidentmap.render.Viewport;

/**
 * Renders frames off the JavaFX thread, one at a time, newest request wins: a request made while a
 * frame is drawing cancels it. Finished frames are handed back on the JavaFX thread. While the view is
 * still, another thread draws ahead what the user may ask next ({@link FramesAhead}); any request stops it
 * at once, so that a frame never waits for it.
 */
final class RenderScheduler implements AutoCloseable {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "map-render");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService aheadWorker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "map-draw-ahead");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong aheadGeneration = new AtomicLong();
    private final MapRenderer renderer;
    private final FramesAhead ahead;

    /** @param rendering what the frames share; the window closes it after this scheduler */
    RenderScheduler(RenderContext rendering) {
        this.renderer = new MapRenderer(rendering);
        this.ahead = new FramesAhead(rendering);
    }

    /**
     * Called on the JavaFX thread when the view has been still a moment: draws ahead of {@code now} the
     * views of {@code next} and the tiles round it, on a thread of its own, until {@link #stopAhead} or
     * the next request.
     */
    void drawAhead(MapModel model, Viewport now, List<Viewport> next) {
        long ticket = aheadGeneration.incrementAndGet();
        aheadWorker.execute(() -> {
            if (ticket != aheadGeneration.get()) {
                return;
            }
            try {
                ahead.draw(now, next, model.visibleLayers(), () -> ticket != aheadGeneration.get());
            } catch (CancellationException stopped) {
                // the user acted: what is whole stays kept
            } catch (Exception e) {
                // Drawing ahead only saves time: a failure here shows in the frame that draws the same.
            }
        });
    }

    /** Stops the drawing ahead at once (the user acted). */
    void stopAhead() {
        aheadGeneration.incrementAndGet();
    }

    /**
     * Called on the JavaFX thread with an immutable snapshot of what to draw; {@code onFrame} and
     * {@code onError} are called later on the JavaFX thread, unless a newer request came first.
     */
    void request(MapModel model, Viewport vp, Consumer<FrameImage> onFrame, Consumer<Exception> onError) {
        stopAhead();
        long ticket = generation.incrementAndGet();
        worker.execute(() -> {
            if (ticket != generation.get()) {
                return;
            }
            BufferedImage img = FrameImage.canvasFor(vp);
            Graphics2D g = img.createGraphics();
            try {
                FrameGroups groups = renderer.render(g, vp, model.visibleLayers(), () -> ticket != generation.get())
                        .groups();
                Platform.runLater(() -> {
                    if (ticket == generation.get()) {
                        onFrame.accept(FrameImage.publish(vp, img, groups));
                    }
                });
            } catch (CancellationException superseded) {
                // a newer frame is on its way
            } catch (Exception e) {
                Platform.runLater(() -> onError.accept(e));
            } finally {
                g.dispose();
            }
        });
    }

    @Override
    public void close() {
        stopAhead();
        aheadWorker.shutdownNow();
        worker.shutdownNow();
    }
}
