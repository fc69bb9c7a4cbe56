package kz.incidentmap.layers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.geotools.api.filter.Filter;
import org.geotools.api.filter.FilterFactory;
import org.geotools.api.style.FeatureTypeStyle;
import org.geotools.api.style.Graphic;
import org.geotools.api.style.LineSymbolizer;
import org.geotools.api.style.Mark;
import org.geotools.api.style.PointPlacement;
import org.geotools.api.style.Rule;
import org.geotools.api.style.Stroke;
import org.geotools.api.style.Style;
import org.geotools.api.style.Symbolizer;
import org.geotools.api.style.TextSymbolizer;
import org.geotools.factory.CommonFactoryFinder;
import org.geotools.styling.StyleBuilder;

/**
 * The street-level cartography as GeoTools {@link Style}s: areas (land use, parks, squares, water,
 * buildings), roads by class with a casing under each, and points of interest. Everything is shown
 * only at street scales, from {@value #MAX_SCALE_TEXT} down; road widths follow the scale through
 * rules per scale band, each band drawing a road about as wide as it is on the ground, within limits
 * that keep small roads visible and large ones from covering the blocks.
 */
public final class StreetStyles {

    /** Street layers are drawn at scales below this denominator (so 1:25,000 and closer). */
    public static final double MAX_SCALE = 25_001;
    static final String MAX_SCALE_TEXT = "1:25,000";
    /** Minor detail (footways, minor names, points of interest) below this. */
    static final double DETAIL_SCALE = 12_501;
    /** One-way arrows below this, where a street is wide enough to hold one. */
    static final double ONEWAY_SCALE = 10_001;
    /** A one-way arrow's length and the distance from one to the next along a street, pixels. */
    static final double ONEWAY_ARROW_PX = 9;
    static final double ONEWAY_PERIOD_PX = 90;

    private static final StyleBuilder SB = new StyleBuilder();
    private static final FilterFactory FF = CommonFactoryFinder.getFilterFactory();
    /** Scale bands {from, to}; widths are computed at each band's geometric middle. */
    private static final double[][] BANDS = {{0, 2_000}, {2_000, 4_000}, {4_000, 8_000}, {8_000, 16_000},
            {16_000, MAX_SCALE}};

    /**
     * A class of roads: the {@code type} values it covers, drawing order, colours and width.
     *
     * @param rank drawing and label priority (higher on top)
     * @param metres the width drawn, in metres on the ground
     * @param minPx the narrowest it is drawn, in pixels
     * @param maxScale the scale from which it appears
     */
    record RoadClass(String name, List<String> types, int rank, Color fill, Color casing, double metres, double minPx,
            double maxScale) {
    }

    static final List<RoadClass> ROAD_CLASSES = List.of(
            new RoadClass("path", List.of("footway", "path", "cycleway", "steps", "track"), 1, new Color(0xE8826E), null,
                    2, 1, DETAIL_SCALE),
            new RoadClass("service", List.of("service", "road"), 2, Color.WHITE, new Color(0xBDB6AC), 6, 1.2, DETAIL_SCALE),
            new RoadClass("pedestrian", List.of("pedestrian", "living_street"), 3, new Color(0xEDEBF2),
                    new Color(0xACA8BC), 8, 1.6, MAX_SCALE),
            new RoadClass("residential", List.of("residential", "unclassified"), 4, Color.WHITE, new Color(0xADA59A),
                    11, 2, MAX_SCALE),
            new RoadClass("tertiary", List.of("tertiary", "tertiary_link"), 5, new Color(0xFFFCE0),
                    new Color(0x9B9572), 14, 2.5, MAX_SCALE),
            new RoadClass("secondary", List.of("secondary", "secondary_link"), 6, new Color(0xF6F2A6),
                    new Color(0x8A8530), 18, 3, MAX_SCALE),
            new RoadClass("primary", List.of("primary", "primary_link"), 7, new Color(0xFBD59E),
                    new Color(0xA6722A), 22, 3.5, MAX_SCALE),
            new RoadClass("trunk", List.of("trunk", "trunk_link", "motorway", "motorway_link"), 8,
                    new Color(0xF5AC92), new Color(0xB35A3C), 26, 4, MAX_SCALE));

