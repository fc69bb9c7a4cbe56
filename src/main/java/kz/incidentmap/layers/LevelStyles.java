package kz.incidentmap.layers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.model.MapLevel;
import org.geotools.api.filter.Filter;
import org.geotools.api.filter.FilterFactory;
import org.geotools.api.style.FeatureTypeStyle;
import org.geotools.api.style.Rule;
import org.geotools.api.style.Stroke;
import org.geotools.api.style.Style;
import org.geotools.api.style.Symbolizer;
import org.geotools.factory.CommonFactoryFinder;
import org.geotools.styling.StyleBuilder;

/**
 * The cartography of the generalised levels, in the street map's colours: built-up areas and lakes,
 * then rivers, railways, and roads by class, a casing pass under a fill pass from the regional level on.
 * Every rule lies within its level's scale range, so a level is drawn only at its own scales.
 */
public final class LevelStyles {

    private static final StyleBuilder SB = new StyleBuilder();
    private static final FilterFactory FF = CommonFactoryFinder.getFilterFactory();
    /** Built-up areas appear from 1:500,000 on, below which a town is a few pixels or more wide. */
    static final double BUILT_UP_FROM = 500_001;
    static final Color BUILT_UP = new Color(0xE4DAD0);
    static final Color WATER = new Color(0xAAD3DF);
    static final Color RIVER = new Color(0x8CB9C8);

    /**
     * A road class at the levels: the road types it covers, widths at the overview, regional and local
     * levels, its colours.
     */
    private record Road(List<String> types, double[] widths, Color fill, Color casing) {
    }

    private static final List<Road> ROADS = List.of(
            new Road(List.of("tertiary"), new double[] {0, 0, 2.2}, new Color(0xFFFCE0), new Color(0x9B9572)),
            new Road(List.of("secondary"), new double[] {0, 1.6, 2.8}, new Color(0xF6F2A6), new Color(0x8A8530)),
            new Road(List.of("primary"), new double[] {1.3, 2.2, 3.4}, new Color(0xFBD59E), new Color(0xA6722A)),
            new Road(List.of("trunk", "motorway"), new double[] {1.8, 2.8, 4.2}, new Color(0xF29B73),
                    new Color(0xB35A3C)));

    private LevelStyles() {
    }

    /** The style of the levels' layer: each level's passes, each drawing its level's features at its scales. */
    public static Style levels() {
        List<FeatureTypeStyle> passes = new ArrayList<>();
        for (MapLevel level : MapLevel.values()) {
            passes.addAll(of(level).featureTypeStyles());
        }
        return MapStyles.style(passes.toArray(FeatureTypeStyle[]::new));
    }

    /** The passes of one level, each rule also asking that a feature be of the level. */
    static Style of(MapLevel level) {
        Style style = passes(level);
        Filter ofLevel = equals("level", level.key());
        for (FeatureTypeStyle fts : style.featureTypeStyles()) {
            for (Rule r : fts.rules()) {
                r.setFilter(r.getFilter() == null ? ofLevel : FF.and(ofLevel, r.getFilter()));
            }
        }
        return style;
    }

