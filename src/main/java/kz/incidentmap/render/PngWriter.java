package kz.incidentmap.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a PNG (8-bit RGB, or RGBA when the image has alpha) with its resolution in the {@code pHYs}
 * chunk, so that print software sizes it right.
 *
 * <p>Encoded here rather than through ImageIO: ImageIO's first use looks up every image plug-in on the
 * class path, and its writer tries all five row filters and compresses at a slow level. A page of flat
 * map colours compresses almost as well (a file about a quarter larger) with the better of two cheap
 * filters per row and a fast level, in a fraction of the time.
 */
final class PngWriter {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** Compressed image data goes out in IDAT chunks of at most this many bytes. */
    private static final int IDAT_SIZE = 1 << 18;
    private static final int COMPRESSION = 3;
    /** The PNG filter types used: each byte minus the one to its left, or minus the one above. */
    private static final int SUB = 1;
    private static final int UP = 2;

    private PngWriter() {
    }

    static void write(BufferedImage image, int dpi, Path file) throws IOException {
        write(image, dpi, "", file);
    }

    /** As {@link #write(BufferedImage, int, Path)}, with {@code description} in an iTXt chunk unless it is empty. */
    static void write(BufferedImage image, int dpi, String description, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(image, dpi, description, out);
        }
    }

    static void write(BufferedImage image, int dpi, OutputStream out) throws IOException {
        write(image, dpi, "", out);
    }

    /**
     * Writes the PNG; a non-empty {@code description} (a redaction's line) goes into an uncompressed
     * iTXt chunk with the keyword "Description", UTF-8, so image viewers show it.
     */
    static void write(BufferedImage image, int dpi, String description, OutputStream out) throws IOException {
        int width = image.getWidth();
        int height = image.getHeight();
        boolean alpha = image.getColorModel().hasAlpha();
        int channels = alpha ? 4 : 3;
        out.write(SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream(13);
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.writeByte(8); // bits per sample
        h.writeByte(alpha ? 6 : 2); // colour type: RGBA or RGB
        h.writeByte(0); // deflate
        h.writeByte(0); // adaptive filtering, one filter per row
        h.writeByte(0); // not interlaced
        chunk(out, "IHDR", header.toByteArray(), header.size());

        ByteArrayOutputStream phys = new ByteArrayOutputStream(9);
        DataOutputStream p = new DataOutputStream(phys);
        int perMetre = (int) Math.round(dpi / 0.0254);
        p.writeInt(perMetre);
        p.writeInt(perMetre);
        p.writeByte(1); // the unit is the metre
        chunk(out, "pHYs", phys.toByteArray(), phys.size());
        if (!description.isEmpty()) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            text.write("Description".getBytes(StandardCharsets.ISO_8859_1));
            // keyword end, not compressed, no method, empty language tag, empty translated keyword
            text.write(new byte[] {0, 0, 0, 0, 0});
            text.write(description.getBytes(StandardCharsets.UTF_8));
            chunk(out, "iTXt", text.toByteArray(), text.size());
        }

        Deflater deflater = new Deflater(COMPRESSION);
        try (IdatStream idat = new IdatStream(out);
                DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
            int rowBytes = width * channels;
            byte[] previous = new byte[rowBytes];
            byte[] current = new byte[rowBytes];
            byte[][] filtered = new byte[UP + 1][rowBytes];
            int[] pixels = new int[width];
            for (int y = 0; y < height; y++) {
                row(image, y, pixels);
                for (int x = 0, i = 0; x < width; x++) {
                    int argb = pixels[x];
                    current[i++] = (byte) (argb >>> 16);
                    current[i++] = (byte) (argb >>> 8);
                    current[i++] = (byte) argb;
                    if (alpha) {
                        current[i++] = (byte) (argb >>> 24);
                    }
                }
                int best = filter(current, previous, channels, filtered);
                z.write(best);
                z.write(filtered[best]);
                byte[] swap = previous;
                previous = current;
                current = swap;
            }
            z.finish();
        } finally {
            deflater.end();
        }
        chunk(out, "IEND", new byte[0], 0);
    }

    /** Row {@code y} as ARGB: straight from the pixel array for the usual packed-int images. */
    private static void row(BufferedImage image, int y, int[] into) {
        int type = image.getType();
        if ((type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && image.getRaster().getDataBuffer() instanceof DataBufferInt data
                && image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel model
                && image.getRaster().getParent() == null) {
            int offset = data.getOffset() + y * model.getScanlineStride();
            System.arraycopy(data.getData(), offset, into, 0, into.length);
            if (type == BufferedImage.TYPE_INT_RGB) {
                for (int x = 0; x < into.length; x++) {
                    into[x] |= 0xFF000000;
                }
            }
        } else {
            image.getRGB(0, y, into.length, 1, into, 0, into.length);
        }
    }

    /**
     * Fills {@code out[1]} and {@code out[2]} with the row under the PNG filters Sub and Up and returns
     * the one whose bytes, read as signed, sum to the least: on flat map colours both are mostly zeros,
     * which compress well, and the three costlier filters gain little.
     */
    private static int filter(byte[] row, byte[] above, int bpp, byte[][] out) {
        byte[] sub = out[SUB];
        byte[] up = out[UP];
        long subSum = 0;
        long upSum = 0;
        for (int i = 0; i < row.length; i++) {
            int x = row[i];
            byte s = (byte) (x - (i >= bpp ? row[i - bpp] : 0));
            byte u = (byte) (x - above[i]);
            sub[i] = s;
            up[i] = u;
            subSum += Math.abs(s);
            upSum += Math.abs(u);
        }
        return upSum < subSum ? UP : SUB;
    }

    private static void chunk(OutputStream out, String type, byte[] data, int length) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, 0, length);
        writeInt(out, length);
        out.write(name);
        out.write(data, 0, length);
        writeInt(out, (int) crc.getValue());
    }

    private static void writeInt(OutputStream out, int v) throws IOException {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    /** Cuts the compressed stream into IDAT chunks; closing it writes the last one, not the file's end. */
    private static final class IdatStream extends OutputStream {
        private final OutputStream out;
        private final byte[] buffer = new byte[IDAT_SIZE];
        private int size;

        IdatStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (size == buffer.length) {
                flushChunk();
            }
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (size == buffer.length) {
                    flushChunk();
                }
                int n = Math.min(len, buffer.length - size);
                System.arraycopy(b, off, buffer, size, n);
                size += n;
                off += n;
                len -= n;
            }
        }

        private void flushChunk() throws IOException {
            if (size > 0) {
                chunk(out, "IDAT", buffer, size);
                size = 0;
            }
        }

        @Override
        public void close() throws IOException {
            flushChunk();
        }
    }
}
