package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import kz.incidentmap.layers.ClusterStyles;
import kz.incidentmap.layers.MapStyles;
import kz.incidentmap.layers.StreetStyles;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.filter.expression.Expression;
import org.geotools.api.style.FeatureTypeStyle;
import org.geotools.api.style.GraphicalSymbol;
import org.geotools.api.style.LineSymbolizer;
import org.geotools.api.style.Mark;
import org.geotools.api.style.PointSymbolizer;
import org.geotools.api.style.PolygonSymbolizer;
import org.geotools.api.style.Rule;
import org.geotools.api.style.Stroke;
import org.geotools.api.style.Style;
import org.geotools.api.style.Symbolizer;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/** One margin for what a frame reads and clips, and the map's styles staying within it. */
class FrameMarginTest {

    /** The most casualties whose marker the margin covers, as its Javadoc says. */
    private static final int CASUALTIES_COVERED = 700;

    @Test
    void noSymbolOfTheMapsStylesReachesFartherThanTheMargin() {
        // The largest a marker and a cluster are drawn: the sizes grow with casualties and count.
        SimpleFeature largest = feature(CASUALTIES_COVERED, 10_000_000);
        Map<String, Style> styles = Map.of("countries", MapStyles.countries(), "oblasts", MapStyles.oblasts(),
                "cities", MapStyles.cities(), "incidents", ClusterStyles.clustered(MapStyles.incidents()),
                "street areas", StreetStyles.areas(), "buildings", StreetStyles.buildings(), "roads", StreetStyles.roads(),
                "places", StreetStyles.pois());
        styles.forEach((name, style) -> {
            double reach = reachPx(style, largest);
            assertTrue(reach > 0, name + ": nothing measured");
            assertTrue(reach <= FrameMargin.SYMBOL_REACH_PX, name + " draws " + reach + " px from its geometry");
        });
        assertTrue(reachPx(MapStyles.incidents(), largest) > FrameMargin.SYMBOL_REACH_PX - 1,
                "the margin is no wider than the largest marker it covers");
    }

    @Test
    void groupsAreGatheredFartherThanSymbolsAreRead() {
        Viewport vp = Viewport.atScale(0, 0, 1_000_000, 800, 600);
        Envelope symbols = FrameMargin.symbols(vp);
        assertEquals(vp.bounds().getWidth() + 2 * FrameMargin.SYMBOL_REACH_PX * vp.metresPerPixel(), symbols.getWidth(), 1e-6);
        Envelope gathered = FrameLayers.gatherArea(vp);
        // A cluster's cell that reaches into the margin is gathered whole.
        assertEquals(symbols.getWidth() + 2 * FrameLayers.CLUSTER_CELL_PX * vp.metresPerPixel(), gathered.getWidth(), 1e-6);
        assertTrue(gathered.contains(symbols));
    }

    /** The farthest any symbolizer of {@code style} draws from its geometry for {@code f}, pixels. */
    private static double reachPx(Style style, SimpleFeature f) {
        double reach = 0;
        for (FeatureTypeStyle fts : style.featureTypeStyles()) {
            for (Rule r : fts.rules()) {
                for (Symbolizer s : r.symbolizers()) {
                    reach = Math.max(reach, reachPx(s, f));
                }
            }
        }
        return reach;
    }

    private static double reachPx(Symbolizer s, SimpleFeature f) {
        if (s instanceof LineSymbolizer line) {
            return halfWidth(line.getStroke(), f);
        }
        if (s instanceof PolygonSymbolizer polygon) {
            return halfWidth(polygon.getStroke(), f);
        }
        if (s instanceof PointSymbolizer point) {
            double stroke = 0;
            for (GraphicalSymbol symbol : point.getGraphic().graphicalSymbols()) {
                stroke = Math.max(stroke, symbol instanceof Mark m ? halfWidth(m.getStroke(), f) : 0);
            }
            return value(point.getGraphic().getSize(), f) / 2 + stroke;
        }
        return 0;
    }

    private static double halfWidth(Stroke stroke, SimpleFeature f) {
        return stroke == null ? 0 : value(stroke.getWidth(), f) / 2;
    }

    private static double value(Expression e, SimpleFeature f) {
        Double v = e == null ? null : e.evaluate(f, Double.class);
        return v == null ? 0 : v;
    }

    private static SimpleFeature feature(int casualties, int count) {
        SimpleFeatureTypeBuilder t = new SimpleFeatureTypeBuilder();
        t.setName("largest");
        t.add("geom", Point.class);
        t.add("casualties", Integer.class);
        t.add(ClusterStyles.COUNT, Integer.class);
        SimpleFeatureBuilder b = new SimpleFeatureBuilder(t.buildFeatureType());
        b.set("geom", new GeometryFactory().createPoint(new Coordinate(0, 0)));
        b.set("casualties", casualties);
        b.set(ClusterStyles.COUNT, count);
        return b.buildFeature("largest");
    }
}