    private static final Color RAIL = new Color(0x7A7A7A);
    /** The casing of a road on a bridge or a higher layer. */
    private static final Color BRIDGE_CASING = new Color(0x4D4D4D);

    /** Road classes that get a legend entry, and its text. */
    private static final Map<String, String> LEGEND = Map.of("primary", "Main road",
            "residential", "Street", "path", "Footway or path");

    private StreetStyles() {
    }

    /** Land use, squares, parks and water, with the names of named parks and squares. */
    public static Style areas() {
        List<Rule> fills = new ArrayList<>();
        fills.add(area(equals("layer", "landuse"), new Color(0xEBE5DA), null, MAX_SCALE));
        fills.add(area(typeIs("landuse", "residential"), new Color(0xEDE7DE), null, MAX_SCALE));
        fills.add(area(FF.or(typeIs("landuse", "retail"), typeIs("landuse", "commercial")), new Color(0xF5DEDB),
                new Color(0xE3BDB8), MAX_SCALE));
        fills.add(area(typeIs("amenity", "marketplace"), new Color(0xF2D3C9), new Color(0xD9A898), MAX_SCALE));
        fills.add(area(FF.or(equals("kind", "leisure"), FF.or(typeIs("landuse", "grass"), equals("kind", "natural"))),
                new Color(0xC6E4B0), new Color(0xA3CC8B), MAX_SCALE));
        fills.add(area(FF.or(equals("kind", "place"), typeIs("highway", "pedestrian")), new Color(0xE9E6F0),
                new Color(0xBDB8CE), MAX_SCALE));
        Filter waterLine = FF.or(List.of(typeIs("waterway", "river"), typeIs("waterway", "stream"),
                typeIs("waterway", "canal"), typeIs("waterway", "drain"), typeIs("waterway", "ditch")));
        Rule water = area(FF.and(equals("layer", "water"), FF.not(waterLine)), new Color(0xAAD3DF),
                new Color(0x8CB9C8), MAX_SCALE);
        Rule waterway = MapStyles.scaled(SB.createRule(SB.createLineSymbolizer(SB.createStroke(new Color(0x8CB9C8), 2.5))),
                0, MAX_SCALE);
        waterway.setFilter(waterLine);
        TextSymbolizer areaNames = MapStyles.label("name", SB.createFont(MapStyles.FONT, true, false, 11),
                new Color(0x5A6B4A), 0.5, 0.5);
        areaNames.setPriority(FF.literal(600));
        // Below the middle, where a monument or fountain often stands.
        ((PointPlacement) areaNames.getLabelPlacement()).setDisplacement(SB.createDisplacement(0, -16));
        Rule names = MapStyles.scaled(SB.createRule(areaNames), 0, DETAIL_SCALE);
        names.setFilter(FF.and(FF.not(FF.isNull(FF.property("name"))),
                FF.or(List.of(equals("kind", "leisure"), equals("kind", "place"), typeIs("highway", "pedestrian")))));
        Rule riverNames = MapStyles.scaled(SB.createRule(waterName()), 0, MAX_SCALE);
        riverNames.setFilter(FF.and(waterLine, FF.not(FF.isNull(FF.property("name")))));
        return MapStyles.style(MapStyles.fts(fills.toArray(Rule[]::new)), MapStyles.fts(water, waterway),
                MapStyles.fts(names, riverNames));
    }

    /** A river's or canal's name along it, in blue italics, below the street names in priority. */
    static TextSymbolizer waterName() {
        TextSymbolizer t = SB.createTextSymbolizer(SB.createFill(new Color(0x2F6F8F)),
                new org.geotools.api.style.Font[] {SB.createFont(MapStyles.FONT, true, false, 11)},
                SB.createHalo(new Color(255, 255, 255, 220), 1.5), FF.property("name"), SB.createLinePlacement(0), null);
        t.setPriority(FF.literal(300));
        return t;
    }

    /**
     * Building outlines: one rule, since a city has more buildings than anything else, and only from the
     * detail scale on, where a building is more than a few pixels wide.
     */
    public static Style buildings() {
        Rule buildings = MapStyles.scaled(SB.createRule(SB.createPolygonSymbolizer(new Color(0xD8CEC3),
                new Color(0xB3A596), 0.7)), 0, DETAIL_SCALE);
        return MapStyles.style(MapStyles.fts(buildings));
    }

