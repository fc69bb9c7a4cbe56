package kz.incidentmap.view;

import com.sun.javafx.perf.PerformanceTracker;
import javafx.scene.Scene;

/**
 * Tells when JavaFX has drawn a frame of a scene to its window: JavaFX has no public word for it, so
 * this asks its performance tracker, which the toolkit calls after each frame it renders. The start-up
 * preview needs it: the JavaFX thread, taken next by the window's building for a second or two, must not
 * be taken before the preview is on the screen. Where the tracker cannot be reached (JavaFX as named
 * modules, which do not export it), the caller is told so and waits its own way.
 */
final class RenderedFrames {

    private RenderedFrames() {
    }

    /**
     * JavaFX thread: runs {@code task} (on the rendering thread) after each frame of {@code scene} drawn
     * from now on, until {@link #stop}; false when this JavaFX does not let it be asked.
     */
    static boolean after(Scene scene, Runnable task) {
        try {
            PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(task);
            return true;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    /** JavaFX thread: no more tasks for {@code scene}'s frames. */
    static void stop(Scene scene) {
        try {
            PerformanceTracker.releaseSceneTracker(scene);
        } catch (LinkageError | RuntimeException e) {
            // never started
        }
    }
}
