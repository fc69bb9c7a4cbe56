package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.layers.StreetStyles;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.filter.FilterFactory;
import org.geotools.api.style.FeatureTypeStyle;
import org.geotools.api.style.Rule;
import org.geotools.factory.CommonFactoryFinder;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.styling.StyleBuilder;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Rules looked up by the attribute values their filters read pick what evaluating the filters picks. */
class PassRulesTest {

    private static final GeometryFactory GF = new GeometryFactory();
    private static final FilterFactory FF = CommonFactoryFinder.getFilterFactory();

    private static SimpleFeatureType type() {
        SimpleFeatureTypeBuilder b = new SimpleFeatureTypeBuilder();
        b.setName("roads");
        b.add("geom", Geometry.class);
        b.add("kind", String.class);
        b.add("name", String.class);
        b.add("rank", Integer.class);
        b.add("ref", String.class);
        b.add("oneway", Boolean.class);
        b.add("z", Integer.class);
        return b.buildFeatureType();
    }

    private static List<SimpleFeature> roads(SimpleFeatureType type) {
        SimpleFeatureBuilder fb = new SimpleFeatureBuilder(type);
        List<SimpleFeature> out = new ArrayList<>();
        int i = 0;
        for (int rank = 0; rank <= 8; rank++) {
            for (int z = -1; z <= 1; z++) {
                for (String kind : new String[] {"highway", "railway"}) {
                    for (Object[] tags : new Object[][] {{null, null, false}, {"Abai street", "A-2", true}}) {
                        fb.set("geom", GF.createLineString(new Coordinate[] {new Coordinate(0, i), new Coordinate(1, i)}));
                        fb.set("kind", kind);
                        fb.set("name", tags[0]);
                        fb.set("ref", tags[1]);
                        fb.set("oneway", tags[2]);
                        fb.set("rank", rank);
                        fb.set("z", z);
                        out.add(fb.buildFeature("r" + i++));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void everyPassOfTheRoadsPicksTheRulesTheFiltersPickAtEveryScale() {
        SimpleFeatureType type = type();
        List<SimpleFeature> roads = roads(type);
        int compared = 0;
        for (double scale : new double[] {1_500, 3_000, 5_000, 9_000, 12_000, 20_000}) {
            for (FeatureTypeStyle fts : StreetStyles.roads().featureTypeStyles()) {
                List<Rule> active = RuleSelector.active(fts, scale);
                PassRules rules = new PassRules(active, "geom");
                for (SimpleFeature f : roads) {
                    // Asked twice: the second answer comes from what the first worked out.
                    assertEquals(RuleSelector.matching(active, f), rules.matching(f), f.toString());
                    assertEquals(RuleSelector.matching(active, f), rules.matching(f), f.toString());
                    compared++;
                }
            }
        }
        assertEquals(6 * StreetStyles.roads().featureTypeStyles().size() * roads.size(), compared);
    }

    @Test
    void aSpatialFilterIsEvaluatedForEachFeature() {
        SimpleFeatureType type = type();
        Rule near = new StyleBuilder().createRule(new StyleBuilder().createLineSymbolizer());
        near.setFilter(FF.bbox(FF.property("geom"), 0, 0, 1, 3, null));
        PassRules rules = new PassRules(List.of(near), "geom");
        List<SimpleFeature> roads = roads(type);
        // Same attributes, different places: one line in the box, one outside it.
        assertEquals(List.of(near), rules.matching(roads.get(0)));
        assertEquals(List.of(), rules.matching(roads.get(40)));
    }
}