    /**
     * Roads: tunnels first, dashed; then at ground level the casings of every class, from the least to
     * the most important, then the fills in the same order, so that streets meeting at a junction join
     * without a casing line across it and a larger road's fill lies over a smaller one's; then bridges
     * and higher layers with a dark casing over what they cross; names and road numbers last, along
     * the lines. Within bridges, or tunnels, one class is not ordered over another.
     */
    public static Style roads() {
        List<FeatureTypeStyle> passes = new ArrayList<>();
        List<FeatureTypeStyle> fillPasses = new ArrayList<>();
        // Tunnels first, under everything at ground level: a dashed line in the casing's colour.
        List<Rule> tunnels = new ArrayList<>();
        // Bridges (and anything on a higher layer) last: a dark casing over the roads they cross.
        List<Rule> bridgeCasings = new ArrayList<>();
        List<Rule> bridgeFills = new ArrayList<>();
        // Railways under the roads: a grey line with white dashes, as on the levels above.
        Filter railway = equals("kind", "railway");
        // No legend entry: the legend lists a layer's classes whether or not the frame holds any, and most
        // towns' street maps have no railway.
        Filter ground = FF.equals(FF.property("z"), FF.literal(0));
        Filter below = FF.less(FF.property("z"), FF.literal(0));
        Filter above = FF.greater(FF.property("z"), FF.literal(0));
        Filter railwayLow = FF.and(railway, FF.not(above));
        passes.add(MapStyles.fts(line(railwayLow, RAIL, 3, null, new double[] {0, MAX_SCALE}, MAX_SCALE)));
        passes.add(MapStyles.fts(line(railwayLow, Color.WHITE, 1.2, new float[] {6, 6}, new double[] {0, MAX_SCALE},
                MAX_SCALE)));
        for (RoadClass rc : ROAD_CLASSES) {
            List<Rule> casings = new ArrayList<>();
            List<Rule> fills = new ArrayList<>();
            for (double[] band : BANDS) {
                if (band[0] >= rc.maxScale()) {
                    continue;
                }
                double px = widthPx(rc, band);
                Filter f = FF.and(isClass(rc), ground);
                if (rc.casing() != null) {
                    casings.add(line(f, rc.casing(), px + (px > 6 ? 2.5 : 1.6), null, band, rc.maxScale()));
                    fills.add(line(f, rc.fill(), px, null, band, rc.maxScale()));
                    tunnels.add(line(FF.and(isClass(rc), below), rc.casing(), Math.max(1.5, px * 0.6),
                            new float[] {5, 3}, band, rc.maxScale()));
                    bridgeCasings.add(line(FF.and(isClass(rc), above), BRIDGE_CASING, px + 3.5, null, band,
                            rc.maxScale()));
                    bridgeFills.add(line(FF.and(isClass(rc), above), rc.fill(), px, null, band, rc.maxScale()));
                } else {
                    // Paths: no casing; on whatever level, dashed as they are.
                    fills.add(line(isClass(rc), rc.fill(), Math.max(1, px), new float[] {4, 2.5f}, band,
                            rc.maxScale()));
                }
                if (band == BANDS[3] && LEGEND.containsKey(rc.name())) {
                    // One legend entry per kind of road, with its symbol at about 1:11,000.
                    // A white fill would not show in the legend: the casing stands for it then.
                    List<Rule> shown = Color.WHITE.equals(rc.fill()) && rc.casing() != null ? casings : fills;
                    shown.get(shown.size() - 1).getDescription().setTitle(LEGEND.get(rc.name()));
                }
            }
            if (!casings.isEmpty()) {
                passes.add(MapStyles.fts(casings.toArray(Rule[]::new)));
            }
            fillPasses.add(MapStyles.fts(fills.toArray(Rule[]::new)));
        }
        passes.add(0, MapStyles.fts(tunnels.toArray(Rule[]::new)));
        passes.addAll(fillPasses);
        passes.add(MapStyles.fts(onewayArrows(FF.not(above))));
        // Railways on bridges with the roads on bridges, their casings first.
        Filter railwayHigh = FF.and(railway, above);
        bridgeCasings.add(0, line(railwayHigh, BRIDGE_CASING, 5.5, null, new double[] {0, MAX_SCALE}, MAX_SCALE));
        passes.add(MapStyles.fts(bridgeCasings.toArray(Rule[]::new)));
        bridgeFills.add(0, line(railwayHigh, RAIL, 3, null, new double[] {0, MAX_SCALE}, MAX_SCALE));
        passes.add(MapStyles.fts(bridgeFills.toArray(Rule[]::new)));
        passes.add(MapStyles.fts(line(railwayHigh, Color.WHITE, 1.2, new float[] {6, 6}, new double[] {0, MAX_SCALE},
                MAX_SCALE)));
        passes.add(MapStyles.fts(onewayArrows(above)));
        passes.add(MapStyles.fts(roadLabels()));
        return MapStyles.style(passes.toArray(FeatureTypeStyle[]::new));
    }

