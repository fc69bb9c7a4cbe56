package kz.incidentmap.osm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.linemerge.LineMerger;

/**
 * Builds the area of a multipolygon relation from the lines of its member ways: JTS's
 * {@link LineMerger} joins ways that share end nodes into rings; rings inside an odd number of other
 * rings are holes of the smallest ring around them, the others are outer rings (the members' roles are
 * not trusted, as in most renderers). Lines that do not close are reported and left out.
 */
final class MultipolygonAssembler {

    /**
     * The result.
     *
     * @param area the (multi)polygon, or null when no ring closed
     * @param openLines how many merged lines did not close into a ring
     */
    record Result(Geometry area, int openLines) {
    }

    private final GeometryFactory gf;

    MultipolygonAssembler(GeometryFactory gf) {
        this.gf = gf;
    }

    Result assemble(List<Coordinate[]> memberLines) {
        LineMerger merger = new LineMerger();
        for (Coordinate[] line : memberLines) {
            if (line.length >= 2) {
                merger.add(gf.createLineString(line));
            }
        }
        List<Polygon> rings = new ArrayList<>();
        int open = 0;
        @SuppressWarnings("unchecked")
        Collection<LineString> merged = merger.getMergedLineStrings();
        for (LineString l : merged) {
            if (l.isClosed() && l.getNumPoints() >= 4) {
                LinearRing ring = gf.createLinearRing(l.getCoordinates());
                rings.add(gf.createPolygon(ring));
            } else {
                open++;
            }
        }
        if (rings.isEmpty()) {
            return new Result(null, open);
        }
        rings.sort(Comparator.comparingDouble(Polygon::getArea).reversed());
        int n = rings.size();
        int[] parent = new int[n];
        int[] depth = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = -1;
            // The smallest larger ring that contains this one is its parent.
            for (int j = i - 1; j >= 0; j--) {
                if (rings.get(j).getEnvelopeInternal().covers(rings.get(i).getEnvelopeInternal())
                        && rings.get(j).covers(rings.get(i).getInteriorPoint())) {
                    parent[i] = j;
                    depth[i] = depth[j] + 1;
                    break;
                }
            }
        }
        List<Polygon> polygons = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (depth[i] % 2 != 0) {
                continue;
            }
            List<LinearRing> holes = new ArrayList<>();
            for (int k = i + 1; k < n; k++) {
                if (parent[k] == i) {
                    holes.add(rings.get(k).getExteriorRing());
                }
            }
            polygons.add(gf.createPolygon(rings.get(i).getExteriorRing(), holes.toArray(LinearRing[]::new)));
        }
        Geometry area = polygons.size() == 1 ? polygons.get(0)
                : gf.createMultiPolygon(polygons.toArray(Polygon[]::new));
        if (!area.isValid()) {
            area = GeometryFixer.fix(area);
        }
        return new Result(area.isEmpty() ? null : area, open);
    }
}
