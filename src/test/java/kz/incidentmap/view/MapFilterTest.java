package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import kz.incidentmap.TestMaps;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.filter.TimeMatch;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.identify.Hit;
import kz.incidentmap.layers.BasemapLayers;
import kz.incidentmap.layers.ClusterStyles;
import kz.incidentmap.layers.ImportedStreets;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.IncidentRecords;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.PlaceLabels;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.render.FrameGroups;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.store.IncidentScan;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.tools.SyntheticIncidents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/** The window's map follows a filter: it draws, counts and hits only the incidents that pass. */
class MapFilterTest {

    @TempDir
    Path dir;

    @Test
    void theMapShowsAndHitsOnlyWhatPassesAndALateResultIsDropped() throws Exception {
        Path db = dir.resolve("filtered.gpkg");
        SyntheticIncidents generator = SyntheticIncidents.forMaps(TestMaps.MAPS, 31);
        IncidentStore.createBulk(db, generator.sources(), generator.incidents(2_000), n -> { });
        try (IncidentStore store = IncidentStore.open(db)) {
            LoadedMap map = LoadedMap.load(TestMaps.MAPS, IncidentIndex.of(store.points(), MapProjection.kazakhstan()),
                    IncidentRecords.of(store), ImportedStreets.NONE);
            MapViewModel vm = new MapViewModel();
            vm.loaded(map, 1600, 1000);
            IncidentFilter filter = IncidentFilter.builder().types(Set.of(IncidentType.EXPLOSION))
                    .time(LocalDate.of(2015, 1, 1), LocalDate.of(2020, 12, 31), TimeMatch.INSIDE).text("Almaty").build();
            int expected = 0;
            try (IncidentScan all = store.scan(IncidentScan.Where.ANYWHERE)) {
                for (var i : all) {
                    expected += filter.test(i) ? 1 : 0;
                }
            }
            assertTrue(expected > 0 && expected < 200, expected + " pass");

            var late = vm.filtering(IncidentFilter.ALL);
            var work = vm.filtering(filter);
            assertFalse(vm.filtered(late.call()), "a filter asked for before the last one is not shown");
            assertTrue(vm.filtered(work.call()));
            assertEquals(expected, vm.incidentCount(), "the map holds what passes");
            assertTrue(vm.messageProperty().get().endsWith(String.format("%,d of 2,000 incidents", expected)),
                    vm.messageProperty().get());

            // A click on the Almaty cluster finds the incidents that pass there, all of them of the type asked for.
            vm.home();
            Viewport vp = vm.viewportProperty().get();
            Coordinate almaty = MapProjection.kazakhstan().toMap(76.9286, 43.2567);
            Point2D at = vp.toScreen(almaty.x, almaty.y);
            Hit hit = vm.identify(vm.mapProperty().get(), vp, at.getX(), at.getY(), FrameGroups.NONE).stream()
                    .filter(h -> IncidentLayer.NAME.equals(h.layer())).findFirst().orElseThrow();
            int inCluster = hit.isCluster() ? ((Number) hit.attributes().get(ClusterStyles.COUNT)).intValue() : 1;
            assertEquals(expected, inCluster, "every Almaty incident that passes is in the one cluster");
            assertTrue(hit.records().stream().allMatch(filter::test));

            assertTrue(vm.filtered(vm.filtering(IncidentFilter.ALL).call()));
            assertEquals(2_000, vm.incidentCount(), "no filter: every incident again");
        }
    }

    @Test
    void theMapsPlaceNamesAreThoseOfTheFiltersLastDay() throws Exception {
        // The names do not depend on the incidents: two, held in memory, are enough.
        MapViewModel vm = new MapViewModel();
        vm.loaded(TestMaps.load(TestMaps.sampleIncidents()), 1600, 1000);
        assertEquals(List.of("Astana"), capital(vm), "today's name first");
        IncidentFilter in2020 = IncidentFilter.builder().time(null, LocalDate.of(2020, 6, 1), null).build();
        assertTrue(vm.filtered(vm.filtering(in2020).call()));
        assertEquals(List.of("Nur-Sultan"), capital(vm));
        IncidentFilter in1995 = IncidentFilter.builder().time(LocalDate.of(1990, 1, 1), LocalDate.of(1995, 1, 1),
                null).build();
        assertTrue(vm.filtered(vm.filtering(in1995).call()));
        assertEquals(List.of("Akmola"), capital(vm));
        assertTrue(vm.filtered(vm.filtering(IncidentFilter.ALL).call()));
        assertEquals(List.of("Astana"), capital(vm), "no days: today's names again");
        vm.labelLanguage(java.util.Locale.forLanguageTag("kk"));
        assertEquals(List.of("Астана"), capital(vm), "in Kazakh");
        assertTrue(vm.filtered(vm.filtering(in2020).call()));
        assertEquals(List.of("Нұр-Сұлтан"), capital(vm), "in Kazakh, in 2020");
    }

    /** The label of the capital's city dot. */
    private static List<String> capital(MapViewModel vm) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        var layer = vm.mapProperty().get().model().layer(BasemapLayers.CITIES).orElseThrow();
        try (var it = layer.source().getFeatures().features()) {
            while (it.hasNext()) {
                var f = it.next();
                if (((Number) f.getAttribute("geonames_id")).longValue() == 1526273L) {
                    out.add((String) f.getAttribute(PlaceLabels.LABEL));
                }
            }
        }
        return out;
    }
}
