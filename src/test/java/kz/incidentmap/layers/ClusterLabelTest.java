package kz.incidentmap.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.style.FeatureTypeStyle;
import org.geotools.api.style.Rule;
import org.geotools.api.style.Style;
import org.geotools.api.style.Symbolizer;
import org.geotools.api.style.TextSymbolizer;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.junit.jupiter.api.Test;

/** Cluster counts of a large record stay short enough to fit in their circle. */
class ClusterLabelTest {

    @Test
    void countsFromTenThousandReadInThousands() {
        SimpleFeatureTypeBuilder b = new SimpleFeatureTypeBuilder();
        b.setName("clusters");
        b.add(ClusterStyles.COUNT, Integer.class);
        SimpleFeatureType type = b.buildFeatureType();
        Style style = ClusterStyles.clustered(MapStyles.incidents());
        List<TextSymbolizer> labels = new ArrayList<>();
        for (FeatureTypeStyle fts : style.featureTypeStyles()) {
            for (Rule r : fts.rules()) {
                for (Symbolizer s : r.symbolizers()) {
                    if ("cluster".equals(r.getName()) && s instanceof TextSymbolizer t) {
                        labels.add(t);
                    }
                }
            }
        }
        assertEquals(1, labels.size());
        TextSymbolizer label = labels.get(0);
        int[] counts = {2, 9_999, 10_000, 319_860, 1_000_000};
        String[] shown = {"2", "9999", "10k", "319k", "1000k"};
        for (int i = 0; i < counts.length; i++) {
            assertEquals(shown[i], label.getLabel().evaluate(
                    SimpleFeatureBuilder.build(type, new Object[] {counts[i]}, null), String.class));
        }
    }
}
