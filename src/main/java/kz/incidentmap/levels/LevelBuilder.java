package kz.incidentmap.levels;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.incidentmap.model.LevelFeature;
import kz.incidentmap.model.MapLevel;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.model.StreetLayer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.linemerge.LineMerger;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Builds every {@link MapLevel} from street features: lines of one kind, class and name merged end to
 * end and simplified together ({@code TopologyPreservingSimplifier}, so that they do not cross where
 * they did not), built-up land use merged into towns ({@link BuiltUpAreas}), lakes simplified one by one.
 * What is too small to see at a level's scales is left out of it. Every geometry it returns is valid.
 */
public final class LevelBuilder {

    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

    private LevelBuilder() {
    }

    /** The features of every level made from {@code sources} (longitude/latitude); none from none. */
    public static List<LevelFeature> build(Collection<StreetFeature> sources) {
        List<StreetFeature> usable = sources.stream()
                .filter(f -> LevelContent.isSourceLayer(f.layer()) && LevelContent.mayKeep(f)).toList();
        List<LevelFeature> out = new ArrayList<>();
        if (usable.isEmpty()) {
            return out;
        }
        Envelope bounds = new Envelope();
        usable.forEach(f -> bounds.expandToInclude(f.geometry().getEnvelopeInternal()));
        LocalMetres metres = new LocalMetres(bounds);
        for (MapLevel level : MapLevel.values()) {
            List<StreetFeature> kept = usable.stream().filter(f -> LevelContent.keeps(level, f)).toList();
            lines(level, kept, metres, out);
            lakes(level, kept, metres, out);
            List<Geometry> builtUp = kept.stream().filter(f -> "landuse".equals(f.kind()))
                    .map(f -> metres.metres(f.geometry())).toList();
            for (Polygon p : BuiltUpAreas.merge(builtUp, level)) {
                out.add(new LevelFeature(level, valid(metres.degrees(p)), "builtup", "builtup", null));
            }
        }
        return out;
    }

    private record LineKey(String kind, String type, String name, String ref) {
    }

    private static void lines(MapLevel level, List<StreetFeature> kept, LocalMetres metres, List<LevelFeature> out) {
        Map<LineKey, LineMerger> groups = new LinkedHashMap<>();
        for (StreetFeature f : kept) {
            if (f.geometry() instanceof LineString line) {
                groups.computeIfAbsent(new LineKey(f.kind(), f.type(), f.name(), f.road().ref()), k -> new LineMerger())
                        .add(metres.metres(line));
            }
        }
        double tolerance = level.toleranceMetres();
        double shortest = LevelContent.minLengthMetres(level);
        for (Map.Entry<LineKey, LineMerger> g : groups.entrySet()) {
            @SuppressWarnings("unchecked")
            Collection<LineString> merged = g.getValue().getMergedLineStrings();
            Geometry together = GF.buildGeometry(new ArrayList<>(merged));
            Geometry simple = TopologyPreservingSimplifier.simplify(together, tolerance);
            for (int i = 0; i < simple.getNumGeometries(); i++) {
                Geometry part = simple.getGeometryN(i);
                if (part instanceof LineString && !part.isEmpty() && part.getLength() >= shortest) {
                    LineKey k = g.getKey();
                    out.add(new LevelFeature(level, valid(metres.degrees(part)), k.kind(), k.type(), k.name(), k.ref()));
                }
            }
        }
    }

    private static void lakes(MapLevel level, List<StreetFeature> kept, LocalMetres metres, List<LevelFeature> out) {
        double smallest = LevelContent.minAreaSquareMetres(level);
        for (StreetFeature f : kept) {
            if (f.layer() != StreetLayer.WATER || f.geometry().getDimension() != 2) {
                continue;
            }
            Geometry m = metres.metres(f.geometry());
            m = m.isValid() ? m : GeometryFixer.fix(m);
            if (m.getArea() < smallest) {
                continue;
            }
            Geometry simple = TopologyPreservingSimplifier.simplify(m,
                    level.toleranceMetres());
            for (int i = 0; i < simple.getNumGeometries(); i++) {
                Geometry part = simple.getGeometryN(i);
                if (part instanceof Polygon && part.getArea() >= smallest) {
                    out.add(new LevelFeature(level, valid(metres.degrees(part)), "water", "lake",
                            f.name()));
                }
            }
        }
    }

    /**
     * The geometry, made valid if simplifying or scaling left it not so (a ring touching itself), as one
     * polygon or line: GeoPackage columns and the map take one part per feature.
     */
    static Geometry valid(Geometry g) {
        if (g.isValid()) {
            return g;
        }
        Geometry fixed = g.getDimension() == 2 ? g.buffer(0) : g;
        if (fixed.getNumGeometries() == 1 && fixed.isValid()) {
            return fixed.getGeometryN(0);
        }
        // Keep the largest part: the rest is slivers the repair split off.
        Geometry largest = fixed.getGeometryN(0);
        for (int i = 1; i < fixed.getNumGeometries(); i++) {
            if (fixed.getGeometryN(i).getArea() > largest.getArea()) {
                largest = fixed.getGeometryN(i);
            }
        }
        return largest;
    }
}