    /**
     * Arrows along one-way roads ({@code oneway} true) of {@code level}, pointing the way the road is
     * drawn (the way's direction in OpenStreetMap): a graphic stroke of the "oneway" mark, one arrow per
     * {@value #ONEWAY_PERIOD_PX} pixels, none on a street shorter than that, from about 1:10,000 down.
     */
    private static Rule onewayArrows(Filter level) {
        Mark arrow = SB.createMark("oneway", new Color(0x6F6AA8), null, 0);
        Graphic graphic = SB.createGraphic(null, arrow, null, 1, ONEWAY_ARROW_PX, 0);
        Stroke s = SB.createStroke(new Color(0x6F6AA8), 1);
        s.setGraphicStroke(graphic);
        s.setDashArray(List.of(FF.literal(ONEWAY_ARROW_PX), FF.literal(ONEWAY_PERIOD_PX - ONEWAY_ARROW_PX)));
        Rule r = MapStyles.scaled(SB.createRule(SB.createLineSymbolizer(s)), 0, ONEWAY_SCALE);
        r.setFilter(FF.and(List.of(FF.equals(FF.property("oneway"), FF.literal(true)),
                FF.greater(FF.property("rank"), FF.literal(1)), level)));
        return r;
    }

    /** Names along the lines: larger roads' names from 1:25,000, all from the detail scale. */
    private static Rule[] roadLabels() {
        TextSymbolizer major = lineLabel(11, true);
        TextSymbolizer minor = lineLabel(10, false);
        Filter named = FF.not(FF.isNull(FF.property("name")));
        Rule big = MapStyles.scaled(SB.createRule(major), 0, MAX_SCALE);
        big.setFilter(FF.and(named, FF.greaterOrEqual(FF.property("rank"), FF.literal(5))));
        Rule small = MapStyles.scaled(SB.createRule(minor), 0, DETAIL_SCALE);
        small.setFilter(FF.and(named, FF.and(FF.less(FF.property("rank"), FF.literal(5)),
                FF.greater(FF.property("rank"), FF.literal(1)))));
        // Road numbers on secondary roads and larger, beside the names where the line is long enough.
        Rule numbers = MapStyles.scaled(SB.createRule(roadNumber()), 0, MAX_SCALE);
        numbers.setFilter(FF.and(FF.not(FF.isNull(FF.property("ref"))),
                FF.greaterOrEqual(FF.property("rank"), FF.literal(6))));
        return new Rule[] {big, small, numbers};
    }

    /** A road's number ({@code ref}) along it, bold on a pale halo, just under the road's name in priority. */
    static TextSymbolizer roadNumber() {
        TextSymbolizer number = SB.createTextSymbolizer(SB.createFill(new Color(0x3B3B3B)),
                new org.geotools.api.style.Font[] {SB.createFont(MapStyles.FONT, false, true, 9)},
                SB.createHalo(new Color(0xFFF6D5), 2.2), FF.property("ref"), SB.createLinePlacement(0), null);
        number.setPriority(FF.subtract(FF.multiply(FF.literal(100), FF.property("rank")), FF.literal(50)));
        return number;
    }

