package kz.incidentmap.timeline;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.util.Arrays;

/**
 * Reduces a frame to the 256 colours a GIF holds, from the frame's own colours: the most frequent of
 * its colours at 5 bits a channel, each pixel then taking the nearest of them. A map is mostly a few
 * flat fills, which this keeps exact, where the JDK's fixed palette dithers them into a grain.
 */
final class FramePalette {

    private static final int BUCKETS = 1 << 15;

    private FramePalette() {
    }

    static BufferedImage indexed(BufferedImage frame) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        int[] rgb = frame.getRGB(0, 0, w, h, null, 0, w);
        int[] counts = new int[BUCKETS];
        for (int p : rgb) {
            counts[bucket(p)]++;
        }
        Integer[] order = new Integer[BUCKETS];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Integer.compare(counts[b], counts[a]));
        int size = 0;
        while (size < 256 && counts[order[size]] > 0) {
            size++;
        }
        byte[] r = new byte[Math.max(size, 2)];
        byte[] g = new byte[r.length];
        byte[] b = new byte[r.length];
        for (int i = 0; i < size; i++) {
            int c = order[i];
            r[i] = (byte) (((c >> 10) & 31) << 3 | 4);
            g[i] = (byte) (((c >> 5) & 31) << 3 | 4);
            b[i] = (byte) ((c & 31) << 3 | 4);
        }
        byte[] nearest = new byte[BUCKETS];
        for (int c = 0; c < BUCKETS; c++) {
            if (counts[c] > 0) {
                nearest[c] = (byte) closest(c, r, g, b, size);
            }
        }
        IndexColorModel model = new IndexColorModel(8, r.length, r, g, b);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, model);
        byte[] pixels = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < rgb.length; i++) {
            pixels[i] = nearest[bucket(rgb[i])];
        }
        return out;
    }

    private static int bucket(int argb) {
        return ((argb >> 19) & 31) << 10 | ((argb >> 11) & 31) << 5 | ((argb >> 3) & 31);
    }

    private static int closest(int c, byte[] r, byte[] g, byte[] b, int size) {
        int cr = ((c >> 10) & 31) << 3 | 4;
        int cg = ((c >> 5) & 31) << 3 | 4;
        int cb = (c & 31) << 3 | 4;
        int best = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            int dr = (r[i] & 255) - cr;
            int dg = (g[i] & 255) - cg;
            int db = (b[i] & 255) - cb;
            int d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }
}
