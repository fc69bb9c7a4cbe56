package kz.incidentmap.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.model.AdminArea;
import kz.incidentmap.model.OsmPlace;
import kz.incidentmap.model.OsmSink;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.osm.ImportProgress;
import kz.incidentmap.osm.OsmImporter;
import kz.incidentmap.render.MapRenderer;
import kz.incidentmap.render.Viewport;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * The boundaries and settlements of admin-boundaries.osm on the map: layers hidden until chosen, drawn
 * when chosen, the settlements in the gazetteer without doubling a shipped city.
 */
class ImportedBoundariesMapTest {

    private static LoadedMap map;

    @BeforeAll
    static void load() throws Exception {
        List<StreetFeature> streets = new ArrayList<>();
        List<AdminArea> boundaries = new ArrayList<>();
        List<OsmPlace> places = new ArrayList<>();
        OsmImporter.run(Path.of("src/test/resources/osm/admin-boundaries.osm"), null, new OsmSink() {
            @Override
            public void accept(StreetFeature f) {
                streets.add(f);
            }

            @Override
            public void boundary(AdminArea a) {
                boundaries.add(a);
            }

            @Override
            public void place(OsmPlace p) {
                places.add(p);
            }
        }, ImportProgress.NONE);
        map = LoadedMap.load(TestMaps.MAPS, TestMaps.sampleIncidents(), ImportedStreets.of(streets, boundaries, places));
    }

