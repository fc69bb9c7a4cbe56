package kz.incidentmap.layers;

import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.geotools.api.filter.Filter;
import org.geotools.api.filter.FilterFactory;
import org.geotools.api.style.Graphic;
import org.geotools.api.style.Mark;
import org.geotools.api.style.Rule;
import org.geotools.api.style.Style;
import org.geotools.factory.CommonFactoryFinder;
import org.geotools.styling.StyleBuilder;

/**
 * The ways the incident layer can be coloured: by type (shape and colour per type, the default), by
 * reported casualties (graduated reds) or by date (graduated from old, pale, to recent, dark). Each
 * rule has a title, so the legend lists the classes.
 */
public enum IncidentStyling {
    BY_TYPE("By type"),
    BY_CASUALTIES("By casualties"),
    BY_DATE("By date");

    private static final StyleBuilder SB = new StyleBuilder();
    private static final FilterFactory FF = CommonFactoryFinder.getFilterFactory();
    private static final Color[] REDS = {new Color(0xFEE5D9), new Color(0xFCAE91), new Color(0xFB6A4A),
            new Color(0xDE2D26), new Color(0xA50F15)};
    private static final Color[] BLUES = {new Color(0xC6DBEF), new Color(0x9ECAE1), new Color(0x6BAED6),
            new Color(0x3182BD), new Color(0x08519C)};

    private final String label;

    IncidentStyling(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The style for the incidents {@code layer} draws (an incident layer: the date classes are fitted to
     * the dates in its index). Reads every incident's day: off the JavaFX thread.
     */
    public Style styleFor(MapLayer layer) {
        return style(layer.indexed().orElseThrow(() -> new IllegalArgumentException(layer.name()
                + " is not an incident layer")));
    }

    /**
     * The style for the incidents of {@code source} (the markers of its store's sub-types, the date classes
     * fitted to its dates).
     */
    public Style style(IncidentFeatureSource source) {
        return switch (this) {
            case BY_TYPE -> MapStyles.incidents(source.records().vocabulary());
            case BY_CASUALTIES -> byCasualties();
            case BY_DATE -> byDate(dateRange(source.index()));
        };
    }

    private static Style byCasualties() {
        int[][] classes = {{0, 0}, {1, 4}, {5, 19}, {20, 99}, {100, Integer.MAX_VALUE}};
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < classes.length; i++) {
            int lo = classes[i][0];
            int hi = classes[i][1];
            Filter f = FF.and(FF.greaterOrEqual(FF.property("casualties"), FF.literal(lo)),
                    FF.lessOrEqual(FF.property("casualties"), FF.literal(hi)));
            String title = lo == 0 && hi == 0 ? "No casualties reported"
                    : hi == Integer.MAX_VALUE ? lo + " or more killed or wounded" : lo + "\u2013" + hi + " killed or wounded";
            rules.add(rule(REDS[i], f, title, "casualties." + i));
        }
        return MapStyles.style(MapStyles.fts(rules.toArray(Rule[]::new)));
    }

    /** Five equal classes of time between the first and the last date; undated incidents grey. */
    private static Style byDate(LocalDate[] range) {
        List<Rule> rules = new ArrayList<>();
        if (range != null) {
            long first = range[0].toEpochDay();
            long span = Math.max(1, range[1].toEpochDay() - first + 1);
            int n = span < 5 ? 1 : BLUES.length;
            for (int i = 0; i < n; i++) {
                LocalDate lo = LocalDate.ofEpochDay(first + span * i / n);
                LocalDate hi = LocalDate.ofEpochDay(first + span * (i + 1) / n - 1);
                Filter f = FF.and(FF.greaterOrEqual(FF.property("date"), FF.literal(lo.toString())),
                        FF.lessOrEqual(FF.property("date"), FF.literal(hi.toString())));
                rules.add(rule(BLUES[n == 1 ? BLUES.length - 1 : i], f, lo.equals(hi) ? lo.toString() : lo + " \u2013 " + hi, "date." + i));
            }
        }
        rules.add(rule(new Color(0xBDBDBD), FF.isNull(FF.property("date")), "Date unknown", "date.unknown"));
        return MapStyles.style(MapStyles.fts(rules.toArray(Rule[]::new)));
    }

    private static Rule rule(Color fill, Filter filter, String title, String name) {
        Mark mark = SB.createMark("circle", fill, new Color(0x404040), 1);
        Graphic g = SB.createGraphic(null, mark, null);
        g.setSize(MapStyles.markerSize());
        Rule r = SB.createRule(SB.createPointSymbolizer(g));
        r.setFilter(filter);
        r.setName(name);
        r.getDescription().setTitle(title);
        return r;
    }

    private static LocalDate[] dateRange(IncidentIndex index) {
        int[] days = index.dayRange();
        return days == null ? null : new LocalDate[] {LocalDate.ofEpochDay(days[0]), LocalDate.ofEpochDay(days[1])};
    }
}
