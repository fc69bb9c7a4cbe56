package kz.incidentmap.render;

import java.util.List;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.AdminLayers;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.layers.StreetLayers;

/**
 * A layer's title in the user's language, as the layer list and the legend give it. The layers name
 * themselves in English; a street layer's title keeps its own part after the dot ("Streets · Taraz
 * centre"), which names where the streets came from.
 */
public final class LayerTitles {

    private static final String DOT = " \u00b7 ";
    private static final List<String> STREET_PARTS = List.of(StreetLayers.AREAS, StreetLayers.BUILDINGS,
            StreetLayers.ROADS, StreetLayers.POIS, StreetLayers.LEVELS, AdminLayers.BOUNDARIES, AdminLayers.DISTRICTS,
            AdminLayers.SETTLEMENTS);

    private LayerTitles() {
    }

    public static String of(MapLayer layer, Texts texts) {
        String key = "layer." + layer.name();
        if (texts.has(key)) {
            return texts.text(key);
        }
        for (String part : STREET_PARTS) {
            int dot = layer.title().indexOf(DOT);
            if (layer.name().endsWith(part) && dot > 0) {
                return texts.text("layer" + part.replace('-', '.')) + layer.title().substring(dot);
            }
        }
        return layer.title();
    }
}
