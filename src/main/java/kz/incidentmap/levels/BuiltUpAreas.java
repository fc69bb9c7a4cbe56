package kz.incidentmap.levels;

import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.model.MapLevel;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Built-up land use (residential, commercial, industrial, retail) merged into the towns a level
 * shows: each area grown by the level's closing distance, all of them unioned, the union shrunk back
 * (so blocks across a street join and the outline keeps its place), then simplified; holes and towns
 * too small for the level are dropped. Works in metres ({@link LocalMetres}).
 */
final class BuiltUpAreas {

    /**
     * Segments per quarter circle of the growth: fine enough that the shrink gives square corners back
     * (with two, a corner lost a tenth of its block at the overview level).
     */
    private static final int QUADRANT_SEGMENTS = 8;

    private BuiltUpAreas() {
    }

    static List<Polygon> merge(List<Geometry> areasInMetres, MapLevel level) {
        List<Polygon> out = new ArrayList<>();
        if (areasInMetres.isEmpty()) {
            return out;
        }
        double d = LevelContent.closingMetres(level);
        List<Geometry> grown = new ArrayList<>(areasInMetres.size());
        for (Geometry g : areasInMetres) {
            // Land use drawn by hand is often a ring that crosses itself: repaired first, as JTS sees it.
            Geometry area = g.isValid() ? g : GeometryFixer.fix(g);
            grown.add(area.buffer(d, QUADRANT_SEGMENTS, BufferParameters.CAP_ROUND));
        }
        // The robust overlay: a union of a whole country's towns must not fail on one near-degenerate ring.
        Geometry union = OverlayNGRobust.union(grown);
        Geometry shrunk = union.buffer(-d, QUADRANT_SEGMENTS, BufferParameters.CAP_ROUND);
        Geometry simple = TopologyPreservingSimplifier.simplify(shrunk, level.toleranceMetres());
        double smallest = LevelContent.minAreaSquareMetres(level);
        GeometryFactory gf = simple.getFactory();
        for (int i = 0; i < simple.getNumGeometries(); i++) {
            if (simple.getGeometryN(i) instanceof Polygon p && p.getArea() >= smallest) {
                out.add(withoutSmallHoles(p, smallest, gf));
            }
        }
        return out;
    }

    private static Polygon withoutSmallHoles(Polygon p, double smallest, GeometryFactory gf) {
        List<LinearRing> holes = new ArrayList<>();
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            LinearRing hole = p.getInteriorRingN(i);
            if (gf.createPolygon(hole).getArea() >= smallest) {
                holes.add(hole);
            }
        }
        return holes.size() == p.getNumInteriorRing() ? p
                : gf.createPolygon(p.getExteriorRing(), holes.toArray(LinearRing[]::new));
    }
}
