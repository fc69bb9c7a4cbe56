package kz.incidentmap.render;

import java.awt.Graphics2D;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * One frame as it is drawn: the target, the view, the symbolizer painter and label placer every layer
 * shares, the context's caches, and the groups drawn so far. One thread's, for one frame.
 */
final class FrameDrawing {

    private final Graphics2D g;
    private final Viewport viewport;
    private final SymbolizerPainter painter;
    private final LabelPlacer labels;
    private final BooleanSupplier cancelled;
    private final RenderContext context;
    private final FrameGroups.Builder groups = new FrameGroups.Builder();

    FrameDrawing(Graphics2D g, Viewport viewport, SymbolizerPainter painter, LabelPlacer labels,
            BooleanSupplier cancelled, RenderContext context) {
        this.g = g;
        this.viewport = viewport;
        this.painter = painter;
        this.labels = labels;
        this.cancelled = cancelled;
        this.context = context;
    }

    Graphics2D graphics() {
        return g;
    }

    Viewport viewport() {
        return viewport;
    }

    SymbolizerPainter painter() {
        return painter;
    }

    LabelPlacer labels() {
        return labels;
    }

    RenderContext context() {
        return context;
    }

    /** Whether a newer frame was asked for meanwhile. */
    boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    /** Stops the frame with a {@link CancellationException} when a newer one was asked for. */
    void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("frame superseded");
        }
    }

    /** Where painters record the clusters they drew, for a click on the frame. */
    FrameGroups.Builder groups() {
        return groups;
    }
}
