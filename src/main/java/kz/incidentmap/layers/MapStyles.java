package kz.incidentmap.layers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.Vocabulary;
import org.geotools.api.filter.Filter;
import org.geotools.api.filter.FilterFactory;
import org.geotools.api.filter.expression.Expression;
import org.geotools.api.style.FeatureTypeStyle;
import org.geotools.api.style.Graphic;
import org.geotools.api.style.Mark;
import org.geotools.api.style.PointPlacement;
import org.geotools.api.style.Rule;
import org.geotools.api.style.Style;
import org.geotools.api.style.Symbolizer;
import org.geotools.api.style.TextSymbolizer;
import org.geotools.factory.CommonFactoryFinder;
import org.geotools.styling.StyleBuilder;

/**
 * The cartography of the map as GeoTools {@link Style}s: one per layer, with rules that carry scale
 * ranges so that detail appears as the user zooms in. The renderer draws whatever these say.
 */
public final class MapStyles {

    static final String FONT = "SansSerif";
    /**
     * The attribute of an incident feature that holds its sub-type's number ({@link IncidentSubType#ordinal},
     * -1 for none and for a cluster): a sub-type with its own marker is told apart by it.
     */
    public static final String SUB_TYPE_NUMBER = "sub_type_no";
    private static final StyleBuilder SB = new StyleBuilder();
    private static final FilterFactory FF = CommonFactoryFinder.getFilterFactory();

    /** Marker colour and shape of each incident type; the legend reads the same table. */
    public record TypeSymbol(IncidentType type, String mark, Color fill) {
    }

    public static final List<TypeSymbol> INCIDENT_SYMBOLS = List.of(
            new TypeSymbol(IncidentType.SUICIDE_BOMBING, "star", new Color(0xB2182B)),
            new TypeSymbol(IncidentType.EXPLOSION, "star", new Color(0xE66101)),
            new TypeSymbol(IncidentType.ARMED_ATTACK, "circle", new Color(0xD7301F)),
            new TypeSymbol(IncidentType.ARMED_CLASH, "circle", new Color(0x7B3294)),
            new TypeSymbol(IncidentType.SECURITY_OPERATION, "square", new Color(0x2166AC)),
            new TypeSymbol(IncidentType.THREAT, "triangle", new Color(0x636363)),
            new TypeSymbol(IncidentType.CLAIM, "triangle", new Color(0x252525)),
            new TypeSymbol(IncidentType.POLICY, "square", new Color(0x8C8C8C)),
            new TypeSymbol(IncidentType.PROTEST, "circle", new Color(0x1B7837)),
            new TypeSymbol(IncidentType.RIOT, "triangle", new Color(0xB35806)));

    private MapStyles() {
    }

    /** Kazakhstan's land, its neighbours' fill and edge, and the national border (also the start-up preview's). */
    public static final Color LAND = new Color(0xF7F2E4);
    public static final Color NEIGHBOUR = new Color(0xE3E1DC);
    public static final Color NEIGHBOUR_EDGE = new Color(0xB4AEA4);
    public static final Color BORDER = new Color(0x6B5A45);

    /** Kazakhstan in a warm tone over grey neighbours; the national border drawn last, on top. */
    public static Style countries() {
        Rule neighbour = SB.createRule(SB.createPolygonSymbolizer(NEIGHBOUR, NEIGHBOUR_EDGE, 0.8));
        neighbour.setElseFilter(true);
        Rule kaz = SB.createRule(SB.createPolygonSymbolizer(LAND, LAND, 0.1));
        kaz.setFilter(isKazakhstan());
        TextSymbolizer names = label(PlaceLabels.LABEL, SB.createFont(FONT, true, false, 12), new Color(0x8A847A), 0.5, 0.5);
        names.setPriority(FF.literal(20_000));
        Rule neighbourNames = scaled(SB.createRule(names), 0, 60_000_000);
        neighbourNames.setFilter(FF.not(isKazakhstan()));
        Rule border = SB.createRule(SB.createLineSymbolizer(SB.createStroke(BORDER, 1.8)));
        border.setFilter(isKazakhstan());
        return style(fts(kaz, neighbour), fts(border, neighbourNames));
    }

    /** Oblast boundaries as dashed lines; their names at regional scales. */
    public static Style oblasts() {
        Rule lines = SB.createRule(SB.createLineSymbolizer(
                SB.createStroke(new Color(0xA08E72), 0.9, new float[] {5, 3})));
        TextSymbolizer names = label(PlaceLabels.LABEL, SB.createFont(FONT, true, false, 11), new Color(0x7D6B52), 0.5, 0.5);
        names.setPriority(FF.literal(150_000));
        Rule labels = scaled(SB.createRule(names), 700_000, 25_000_000);
        return style(fts(lines), fts(labels));
    }

    /** City dots and names: the larger the city, the farther out it is shown and the likelier its label wins. */
    public static Style cities() {
        List<Rule> rules = new ArrayList<>();
        rules.add(cityClass(500_000, Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY, 8, 13, true));
        rules.add(cityClass(100_000, 500_000, 0, 18_000_000, 6, 12, false));
        rules.add(cityClass(20_000, 100_000, 0, 5_000_000, 5, 11, false));
        rules.add(cityClass(0, 20_000, 0, 1_500_000, 4, 10, false));
        return style(fts(rules.toArray(Rule[]::new)));
    }

