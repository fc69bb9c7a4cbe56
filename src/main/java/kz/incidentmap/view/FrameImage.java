package kz.incidentmap.view;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import kz.incidentmap.render.FrameGroups;
import kz.incidentmap.render.Viewport;

/**
 * A finished frame: the Java2D image the renderer drew (premultiplied ARGB) and a JavaFX image that
 * shares its pixel array through a {@link PixelBuffer}, so showing it copies nothing.
 *
 * @param viewport the view the frame was drawn for
 * @param awt the Java2D image (worker thread writes it before the frame is published)
 * @param fx the JavaFX image over the same pixels; create and use it on the JavaFX thread
 * @param groups the clusters the frame drew: what a click on it hits
 */
record FrameImage(Viewport viewport, BufferedImage awt, WritableImage fx, FrameGroups groups) {

    /** Called on a worker thread: an image to draw a frame into. */
    static BufferedImage canvasFor(Viewport vp) {
        return new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB_PRE);
    }

    /** Called on the JavaFX thread: wraps the finished pixels for display. */
    static FrameImage publish(Viewport vp, BufferedImage awt, FrameGroups groups) {
        int[] pixels = ((DataBufferInt) awt.getRaster().getDataBuffer()).getData();
        PixelBuffer<IntBuffer> buffer = new PixelBuffer<>(vp.width(), vp.height(), IntBuffer.wrap(pixels),
                PixelFormat.getIntArgbPreInstance());
        return new FrameImage(vp, awt, new WritableImage(buffer), groups);
    }
}