    @Test
    void theImportedBoundariesComeHiddenWithTheExtractsDate() {
        MapModel m = map.model();
        MapLayer oblasts = m.layer(AdminLayers.OBLASTS_LAYER).orElseThrow();
        assertFalse(oblasts.visible());
        assertEquals("Oblasts \u00b7 OpenStreetMap, extract of 2026-11-30", oblasts.title());
        assertFalse(m.layer(AdminLayers.DISTRICTS_LAYER).orElseThrow().visible());
        assertTrue(m.layer(AdminLayers.SETTLEMENTS_LAYER).orElseThrow().visible());
        assertTrue(m.layer(BasemapLayers.OBLASTS).orElseThrow().visible());
        assertTrue(BoundaryChoice.available(m));
        assertEquals(BoundaryChoice.SHIPPED, BoundaryChoice.of(m));
        assertEquals("2026-11-30", AdminLayers.extractDate(m).orElseThrow());
        // Each boundary twice: its full outline, and the thinned copy drawn from 1:1,000,000 out.
        int full = 0;
        int thinned = 0;
        try (SimpleFeatureIterator it = oblasts.source().getFeatures().features()) {
            while (it.hasNext()) {
                if ((Boolean) it.next().getAttribute(AdminLayers.SIMPLIFIED)) {
                    thinned++;
                } else {
                    full++;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(2, full);
        assertEquals(2, thinned);
        // Under the street layers and the cities, as the shipped oblasts are.
        List<String> names = m.layers().stream().map(MapLayer::name).toList();
        assertTrue(names.indexOf(AdminLayers.OBLASTS_LAYER) < names.indexOf(BasemapLayers.CITIES));
        assertTrue(names.indexOf(AdminLayers.SETTLEMENTS_LAYER) < names.indexOf(BasemapLayers.CITIES));
    }

    @Test
    void choosingSwapsWhichBoundariesAreShown() {
        MapModel imported = BoundaryChoice.IMPORTED.applyTo(map.model());
        assertEquals(BoundaryChoice.IMPORTED, BoundaryChoice.of(imported));
        assertFalse(imported.layer(BasemapLayers.OBLASTS).orElseThrow().visible());
        assertTrue(imported.layer(AdminLayers.OBLASTS_LAYER).orElseThrow().visible());
        assertTrue(imported.layer(AdminLayers.DISTRICTS_LAYER).orElseThrow().visible());
        MapModel back = BoundaryChoice.SHIPPED.applyTo(imported);
        assertEquals(BoundaryChoice.SHIPPED, BoundaryChoice.of(back));
        assertTrue(back.layer(BasemapLayers.OBLASTS).orElseThrow().visible());
        assertFalse(back.layer(AdminLayers.OBLASTS_LAYER).orElseThrow().visible());
        // The choice is kept with the other layer settings.
        LayerSettings saved = LayerSettings.fromJson(LayerSettings.of(imported, IncidentStyling.BY_TYPE).toJson())
                .orElseThrow();
        assertEquals(BoundaryChoice.IMPORTED, BoundaryChoice.of(saved.applyTo(map.model())));
    }

    @Test
    void aViewSavedWithImportedBoundariesShowsTheShippedOnesWhereThereAreNone() throws Exception {
        LayerSettings saved = LayerSettings.of(BoundaryChoice.IMPORTED.applyTo(map.model()), IncidentStyling.BY_TYPE);
        MapModel plain = saved.applyTo(TestMaps.load(TestMaps.sampleIncidents()).model());
        assertTrue(plain.layer(BasemapLayers.OBLASTS).orElseThrow().visible());
    }

    @Test
    void withoutImportedBoundariesThereIsNoChoice() throws Exception {
        MapModel plain = TestMaps.load(TestMaps.sampleIncidents()).model();
        assertFalse(BoundaryChoice.available(plain));
        assertEquals(BoundaryChoice.SHIPPED, BoundaryChoice.of(plain));
        assertThrows(IllegalStateException.class, () -> BoundaryChoice.IMPORTED.applyTo(plain));
        assertTrue(AdminLayers.extractDate(plain).isEmpty());
    }

    @Test
    void theMapDrawsTheImportedEdgeOnlyWhenChosen() throws Exception {
        // The edge between Oblast A and Oblast B runs along 72° E from 44° to 46° N.
        MapProjection proj = MapProjection.kazakhstan();
        Coordinate centre = proj.toMap(72, 45);
        Viewport vp = Viewport.atScale(centre.x, centre.y, 2_000_000, 800, 600);
        int imported = edgePixels(draw(BoundaryChoice.IMPORTED.applyTo(map.model()), vp), vp, proj);
        int shipped = edgePixels(draw(BoundaryChoice.SHIPPED.applyTo(map.model()), vp), vp, proj);
        // 40 points along the edge; the line is dashed, so not all of them are on a dash.
        assertTrue(imported >= 20, imported + " of 40 points along the edge in the boundary colour");
        assertTrue(shipped <= 4, shipped + " of 40 points in the boundary colour with the shipped oblasts");
    }

    @Test
    void aClickOnAnImportedBoundaryHitsItOnceAtEveryScale() throws Exception {
        MapModel imported = BoundaryChoice.IMPORTED.applyTo(map.model());
        Coordinate inside = MapProjection.kazakhstan().toMap(73.5, 45.0);
        for (double scale : new double[] {250_000, 2_000_000}) {
            Viewport vp = Viewport.atScale(inside.x, inside.y, scale, 800, 600);
            List<String> hit = new kz.incidentmap.identify.IdentifyService().identify(imported, vp, 400, 300, 5).stream()
                    .filter(h -> h.layer().equals(AdminLayers.DISTRICTS_LAYER)).map(h -> h.featureId()).toList();
            assertEquals(1, hit.size(), "at 1:" + scale + ": " + hit);
        }
    }

    @Test
    void theSettlementsJoinTheGazetteerByAnyOfTheirNames() {
        Gazetteer g = map.gazetteer();
        assertEquals("Testgrad", g.find("Testgrad").orElseThrow().name());
        assertEquals("Testgrad", g.find("Тестград").orElseThrow().name(), "name:ru");
        assertEquals("Testgrad", g.find("Тестқала").orElseThrow().name(), "name:kk");
        assertEquals("Testgrad", g.find("Oldtown").orElseThrow().name(), "old_name");
        assertEquals(120_000, g.find("Testgrad").orElseThrow().population());
        assertEquals("Auyl", g.find("Аул").orElseThrow().name());
        assertEquals("Townsk", g.find("Townsk").orElseThrow().name());
    }

    @Test
    void aSettlementThatIsAShippedCityIsMergedIntoIt() throws Exception {
        Gazetteer g = map.gazetteer();
        // The extract's Taraz lies 0.2 km from GeoNames' Taraz: one place, GeoNames' population.
        long tarazes = g.places().stream().filter(p -> PlaceNames.key(p.name()).equals("taraz")).count();
        assertEquals(1, tarazes);
        assertEquals(358_153, g.find("Taraz").orElseThrow().population());
        List<String> drawn = new ArrayList<>();
        try (SimpleFeatureIterator it = map.model().layer(AdminLayers.SETTLEMENTS_LAYER).orElseThrow().source()
                .getFeatures().features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                drawn.add((String) f.getAttribute("name"));
            }
        }
        assertEquals(List.of("Auyl", "Testgrad", "Townsk"), drawn.stream().sorted().toList(),
                "Taraz is drawn once, as the shipped city");
    }

    @Test
    void theImportedNamesFollowTheLanguageWhereTheExtractHasThem() throws Exception {
        assertEquals(List.of("Oblast A", "Oblast B"), labels(map.labelled(null, java.util.Locale.ENGLISH),
                AdminLayers.OBLASTS_LAYER));
        assertEquals(List.of("Область А", "Область Б"), labels(map.labelled(null, java.util.Locale.forLanguageTag("ru")),
                AdminLayers.OBLASTS_LAYER));
        assertEquals(List.of("Auyl", "Таунск", "Тестқала"), labels(map.labelled(null,
                java.util.Locale.forLanguageTag("kk")), AdminLayers.SETTLEMENTS_LAYER), "Auyl has no name:kk");
    }

    private static List<String> labels(LoadedMap m, String layer) throws Exception {
        List<String> out = new ArrayList<>();
        try (SimpleFeatureIterator it = m.model().layer(layer).orElseThrow().source().getFeatures().features()) {
            while (it.hasNext()) {
                out.add((String) it.next().getAttribute(PlaceLabels.LABEL));
            }
        }
        return out.stream().distinct().sorted().toList(); // a boundary's full outline and its thinned copy
    }

    private static BufferedImage draw(MapModel model, Viewport vp) throws Exception {
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        new MapRenderer().render(g, vp, model.visibleLayers(), () -> false);
        g.dispose();
        return img;
    }

    /** Points along the edge with a pixel of the oblast line's colour within 2 pixels. */
    private static int edgePixels(BufferedImage img, Viewport vp, MapProjection proj) {
        int hits = 0;
        for (int i = 0; i < 40; i++) {
            Coordinate c = proj.toMap(72, 44.3 + 1.4 * i / 39);
            Point2D at = vp.toScreen(c.x, c.y);
            boolean hit = false;
            for (int dx = -2; dx <= 2 && !hit; dx++) {
                for (int dy = -2; dy <= 2 && !hit; dy++) {
                    hit = near(img.getRGB((int) at.getX() + dx, (int) at.getY() + dy), AdminStyles.OBLAST_LINE);
                }
            }
            hits += hit ? 1 : 0;
        }
        return hits;
    }

    private static boolean near(int argb, Color c) {
        Color p = new Color(argb, true);
        return Math.abs(p.getRed() - c.getRed()) < 30 && Math.abs(p.getGreen() - c.getGreen()) < 30
                && Math.abs(p.getBlue() - c.getBlue()) < 30;
    }
}
