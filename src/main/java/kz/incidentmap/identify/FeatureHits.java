package kz.incidentmap.identify;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.render.FrameGroups;
import kz.incidentmap.render.RuleSelector;
import kz.incidentmap.render.StyleValues;
import kz.incidentmap.render.Viewport;
import org.geotools.api.data.Query;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.type.AttributeDescriptor;
import org.geotools.api.filter.FilterFactory;
import org.geotools.api.style.FeatureTypeStyle;
import org.geotools.api.style.LineSymbolizer;
import org.geotools.api.style.PointSymbolizer;
import org.geotools.api.style.Rule;
import org.geotools.api.style.Symbolizer;
import org.geotools.api.style.TextSymbolizer;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.factory.CommonFactoryFinder;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * The hit-tester of a layer of features ({@link kz.incidentmap.layers.LayerKind#FEATURES}): the
 * features near the click read by box from the layer's source, each tested against what its matching
 * rules draw (a point's symbol, a line's width, a polygon's inside). Keeps the large geometries it has
 * indexed (the basemap's countries and oblasts) for the next click; one per {@link IdentifyService}.
 */
final class FeatureHits implements LayerHitTester {

    /** Upper bound of a symbol's radius, for the spatial pre-filter. */
    private static final double MAX_SYMBOL_RADIUS_PX = 30;
    /** Geometries with at least this many vertices are indexed for clicks (countries, oblasts). */
    private static final int INDEX_FROM = 256;
    /** How many indexed geometries are kept: the basemap's large polygons, the most recently hit first. */
    private static final int INDEXED_KEPT = 128;

    private final FilterFactory ff = CommonFactoryFinder.getFilterFactory();
    private final GeometryFactory gf = new GeometryFactory();

    /** A large geometry indexed for point-in-polygon and distance tests. */
    private record Indexed(PreparedGeometry shape, IndexedFacetDistance outline) {
    }

    /** A key that is the geometry itself: geometries compare by value, which would walk every vertex. */
    private record Same(Geometry g) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Same s && s.g == g;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(g);
        }
    }

    private final Map<Same, Indexed> indexed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Same, Indexed> eldest) {
            return size() > INDEXED_KEPT;
        }
    };

    @Override
    public List<Hit> hits(MapLayer layer, Viewport vp, double px, double py, double tolerancePx, FrameGroups drawn)
            throws IOException {
        return drawnHits(layer, vp, px, py, tolerancePx);
    }

    /** The features of {@code layer} drawn within the tolerance, nearest first (the one on top first among equals). */
    List<Hit> drawnHits(MapLayer layer, Viewport vp, double px, double py, double tol) throws IOException {
        List<Hit> layerHits = identifyLayer(layer, vp, px, py, tol);
        Collections.reverse(layerHits);
        layerHits.sort(Comparator.comparingDouble(Hit::distancePx));
        return layerHits;
    }

    private List<Hit> identifyLayer(MapLayer layer, Viewport vp, double px, double py, double tol) throws IOException {
        double scale = vp.scaleDenominator();
        List<Rule> active = new ArrayList<>();
        for (FeatureTypeStyle fts : layer.style().featureTypeStyles()) {
            active.addAll(RuleSelector.active(fts, scale));
        }
        List<Hit> hits = new ArrayList<>();
        if (active.isEmpty()) {
            return hits;
        }
        Coordinate click = vp.toWorld(px, py);
        Envelope search = new Envelope(click);
        search.expandBy((tol + MAX_SYMBOL_RADIUS_PX) * vp.metresPerPixel());
        String geomName = layer.source().getSchema().getGeometryDescriptor().getLocalName();
        Query q = new Query(layer.source().getSchema().getTypeName(), ff.bbox(ff.property(geomName),
                new ReferencedEnvelope(search, layer.source().getSchema().getCoordinateReferenceSystem())));
        try (SimpleFeatureIterator it = layer.source().getFeatures(q).features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                Geometry g = (Geometry) f.getDefaultGeometry();
                List<Rule> drawn = RuleSelector.matching(active, f);
                if (g == null || !drawsGeometry(drawn)) {
                    continue;
                }
                double d = distancePx(g, drawn, f, vp, px, py, click);
                if (d <= tol) {
                    hits.add(new Hit(layer.name(), layer.title(), f.getID(), d, attributes(f)));
                }
            }
        }
        return hits;
    }

    /**
     * {@code g} indexed, so that a click does not walk a country's thousands of vertices each time (the
     * basemap's geometries stay the same objects from click to click).
     */
    private Indexed indexed(Geometry g) {
        synchronized (indexed) {
            return indexed.computeIfAbsent(new Same(g),
                    k -> new Indexed(PreparedGeometryFactory.prepare(g), new IndexedFacetDistance(g)));
        }
    }

    /** Labels alone do not make a feature clickable; a drawn symbol or shape does. */
    private static boolean drawsGeometry(List<Rule> rules) {
        return rules.stream().flatMap(r -> r.symbolizers().stream()).anyMatch(s -> !(s instanceof TextSymbolizer));
    }

    private double distancePx(Geometry g, List<Rule> rules, SimpleFeature f, Viewport vp, double px, double py,
            Coordinate click) {
        if (g instanceof Point p) {
            Point2D s = vp.toScreen(p.getX(), p.getY());
            double radius = symbolSize(rules, f) / 2;
            return Math.max(0, s.distance(px, py) - radius);
        }
        Point at = gf.createPoint(click);
        Indexed big = g.getNumPoints() < INDEX_FROM ? null : indexed(g);
        if (g instanceof Polygonal && (big != null ? big.shape().contains(at) : g.contains(at))) {
            return 0;
        }
        double d = (big != null ? big.outline().distance(at) : g.distance(at)) / vp.metresPerPixel();
        // A wide line (a street at street scales) is hit anywhere on its drawn width.
        return g instanceof Lineal ? Math.max(0, d - strokeWidth(rules, f) / 2) : d;
    }

    private static double strokeWidth(List<Rule> rules, SimpleFeature f) {
        double width = 0;
        for (Rule r : rules) {
            for (Symbolizer s : r.symbolizers()) {
                if (s instanceof LineSymbolizer ls && ls.getStroke() != null && ls.getStroke().getWidth() != null) {
                    Double v = ls.getStroke().getWidth().evaluate(f, Double.class);
                    width = Math.max(width, v == null ? 1 : v);
                }
            }
        }
        return width;
    }

    /** The largest point symbol the rules draw for {@code f}, in pixels (6 when a graphic gives no size). */
    static double symbolSize(List<Rule> rules, SimpleFeature f) {
        double size = 0;
        for (Rule r : rules) {
            for (Symbolizer s : r.symbolizers()) {
                if (s instanceof PointSymbolizer ps && ps.getGraphic() != null) {
                    size = Math.max(size, StyleValues.pointSize(ps.getGraphic(), f));
                }
            }
        }
        return size;
    }

    private static Map<String, Object> attributes(SimpleFeature f) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (AttributeDescriptor d : f.getFeatureType().getAttributeDescriptors()) {
            Object v = f.getAttribute(d.getLocalName());
            if (!(v instanceof Geometry)) {
                out.put(d.getLocalName(), v);
            }
        }
        return out;
    }
}
