package kz.incidentmap.render;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kz.incidentmap.layers.ClusterStyles;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.style.Style;

/**
 * What the frames of one window (or one command) share: the marker sprites drawn so far, the clustered
 * versions of styles and their frame schemas (frames come many times a second, and these are made once),
 * and the second core on which a frame's incident groups are found while the basemap is drawn. Made
 * by the window or the command that draws, handed to each {@link MapRenderer} and
 * {@link PageExporter}, and closed with the window. Thread-safe: the window's frames and its exports
 * draw with it at once.
 */
public final class RenderContext implements AutoCloseable {

    private final ExecutorService secondCore;
    private final SpriteCache sprites = new SpriteCache();
    private final BaseFrames baseFrames = new BaseFrames();
    private final Map<Style, Style> clustered = Collections.synchronizedMap(new WeakHashMap<>());
    private final Map<SimpleFeatureType, SimpleFeatureType> clusterTypes = Collections.synchronizedMap(new WeakHashMap<>());

    private RenderContext(ExecutorService secondCore) {
        this.secondCore = secondCore;
    }

    /**
     * A context for a window or a command: on a machine with two cores or more, a frame finds its
     * incident groups on a second thread, started on the first frame and stopped by {@link #close}.
     */
    public static RenderContext open() {
        return new RenderContext(Runtime.getRuntime().availableProcessors() < 2 ? null
                : Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "frame-incidents");
                    t.setDaemon(true);
                    return t;
                }));
    }

    /** A context that draws all of a frame on the calling thread: nothing to close (a test, a preview). */
    public static RenderContext singleThreaded() {
        return new RenderContext(null);
    }

    /** The second core, or null when the frame is drawn on one thread. */
    ExecutorService secondCore() {
        return secondCore;
    }

    /** The basemap kept from the frames before, for frames of the same view. */
    BaseFrames baseFrames() {
        return baseFrames;
    }

    SpriteCache sprites() {
        return sprites;
    }

    /** {@link ClusterStyles#clustered} of {@code base}, made once per style. */
    Style clusteredStyle(Style base) {
        return clustered.computeIfAbsent(base, ClusterStyles::clustered);
    }

    /** {@link FrameLayers#clusterType} of {@code in}, made once per schema. */
    SimpleFeatureType clusterType(SimpleFeatureType in) {
        return clusterTypes.computeIfAbsent(in, FrameLayers::clusterType);
    }

    /** Stops the second core; frames drawn afterwards run on their own thread. */
    @Override
    public void close() {
        if (secondCore != null) {
            secondCore.shutdownNow();
        }
    }
}
