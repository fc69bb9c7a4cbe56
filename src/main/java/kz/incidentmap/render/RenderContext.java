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
    private final SpriteCache sprites;
    private final BaseFrames baseFrames;
    private final BaseTiles tiles;
    private final LabelSprites labelSprites;
    private final Map<Style, Style> clustered;
    private final Map<SimpleFeatureType, SimpleFeatureType> clusterTypes;

    private RenderContext(ExecutorService secondCore, BaseTiles tiles) {
        this(secondCore, tiles, tiles == null ? null : new LabelSprites(), new SpriteCache(), new BaseFrames(),
                Collections.synchronizedMap(new WeakHashMap<>()), Collections.synchronizedMap(new WeakHashMap<>()));
    }

    private RenderContext(ExecutorService secondCore, BaseTiles tiles, LabelSprites labelSprites, SpriteCache sprites,
            BaseFrames baseFrames, Map<Style, Style> clustered, Map<SimpleFeatureType, SimpleFeatureType> clusterTypes) {
        this.secondCore = secondCore;
        this.tiles = tiles;
        this.labelSprites = labelSprites;
        this.sprites = sprites;
        this.baseFrames = baseFrames;
        this.clustered = clustered;
        this.clusterTypes = clusterTypes;
    }

    /**
     * What draws ahead of a window's user ({@link FramesAhead}) shares with its frames: the same caches,
     * but its tiles go on their own shelf ({@link BaseTiles#ahead}), its labels are kept as images at once
     * ({@link LabelSprites#eager}), and it draws on its own thread alone, never taking the second core a
     * frame may be waiting for. Null for a context without kept tiles. Nothing to close.
     */
    RenderContext ahead() {
        return tiles == null ? null
                : new RenderContext(null, tiles.ahead(), labelSprites.eager(), sprites, baseFrames, clustered, clusterTypes);
    }

    /**
     * A context for a window or a command: on a machine with two cores or more, a frame finds its
     * incident groups on a second thread, started on the first frame and stopped by {@link #close}.
     */
    public static RenderContext open() {
        return new RenderContext(secondCoreOrNone(), null);
    }

    /**
     * A context for a window, whose frames follow each other over the same area: as {@link #open}, and
     * the basemap is drawn in tiles kept from frame to frame ({@link BaseTiles}), so that a pan draws only
     * what came into view. Not for one-off pictures, which would draw the tiles' overhang for nothing.
     */
    public static RenderContext tiled() {
        return new RenderContext(secondCoreOrNone(), new BaseTiles(BaseTiles.KEPT));
    }

    private static ExecutorService secondCoreOrNone() {
        return Runtime.getRuntime().availableProcessors() < 2 ? null
                : Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "frame-second-core");
                    t.setDaemon(true);
                    return t;
                });
    }

    /** A context that draws all of a frame on the calling thread: nothing to close (a test, a preview). */
    public static RenderContext singleThreaded() {
        return new RenderContext(null, null);
    }

    /** The second core, or null when the frame is drawn on one thread. */
    ExecutorService secondCore() {
        return secondCore;
    }

    /** The basemap kept from the frames before, for frames of the same view. */
    BaseFrames baseFrames() {
        return baseFrames;
    }

    /** The basemap tiles kept from frame to frame, or null when frames are drawn whole. */
    BaseTiles tiles() {
        return tiles;
    }

    /** The labels painted before, copied by the frames of a window ({@link #tiled}); null otherwise. */
    LabelSprites labelSprites() {
        return labelSprites;
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