    /** A road's name along it, its priority by the road's rank. */
    static TextSymbolizer lineLabel(int size, boolean bold) {
        TextSymbolizer t = SB.createTextSymbolizer(SB.createFill(new Color(0x2B2B2B)),
                new org.geotools.api.style.Font[] {SB.createFont(MapStyles.FONT, false, bold, size)},
                SB.createHalo(new Color(255, 255, 255, 230), 1.6), FF.property("name"), SB.createLinePlacement(0), null);
        t.setPriority(FF.multiply(FF.literal(100), FF.property("rank")));
        return t;
    }

    /** Points of interest: a symbol by kind, the name beside it. */
    public static Style pois() {
        List<Rule> rules = new ArrayList<>();
        rules.add(poi(typeIs("amenity", "marketplace"), "diamond", new Color(0xD9730D), 11, 950));
        rules.add(poi(equals("kind", "shop"), "pentagon", new Color(0xA23BA2), 9, 900));
        rules.add(poi(FF.or(equals("kind", "office"), equals("kind", "government")), "hexagon", new Color(0x3E5488), 10,
                920));
        rules.add(poi(FF.or(equals("kind", "historic"), equals("kind", "tourism")), "monument", new Color(0x8B5A2B), 12, 910));
        Rule other = poi(null, "diamond", new Color(0x6B6B6B), 8, 700);
        other.setElseFilter(true);
        rules.add(other);
        return MapStyles.style(MapStyles.fts(rules.toArray(Rule[]::new)));
    }

    private static Rule poi(Filter filter, String mark, Color fill, int size, int priority) {
        Mark m = SB.createMark(mark, fill, Color.WHITE, 1.2);
        Graphic g = SB.createGraphic(null, m, null, 1, size, 0);
        TextSymbolizer text = MapStyles.label("name", SB.createFont(MapStyles.FONT, false, false, 10),
                fill.darker(), 0, 0.5);
        ((PointPlacement) text.getLabelPlacement()).setDisplacement(SB.createDisplacement(size / 2.0 + 3, 0));
        text.setPriority(FF.literal(priority));
        Rule r = MapStyles.scaled(SB.createRule(new Symbolizer[] {SB.createPointSymbolizer(g), text}), 0, DETAIL_SCALE);
        if (filter != null) {
            r.setFilter(filter);
        }
        return r;
    }

    /** The width of a road class in a scale band, in pixels. */
    static double widthPx(RoadClass rc, double[] band) {
        double middle = Math.sqrt(Math.max(1_000, band[0]) * band[1]);
        double px = rc.metres() / (middle * 0.00028);
        return Math.max(rc.minPx(), Math.min(36, px));
    }

    private static Rule line(Filter filter, Color colour, double width, float[] dash, double[] band, double maxScale) {
        Stroke s = dash == null ? SB.createStroke(colour, width) : SB.createStroke(colour, width, dash);
        s.setLineCap(FF.literal("round"));
        s.setLineJoin(FF.literal("round"));
        LineSymbolizer ls = SB.createLineSymbolizer(s);
        Rule r = MapStyles.scaled(SB.createRule(ls), band[0], Math.min(band[1], maxScale));
        r.setFilter(filter);
        return r;
    }

    private static Rule area(Filter filter, Color fill, Color stroke, double maxScale) {
        Symbolizer s = stroke == null ? SB.createPolygonSymbolizer(SB.createStroke(fill, 0.1), SB.createFill(fill))
                : SB.createPolygonSymbolizer(fill, stroke, 0.8);
        Rule r = MapStyles.scaled(SB.createRule(s), 0, maxScale);
        r.setFilter(filter);
        return r;
    }

    /** Roads of a class, by the rank the layer computed from the type: one comparison per feature and pass. */
    private static Filter isClass(RoadClass rc) {
        return FF.equals(FF.property("rank"), FF.literal(rc.rank()));
    }

    private static Filter equals(String property, String value) {
        return FF.equals(FF.property(property), FF.literal(value));
    }

    private static Filter typeIs(String kind, String type) {
        return FF.and(equals("kind", kind), equals("type", type));
    }

    /** The drawing and label rank of a road type; 0 for types we do not draw. */
    static int rank(String type) {
        for (RoadClass rc : ROAD_CLASSES) {
            if (rc.types().contains(type)) {
                return rc.rank();
            }
        }
        return 0;
    }
}
