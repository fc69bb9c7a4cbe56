package kz.incidentmap.render;

import java.util.ArrayList;
import java.util.List;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.style.FeatureTypeStyle;
import org.geotools.api.style.Rule;

/**
 * Which rules of a style apply to a feature at a scale, with SLD semantics: the scale range is min
 * inclusive and max exclusive, and "else" rules apply only where no other rule of their pass did.
 * The renderer and identify both ask it, so that a click hits exactly what is drawn.
 */
public final class RuleSelector {

    private RuleSelector() {
    }

    public static boolean inScale(Rule r, double scale) {
        return scale >= r.getMinScaleDenominator() && scale < r.getMaxScaleDenominator();
    }

    /** The rules of {@code fts} in scale at {@code scale}. */
    public static List<Rule> active(FeatureTypeStyle fts, double scale) {
        return fts.rules().stream().filter(r -> inScale(r, scale)).toList();
    }

    /** Of the in-scale {@code rules}, those that draw {@code f}. */
    public static List<Rule> matching(List<Rule> rules, SimpleFeature f) {
        List<Rule> out = new ArrayList<>(2);
        for (Rule r : rules) {
            if (!r.isElseFilter() && (r.getFilter() == null || r.getFilter().evaluate(f))) {
                out.add(r);
            }
        }
        if (out.isEmpty()) {
            for (Rule r : rules) {
                if (r.isElseFilter()) {
                    out.add(r);
                }
            }
        }
        return out;
    }
}