    private static Style passes(MapLevel level) {
        int k = level.ordinal();
        double from = level.minScale();
        double to = level.maxScale();
        List<FeatureTypeStyle> passes = new ArrayList<>();
        List<Rule> labels = new ArrayList<>();
        Rule builtUp = area(equals("kind", "builtup"), BUILT_UP, level == MapLevel.OVERVIEW ? null
                : BUILT_UP.darker(), from, Math.min(to, BUILT_UP_FROM));
        builtUp.getDescription().setTitle("Built-up area");
        Rule lakes = area(equals("kind", "water"), WATER, null, from, to);
        passes.add(MapStyles.fts(builtUp, lakes));
        Rule rivers = line(equals("kind", "waterway"), RIVER, new double[] {0, 1.2, 1.8}[k], null, from, to);
        passes.add(MapStyles.fts(rivers));
        if (level != MapLevel.OVERVIEW) {
            Rule riverNames = MapStyles.scaled(SB.createRule(StreetStyles.waterName()), from, to);
            riverNames.setFilter(FF.and(equals("kind", "waterway"), FF.not(FF.isNull(FF.property("name")))));
            labels.add(riverNames);
        }
        // A railway: a dark line with white dashes from the regional level on, where it is wide enough.
        Filter rail = equals("kind", "railway");
        double railWidth = new double[] {1.0, 1.8, 2.4}[k];
        Rule railLine = line(rail, new Color(0x6F6F6F), railWidth, null, from, to);
        passes.add(MapStyles.fts(railLine));
        if (level != MapLevel.OVERVIEW) {
            passes.add(MapStyles.fts(line(rail, Color.WHITE, railWidth / 2.5, new float[] {5, 5}, from, to)));
        }
        List<Rule> casings = new ArrayList<>();
        List<FeatureTypeStyle> fills = new ArrayList<>();
        for (Road r : ROADS) {
            double w = r.widths()[k];
            if (w <= 0) {
                continue;
            }
            Filter f = FF.and(equals("kind", "highway"), anyType(r.types()));
            if (level == MapLevel.OVERVIEW) {
                fills.add(MapStyles.fts(line(f, r.casing(), w, null, from, to)));
            } else {
                casings.add(line(f, r.casing(), w + 1.4, null, from, to));
                fills.add(MapStyles.fts(line(f, r.fill(), w, null, from, to)));
            }
        }
        if (!casings.isEmpty()) {
            passes.add(MapStyles.fts(casings.toArray(Rule[]::new)));
        }
        passes.addAll(fills);
        fills.get(fills.size() - 2).rules().get(0).getDescription().setTitle("Main road");
        labels.addAll(roadLabels(level, from, to));
        if (!labels.isEmpty()) {
            // Names last, over every line.
            passes.add(MapStyles.fts(labels.toArray(Rule[]::new)));
        }
        return MapStyles.style(passes.toArray(FeatureTypeStyle[]::new));
    }

    /**
     * Road names and numbers at a level, fewer the smaller the scale: at the local level the names of
     * secondary roads and larger and the numbers of primary ones and larger; at the regional level names
     * and numbers of primary roads and larger; at the overview the numbers of trunk roads and motorways
     * only ("M-39"), as road maps of a country show them.
     */
    private static List<Rule> roadLabels(MapLevel level, double from, double to) {
        int namesFrom = switch (level) {
            case LOCAL -> 6;
            case REGIONAL -> 7;
            case OVERVIEW -> Integer.MAX_VALUE;
        };
        int numbersFrom = level == MapLevel.OVERVIEW ? 8 : 7;
        Filter road = equals("kind", "highway");
        List<Rule> rules = new ArrayList<>();
        if (namesFrom != Integer.MAX_VALUE) {
            Rule names = MapStyles.scaled(SB.createRule(StreetStyles.lineLabel(10, true)), from, to);
            names.setFilter(FF.and(List.of(road, FF.not(FF.isNull(FF.property("name"))),
                    FF.greaterOrEqual(FF.property("rank"), FF.literal(namesFrom)))));
            rules.add(names);
        }
        Rule numbers = MapStyles.scaled(SB.createRule(StreetStyles.roadNumber()), from, to);
        numbers.setFilter(FF.and(List.of(road, FF.not(FF.isNull(FF.property("ref"))),
                FF.greaterOrEqual(FF.property("rank"), FF.literal(numbersFrom)))));
        rules.add(numbers);
        return rules;
    }

    private static Rule area(Filter filter, Color fill, Color stroke, double from, double to) {
        Symbolizer s = stroke == null ? SB.createPolygonSymbolizer(SB.createStroke(fill, 0.1), SB.createFill(fill))
                : SB.createPolygonSymbolizer(fill, stroke, 0.6);
        Rule r = MapStyles.scaled(SB.createRule(s), from, to);
        r.setFilter(filter);
        return r;
    }

    private static Rule line(Filter filter, Color colour, double width, float[] dash, double from, double to) {
        Stroke s = dash == null ? SB.createStroke(colour, width) : SB.createStroke(colour, width, dash);
        s.setLineCap(FF.literal(dash == null ? "round" : "butt"));
        s.setLineJoin(FF.literal("round"));
        Rule r = MapStyles.scaled(SB.createRule(SB.createLineSymbolizer(s)), from, to);
        r.setFilter(filter);
        return r;
    }

    private static Filter anyType(List<String> types) {
        List<Filter> any = types.stream().map(t -> equals("type", t)).toList();
        return any.size() == 1 ? any.get(0) : FF.or(any);
    }

    private static Filter equals(String property, String value) {
        return FF.equals(FF.property(property), FF.literal(value));
    }
}
