package kz.incidentmap.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.util.List;
import kz.incidentmap.layers.MapLayer;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.process.vector.HeatmapProcess;
import org.locationtech.jts.geom.Envelope;

/**
 * Draws a point layer as a heat map: GeoTools' {@link HeatmapProcess} computes the density surface
 * (a kernel of {@value #RADIUS_PX} pixels) over the frame, and this class colours it from transparent
 * through yellow to dark red, densest where most points are. Scales with the frame: at a larger
 * scale each point's kernel covers less ground, as users of heat maps expect.
 */
final class HeatmapPainter implements LayerPainter {

    /** Kernel radius, screen pixels. */
    static final int RADIUS_PX = 40;
    /** The surface is computed at half the frame's resolution and smoothed up: it has no sharp edges. */
    private static final int CELL_PX = 2;

    /** Colour stops of the ramp, RGB: pale yellow, orange, dark red. */
    private static final int[][] STOPS = {{255, 255, 178}, {254, 204, 92}, {253, 141, 60}, {240, 59, 32}, {189, 0, 38}};

    @Override
    public void paint(FrameDrawing frame, MapLayer layer, List<IndexClusterer.Group> groups) throws IOException {
        paint(frame.graphics(), frame.viewport(), layer);
    }

    static void paint(Graphics2D g, Viewport vp, MapLayer layer) throws IOException {
        Envelope area = vp.bounds();
        area.expandBy(vp.metresPerPixel() * RADIUS_PX * 2);
        // The layer gives its points: an indexed one straight from its index, not as full features.
        SimpleFeatureCollection points = layer.pointsWithin(area);
        if (points.isEmpty()) {
            return;
        }
        int w = Math.max(1, vp.width() / CELL_PX);
        int h = Math.max(1, vp.height() / CELL_PX);
        ReferencedEnvelope frame = new ReferencedEnvelope(vp.bounds(), layer.source().getSchema().getCoordinateReferenceSystem());
        GridCoverage2D surface = new HeatmapProcess().execute(points, RADIUS_PX / CELL_PX, null, 1, frame, w, h, null);
        BufferedImage img = colour(surface.getRenderedImage().getData(), w, h);
        Object interpolation = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, AffineTransform.getScaleInstance(vp.width() / (double) w, vp.height() / (double) h), null);
        if (interpolation != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        }
    }

    /** Density (0..max) to colour; the process normalises to 0..1 already, this stretches what is there. */
    private static BufferedImage colour(Raster data, int w, int h) {
        float[] v = data.getSamples(data.getMinX(), data.getMinY(), w, h, 0, (float[]) null);
        float max = 0;
        for (float x : v) {
            max = Math.max(max, x);
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        if (max <= 0) {
            return img;
        }
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            // The square root lifts the flanks of each peak: the hot core is not all hidden under a marker.
            argb[i] = ramp(Math.sqrt(v[i] / max));
        }
        img.setRGB(0, 0, w, h, argb, 0, w);
        return img;
    }

    /** 0 transparent → pale yellow → orange → dark red, opacity rising with density. */
    static int ramp(double t) {
        if (t < 0.01) {
            return 0;
        }
        t = Math.min(1, t);
        double p = t * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) p);
        double f = p - i;
        int r = (int) Math.round(STOPS[i][0] + f * (STOPS[i + 1][0] - STOPS[i][0]));
        int gr = (int) Math.round(STOPS[i][1] + f * (STOPS[i + 1][1] - STOPS[i][1]));
        int b = (int) Math.round(STOPS[i][2] + f * (STOPS[i + 1][2] - STOPS[i][2]));
        // Fades in from nothing, so the edge of a kernel leaves no seam.
        int a = (int) Math.round(235 * Math.min(1, t * 1.6));
        return a << 24 | r << 16 | gr << 8 | b;
    }
}
