package kz.incidentmap.layers;

import java.awt.Color;
import org.geotools.api.filter.Filter;
import org.geotools.api.filter.FilterFactory;
import org.geotools.api.filter.expression.Expression;
import org.geotools.api.style.FeatureTypeStyle;
import org.geotools.api.style.Graphic;
import org.geotools.api.style.Mark;
import org.geotools.api.style.Rule;
import org.geotools.api.style.Style;
import org.geotools.api.style.Symbolizer;
import org.geotools.api.style.TextSymbolizer;
import org.geotools.factory.CommonFactoryFinder;
import org.geotools.styling.StyleBuilder;
import org.geotools.styling.visitor.DuplicatingStyleVisitor;

/**
 * The style of a clustered point layer: features with {@code count = 1} are single points drawn by
 * the layer's own rules; features with {@code count > 1} are clusters, a circle that grows with the
 * count, with the count written on it.
 */
public final class ClusterStyles {

    /** Attribute holding how many points a feature stands for. */
    public static final String COUNT = "count";
    /** Attribute holding the feature ids of a cluster's members, comma-separated. */
    public static final String MEMBERS = "members";
    /** Vendor option of a text symbolizer whose label sits on its own symbol (the cluster count). */
    public static final String ON_SYMBOL = "kz-on-symbol";
    /** Title of the cluster rule, as the legend shows it. */
    public static final String CLUSTER_TITLE = "Cluster of incidents (count)";

    private static final StyleBuilder SB = new StyleBuilder();
    private static final FilterFactory FF = CommonFactoryFinder.getFilterFactory();

    private ClusterStyles() {
    }

    /** {@code base} for single points plus the cluster symbol; {@code base} itself is not changed. */
    public static Style clustered(Style base) {
        DuplicatingStyleVisitor copier = new DuplicatingStyleVisitor(CommonFactoryFinder.getStyleFactory(), FF,
                StyleFunctions.copierKeepingFunctions());
        base.accept(copier);
        Style copy = (Style) copier.getCopy();
        Filter single = FF.equals(FF.property(COUNT), FF.literal(1));
        for (FeatureTypeStyle fts : copy.featureTypeStyles()) {
            for (Rule r : fts.rules()) {
                r.setFilter(r.getFilter() == null || r.getFilter() == Filter.INCLUDE ? single : FF.and(single, r.getFilter()));
            }
        }
        copy.featureTypeStyles().add(MapStyles.fts(clusterRule()));
        return copy;
    }

    /** The cluster symbol's fill, drawn at {@link #FILL_OPACITY}, with a white edge. */
    public static final Color FILL = new Color(0xC0392B);
    public static final double FILL_OPACITY = 0.88;

    /**
     * The cluster symbol's diameter in pixels for {@code count} incidents, as the style computes it: it
     * grows with the logarithm of the count and stays under the clustering distance (44 px), so that
     * neighbouring clusters never cover each other however many incidents they hold.
     */
    public static double symbolSize(int count) {
        return Math.min(42, 14 + 6 * Math.log(count));
    }

    private static Rule clusterRule() {
        Mark circle = SB.createMark("circle", FILL, new Color(255, 255, 255), 1.6);
        circle.getFill().setOpacity(FF.literal(FILL_OPACITY));
        Graphic g = SB.createGraphic(null, circle, null);
        // The same as symbolSize, as an expression of the feature's count.
        g.setSize(StyleFunctions.min(FF.literal(42),
                FF.add(FF.literal(14), FF.multiply(FF.literal(6), StyleFunctions.log(FF.property(COUNT))))));
        TextSymbolizer text = MapStyles.label(COUNT, SB.createFont(MapStyles.FONT, false, true, 11), Color.WHITE, 0.5, 0.5);
        text.setHalo(null);
        // Six digits do not fit in the largest circle: from 10,000 on the count reads "12k", "320k".
        Expression thousands = StyleFunctions.floor(FF.divide(FF.property(COUNT), FF.literal(1000)));
        text.setLabel(StyleFunctions.ifThenElse(StyleFunctions.greaterEqualThan(FF.property(COUNT), FF.literal(10_000)),
                StyleFunctions.strConcat(StyleFunctions.numberFormat(FF.literal("0"), thousands), FF.literal("k")),
                FF.property(COUNT)));
        text.setPriority(FF.literal(10_000_000));
        text.getOptions().put(ON_SYMBOL, "true");
        Rule rule = SB.createRule(new Symbolizer[] {SB.createPointSymbolizer(g), text});
        rule.setFilter(FF.greater(FF.property(COUNT), FF.literal(1)));
        rule.setName("cluster");
        rule.getDescription().setTitle(CLUSTER_TITLE);
        return rule;
    }
}
