package kz.incidentmap.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.model.Incident;
import org.junit.jupiter.api.Test;

class LayerSettingsTest {

    private static MapModel model() {
        MapLayer incidents = IncidentLayer.of(List.<Incident>of(), MapProjection.kazakhstan());
        return new MapModel(List.of(incidents, HeatmapLayer.of(incidents)));
    }

    @Test
    void settingsRoundTripThroughJsonAndComeBackOnAMap() {
        MapModel m = model();
        MapModel changed = m.with(HeatmapLayer.NAME, l -> l.withVisible(true).withOpacity(0.4))
                .moved(HeatmapLayer.NAME, 1);
        LayerSettings s = LayerSettings.of(changed, IncidentStyling.BY_DATE);
        LayerSettings back = LayerSettings.fromJson(s.toJson()).orElseThrow();
        assertEquals(s, back);
        MapModel applied = back.applyTo(m);
        assertEquals(changed.layers().stream().map(MapLayer::name).toList(), applied.layers().stream().map(MapLayer::name).toList());
        MapLayer heat = applied.layer(HeatmapLayer.NAME).orElseThrow();
        assertTrue(heat.visible());
        assertEquals(0.4, heat.opacity(), 1e-12);
        assertEquals(IncidentStyling.BY_DATE, back.styling());
    }

    @Test
    void textThatHoldsNoSettingsGivesNone() {
        assertTrue(LayerSettings.fromJson("{\"layers\": 3}").isEmpty());
        assertTrue(LayerSettings.fromJson("not json").isEmpty());
        assertTrue(LayerSettings.fromJson("{}").isEmpty());
    }
}