    private static Rule cityClass(int minPop, double maxPop, double minScale, double maxScale, int dot,
            int fontSize, boolean bold) {
        // A ring around a dot, the town sign of printed maps: a plain dot would be an incident's circle.
        Mark mark = SB.createMark("ring", new Color(0x3A3A3A), new Color(0xFFFFFF), 1.2);
        Symbolizer point = SB.createPointSymbolizer(SB.createGraphic(null, mark, null, 1, dot + 2, 0));
        TextSymbolizer text = label(PlaceLabels.LABEL, SB.createFont(FONT, false, bold, fontSize), new Color(0x202020), 0, 0.5);
        ((PointPlacement) text.getLabelPlacement()).setDisplacement(SB.createDisplacement(dot / 2.0 + 3, 0));
        text.setPriority(FF.property("population"));
        // Below 1:25,000 the street layers take over and the city dot steps back.
        Rule rule = scaled(SB.createRule(new Symbolizer[] {point, text}), Math.max(minScale, StreetStyles.MAX_SCALE),
                maxScale);
        Filter big = FF.greaterOrEqual(FF.property("population"), FF.literal(minPop));
        rule.setFilter(Double.isInfinite(maxPop) ? big
                : FF.and(big, FF.less(FF.property("population"), FF.literal((int) maxPop))));
        return rule;
    }

    /** One rule per incident type: shape and colour by type, size growing with reported casualties. */
    public static Style incidents() {
        return incidents(Vocabulary.builtIn());
    }

    /**
     * The same, with a rule of its own (after the families', which the layer list shows) for each sub-type of
     * {@code vocabulary} that has its own marker shape or colour (the other of the two its family's); its
     * family's rule leaves it out.
     */
    public static Style incidents(Vocabulary vocabulary) {
        List<IncidentSubType> own = vocabulary.subTypes().stream().filter(IncidentSubType::ownSymbol).toList();
        List<Rule> rules = new ArrayList<>();
        for (TypeSymbol ts : INCIDENT_SYMBOLS) {
            Rule rule = marker(ts.mark(), ts.fill());
            Filter ofType = FF.equals(FF.property("type"), FF.literal(ts.type().code()));
            List<Filter> others = own.stream().filter(s -> s.type() == ts.type())
                    .map(s -> (Filter) FF.equals(FF.property(SUB_TYPE_NUMBER), FF.literal(s.ordinal()))).toList();
            rule.setFilter(others.isEmpty() ? ofType : FF.and(ofType, FF.not(FF.or(others))));
            rule.setName(ts.type().code());
            rule.getDescription().setTitle(ts.type().label());
            rules.add(rule);
        }
        for (IncidentSubType s : own) {
            TypeSymbol family = symbolOf(s.type());
            Rule rule = marker(s.mark() != null ? s.mark() : family.mark(),
                    s.colour() != null ? Color.decode(s.colour()) : family.fill());
            rule.setFilter(FF.equals(FF.property(SUB_TYPE_NUMBER), FF.literal(s.ordinal())));
            rule.setName(s.code());
            rule.getDescription().setTitle(s.label());
            rules.add(rule);
        }
        return style(fts(rules.toArray(Rule[]::new)));
    }

    /** The marker of a family. */
    public static TypeSymbol symbolOf(IncidentType type) {
        return INCIDENT_SYMBOLS.stream().filter(ts -> ts.type() == type).findFirst().orElseThrow();
    }

    private static Rule marker(String shape, Color fill) {
        Mark mark = SB.createMark(shape, fill, Color.WHITE, 1.3);
        Graphic g = SB.createGraphic(null, mark, null);
        g.setSize(markerSize());
        return SB.createRule(SB.createPointSymbolizer(g));
    }

    /** A marker's size in pixels: 12, growing with the square root of the reported casualties. */
    static Expression markerSize() {
        return FF.add(FF.literal(12), FF.multiply(FF.literal(2.5), StyleFunctions.sqrt(FF.property("casualties"))));
    }

    private static Filter isKazakhstan() {
        return FF.equals(FF.property(CountryCodes.ATTRIBUTE), FF.literal(CountryCodes.KAZAKHSTAN));
    }

    static TextSymbolizer label(String property, org.geotools.api.style.Font font, Color colour,
            double anchorX, double anchorY) {
        TextSymbolizer t = SB.createTextSymbolizer(SB.createFill(colour), new org.geotools.api.style.Font[] {font},
                SB.createHalo(new Color(255, 255, 255, 220), 1.8), FF.property(property),
                SB.createPointPlacement(anchorX, anchorY, 0), null);
        return t;
    }

    static Rule scaled(Rule rule, double minScale, double maxScale) {
        rule.setMinScaleDenominator(minScale);
        rule.setMaxScaleDenominator(maxScale);
        return rule;
    }

    static FeatureTypeStyle fts(Rule... rules) {
        return SB.createFeatureTypeStyle(null, rules);
    }

    static Style style(FeatureTypeStyle... passes) {
        Style s = SB.createStyle();
        s.featureTypeStyles().addAll(List.of(passes));
        return s;
    }
}
