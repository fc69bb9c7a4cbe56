package kz.incidentmap.layers;

import java.awt.Color;
import org.geotools.api.style.Rule;
import org.geotools.api.style.Style;
import org.geotools.styling.StyleBuilder;

/**
 * The heat map of incident density: the incident points, drawn by the renderer as a density surface
 * rather than as symbols. Off until the user switches it on. Its style only gives the legend its entry.
 */
public final class HeatmapLayer {

    public static final String NAME = "heatmap";
    public static final String TITLE = "Heat map of incidents";

    private HeatmapLayer() {
    }

    public static MapLayer of(MapLayer incidents) {
        StyleBuilder sb = new StyleBuilder();
        Rule r = sb.createRule(sb.createPolygonSymbolizer(new Color(0xF03B20), new Color(0xFECC5C), 1));
        r.getDescription().setTitle(TITLE);
        Style style = MapStyles.style(MapStyles.fts(r));
        return new MapLayer(NAME, TITLE, incidents.source(), style, false, incidents.attribution(), 0.85,
                LayerPresentation.HEATMAP);
    }
}
