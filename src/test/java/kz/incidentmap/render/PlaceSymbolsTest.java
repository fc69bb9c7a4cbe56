package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.geom.Area;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import kz.incidentmap.layers.ClusterStyles;
import kz.incidentmap.layers.IncidentStyling;
import kz.incidentmap.layers.MapStyles;
import kz.incidentmap.layers.StreetStyles;
import org.geotools.api.style.FeatureTypeStyle;
import org.geotools.api.style.GraphicalSymbol;
import org.geotools.api.style.Mark;
import org.geotools.api.style.PointSymbolizer;
import org.geotools.api.style.Rule;
import org.geotools.api.style.Style;
import org.geotools.api.style.Symbolizer;
import org.junit.jupiter.api.Test;

/** A place on the map (a town, a shop, a statue) never wears the shape of an incident. */
class PlaceSymbolsTest {

    private static Set<String> marks(Style... styles) {
        Set<String> out = new HashSet<>();
        for (Style s : styles) {
            for (FeatureTypeStyle fts : s.featureTypeStyles()) {
                for (Rule r : fts.rules()) {
                    for (Symbolizer sym : r.symbolizers()) {
                        if (sym instanceof PointSymbolizer p && p.getGraphic() != null) {
                            for (GraphicalSymbol g : p.getGraphic().graphicalSymbols()) {
                                if (g instanceof Mark m) {
                                    out.add(StyleValues.text(m.getWellKnownName(), null).toLowerCase(Locale.ROOT));
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void placeShapesAndIncidentShapesAreDisjoint() {
        Set<String> incidents = marks(MapStyles.incidents(), IncidentStyling.BY_CASUALTIES.style(null),
                ClusterStyles.clustered(MapStyles.incidents()));
        Set<String> places = marks(MapStyles.cities(), StreetStyles.pois());
        assertTrue(incidents.contains("star") && incidents.contains("circle"), incidents.toString());
        Set<String> shared = new HashSet<>(incidents);
        shared.retainAll(places);
        assertEquals(Set.of(), shared, "shapes used by both incidents " + incidents + " and places " + places);
        assertTrue(MarkShapes.PLACE_MARKS.containsAll(places), "every place mark is drawn as its own shape: " + places);
    }

    @Test
    void eachPlaceMarkHasAShapeOfItsOwn() {
        Set<String> all = new HashSet<>(MarkShapes.PLACE_MARKS);
        all.addAll(Set.of("circle", "square", "triangle", "star"));
        for (String a : all) {
            for (String b : all) {
                if (a.compareTo(b) < 0) {
                    Area x = new Area(MarkShapes.shape(a, 0, 0, 100));
                    x.exclusiveOr(new Area(MarkShapes.shape(b, 0, 0, 100)));
                    Rectangle r = x.getBounds();
                    assertTrue(!x.isEmpty() && r.width * r.height > 400, a + " and " + b + " look the same");
                }
            }
        }
    }
}
