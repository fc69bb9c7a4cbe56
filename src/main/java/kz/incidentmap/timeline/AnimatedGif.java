package kz.incidentmap.timeline;

import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes frames one by one into an animated GIF that loops, through the JDK's own GIF writer: each
 * frame's image metadata gets its delay, and the first frame the application extension that browsers
 * and image viewers read as "loop forever". Frames are not kept in memory.
 */
public final class AnimatedGif implements Closeable {

    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private final ImageWriter writer;
    private final OutputStream file;
    private final ImageOutputStream out;
    private final int delayCentiseconds;
    private boolean first = true;

    /** Starts a GIF at {@code file}, each frame shown for {@code 1 / fps} seconds. */
    public AnimatedGif(Path file, double fps) throws IOException {
        if (!(fps > 0 && fps <= 50)) {
            throw new IllegalArgumentException("frames per second must be above 0 and at most 50, not " + fps);
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("this Java has no GIF writer");
        }
        this.writer = writers.next();
        this.file = Files.newOutputStream(file);
        this.out = new MemoryCacheImageOutputStream(this.file);
        this.delayCentiseconds = (int) Math.max(2, Math.round(100 / fps));
        writer.setOutput(out);
        writer.prepareWriteSequence(null);
    }

    /** Appends one frame (any image type; reduced to 256 colours of its own, see {@link FramePalette}). */
    public void add(BufferedImage frame) throws IOException {
        BufferedImage indexed = frame.getType() == BufferedImage.TYPE_BYTE_INDEXED ? frame : FramePalette.indexed(frame);
        IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(indexed), null);
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCentiseconds));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            // Sub-block 1, then the loop count 0 (forever) as a little-endian short.
            app.setUserObject(new byte[] {1, 0, 0});
            child(root, "ApplicationExtensions").appendChild(app);
            first = false;
        }
        meta.setFromTree(FORMAT, root);
        writer.writeToSequence(new IIOImage(indexed, null, meta), null);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    @Override
    public void close() throws IOException {
        try {
            writer.endWriteSequence();
        } finally {
            try (OutputStream f = file) {
                out.close();
            } finally {
                writer.dispose();
            }
        }
    }
}
