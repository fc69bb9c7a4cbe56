package kz.incidentmap.layers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.geotools.api.filter.FilterFactory;
import org.geotools.api.style.Mark;
import org.geotools.api.style.PointPlacement;
import org.geotools.api.style.Rule;
import org.geotools.api.style.Style;
import org.geotools.api.style.Symbolizer;
import org.geotools.api.style.TextSymbolizer;
import org.geotools.factory.CommonFactoryFinder;
import org.geotools.styling.StyleBuilder;

/**
 * The styles of the boundaries and settlements imported from OpenStreetMap. The oblasts look like the
 * shipped ones, so that switching between the two changes where the lines run, not how they look; the
 * districts are a finer line from the oblast scales down; settlements are the shipped cities' town sign.
 */
final class AdminStyles {

    /** The shipped oblasts' line colour, which the imported oblasts share. */
    static final Color OBLAST_LINE = new Color(0xA08E72);

    private static final StyleBuilder SB = new StyleBuilder();
    private static final FilterFactory FF = CommonFactoryFinder.getFilterFactory();

    private AdminStyles() {
    }

    static Style oblasts() {
        List<Rule> lines = detailed(() -> SB.createRule(SB.createLineSymbolizer(
                SB.createStroke(OBLAST_LINE, 0.9, new float[] {5, 3}))), 0, Double.POSITIVE_INFINITY);
        List<Rule> labels = detailed(() -> {
            TextSymbolizer names = MapStyles.label(PlaceLabels.LABEL, SB.createFont(MapStyles.FONT, true, false, 11),
                    new Color(0x7D6B52), 0.5, 0.5);
            names.setPriority(FF.literal(150_000));
            return SB.createRule(names);
        }, 700_000, 25_000_000);
        return MapStyles.style(MapStyles.fts(lines.toArray(Rule[]::new)), MapStyles.fts(labels.toArray(Rule[]::new)));
    }

    /** District lines from 1:5,000,000 in; their names from 1:1,500,000. */
    static Style districts() {
        List<Rule> lines = detailed(() -> SB.createRule(SB.createLineSymbolizer(
                SB.createStroke(new Color(0xB9AB95), 0.7, new float[] {2, 2}))), 0, 5_000_000);
        List<Rule> labels = detailed(() -> {
            TextSymbolizer names = MapStyles.label(PlaceLabels.LABEL, SB.createFont(MapStyles.FONT, true, false, 10),
                    new Color(0x96866D), 0.5, 0.5);
            names.setPriority(FF.literal(50_000));
            return SB.createRule(names);
        }, 100_000, 1_500_000);
        return MapStyles.style(MapStyles.fts(lines.toArray(Rule[]::new)), MapStyles.fts(labels.toArray(Rule[]::new)));
    }

    /**
     * The rule made by {@code rule} for scales {@code from} to {@code to}, split at
     * {@link AdminLayers#SIMPLE_FROM_SCALE}: the boundaries' full outlines at larger scales, their simplified
     * copies (see {@link AdminLayers}) at smaller ones.
     */
    private static List<Rule> detailed(Supplier<Rule> rule, double from, double to) {
        List<Rule> out = new ArrayList<>(2);
        double split = AdminLayers.SIMPLE_FROM_SCALE;
        if (from < split) {
            Rule full = MapStyles.scaled(rule.get(), from, Math.min(to, split));
            full.setFilter(FF.equals(FF.property(AdminLayers.SIMPLIFIED), FF.literal(false)));
            out.add(full);
        }
        if (to > split) {
            Rule simple = MapStyles.scaled(rule.get(), Math.max(from, split), to);
            simple.setFilter(FF.equals(FF.property(AdminLayers.SIMPLIFIED), FF.literal(true)));
            out.add(simple);
        }
        return out;
    }

    /** Cities from the country view in, towns from 1:1,500,000, villages from 1:400,000; none at street scales. */
    static Style settlements() {
        List<Rule> rules = new ArrayList<>();
        rules.add(settlement("city", 5_000_000, 6, 11, true));
        rules.add(settlement("town", 1_500_000, 5, 10, false));
        rules.add(settlement("village", 400_000, 4, 9, false));
        return MapStyles.style(MapStyles.fts(rules.toArray(Rule[]::new)));
    }

    private static Rule settlement(String type, double maxScale, int dot, int fontSize, boolean bold) {
        Mark mark = SB.createMark("ring", new Color(0x4A4A4A), new Color(0xFFFFFF), 1.1);
        Symbolizer point = SB.createPointSymbolizer(SB.createGraphic(null, mark, null, 1, dot + 2, 0));
        TextSymbolizer text = MapStyles.label(PlaceLabels.LABEL, SB.createFont(MapStyles.FONT, false, bold, fontSize),
                new Color(0x303030), 0, 0.5);
        ((PointPlacement) text.getLabelPlacement()).setDisplacement(SB.createDisplacement(dot / 2.0 + 3, 0));
        text.setPriority(FF.property("population"));
        Rule rule = MapStyles.scaled(SB.createRule(new Symbolizer[] {point, text}), StreetStyles.MAX_SCALE, maxScale);
        rule.setFilter(FF.equals(FF.property("type"), FF.literal(type)));
        return rule;
    }
}
