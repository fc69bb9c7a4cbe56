package kz.incidentmap.render;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.ClusterStyles;
import kz.incidentmap.layers.HeatmapLayer;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import org.geotools.api.style.Rule;

/**
 * A legend entry in the page's language. The styles title their classes in English; the entry is found
 * by the rule's name (an incident type or a built-in sub-type, by code) or by its English title, and a
 * title no bundle knows (a sub-type the user named, a class of dates) is shown as it is.
 */
final class LegendWords {

    private static final Map<String, String> BY_TITLE = Map.of(
            ClusterStyles.CLUSTER_TITLE, "legend.cluster",
            HeatmapLayer.TITLE, "layer.heatmap",
            "No casualties reported", "legend.noCasualties",
            "Date unknown", "legend.dateUnknown",
            "Main road", "legend.mainRoad",
            "Street", "legend.street",
            "Footway or path", "legend.path");
    private static final Pattern RANGE = Pattern.compile("(\\d+)\u2013(\\d+) killed or wounded");
    private static final Pattern OR_MORE = Pattern.compile("(\\d+) or more killed or wounded");

    private LegendWords() {
    }

    static String of(Rule rule, String title, Texts texts) {
        String name = rule.getName();
        if (name != null) {
            for (IncidentType t : IncidentType.values()) {
                if (t.code().equals(name) && t.label().equals(title)) {
                    return texts.typeName(t);
                }
            }
            for (IncidentSubType s : IncidentSubType.BUILT_IN) {
                if (s.code().equals(name) && s.label().equals(title)) {
                    return texts.subTypeName(s);
                }
            }
        }
        String key = BY_TITLE.get(title);
        if (key != null) {
            return texts.text(key);
        }
        Matcher range = RANGE.matcher(title);
        if (range.matches()) {
            return texts.format("legend.casualtiesRange", range.group(1), range.group(2));
        }
        Matcher more = OR_MORE.matcher(title);
        if (more.matches()) {
            return texts.format("legend.casualtiesMore", more.group(1));
        }
        return title;
    }
}
