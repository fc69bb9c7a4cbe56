package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import kz.incidentmap.TestMaps;
import kz.incidentmap.edit.EditHistory;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.identify.Hit;
import kz.incidentmap.identify.RecordPages;
import kz.incidentmap.layers.ImportedStreets;
import kz.incidentmap.layers.StreetLayers;
import kz.incidentmap.layers.MapModel;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.layers.BasemapLayers;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.IncidentRecords;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.render.FrameGroups;
import kz.incidentmap.render.Viewport;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.tools.SyntheticIncidents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/**
 * A cluster's list, paged in after a click, holds each remaining member once, also when members are
 * deleted while it is shown or were deleted elsewhere before, and its count follows the deletions; a
 * street reload keeps the incidents as the latest edit left them.
 */
class ClusterListTest {

    @TempDir
    Path dir;

    /** A store of {@code count} generated incidents, open for editing. */
    private IncidentStore store(long seed, int count) throws Exception {
        Path db = dir.resolve("clustered-" + seed + ".gpkg");
        SyntheticIncidents generator = SyntheticIncidents.forMaps(TestMaps.MAPS, seed);
        IncidentStore.createBulk(db, generator.sources(), generator.incidents(count), n -> { });
        return IncidentStore.open(db);
    }

    /** The model of a window on {@code store}, after a click on the Almaty cluster at the country view. */
    private static MapViewModel clickedAlmaty(IncidentStore store) throws Exception {
        LoadedMap map = LoadedMap.load(TestMaps.MAPS, IncidentIndex.of(store.points(), MapProjection.kazakhstan()),
                IncidentRecords.of(store), ImportedStreets.NONE);
        MapViewModel vm = new MapViewModel();
        vm.loaded(map, 1600, 1000);
        clickAlmaty(vm);
        return vm;
    }

    /** A click on the Almaty cluster, from the view of all of Kazakhstan. */
    private static void clickAlmaty(MapViewModel vm) throws Exception {
        vm.home();
        Viewport vp = vm.viewportProperty().get();
        Coordinate almaty = MapProjection.kazakhstan().toMap(76.9286, 43.2567);
        Point2D at = vp.toScreen(almaty.x, almaty.y);
        vm.select(vm.identify(vm.mapProperty().get(), vp, at.getX(), at.getY(), FrameGroups.NONE));
    }

    @Test
    void deletingListedMembersLowersTheCountAndPagingNeitherRepeatsNorSkips() throws Exception {
        try (IncidentStore store = store(21, 3_000)) {
            MapViewModel vm = clickedAlmaty(store);
            int total = vm.selectionTotal();
            List<String> first = incidentIds(vm);
            assertTrue(total > 3 * MapViewModel.PAGE, total + " in the Almaty cluster");
            assertEquals(RecordPages.FIRST_PAGE, first.size(), "the first page");

            List<String> deleted = List.of(first.get(0), first.get(3));
            for (String id : deleted) {
                assertTrue(store.delete(id));
                vm.incidentChanged(id, null, vm.latestIncidents());
            }
            assertEquals(total - 2, vm.selectionTotal(), "the count follows the deletions");
            assertEquals(8, incidentIds(vm).size());

            for (Optional<Callable<MapViewModel.ListPage>> next = vm.nextPage(); next.isPresent(); next = vm.nextPage()) {
                vm.addPage(next.get().call());
            }
            List<String> all = incidentIds(vm);
            assertEquals(all.size(), new HashSet<>(all).size(), "no member listed twice");
            assertEquals(total - 2, all.size(), "every remaining member listed");
            assertFalse(all.stream().anyMatch(deleted::contains));
        }
    }

    @Test
    void aPageReadForAnEarlierClickIsNotAddedToANewOne() throws Exception {
        try (IncidentStore store = store(22, 2_000)) {
            MapViewModel vm = clickedAlmaty(store);
            MapViewModel.ListPage late = vm.nextPage().orElseThrow().call();
            clickAlmaty(vm); // the same cluster clicked again before the page arrived
            List<String> firstPage = incidentIds(vm);
            assertFalse(vm.addPage(late));
            assertEquals(firstPage, incidentIds(vm));
        }
    }

    @Test
    void aPageIsAddedOnceAndAnEmptyPageMovesTheListOn() throws Exception {
        try (IncidentStore store = store(25, 2_000)) {
            MapViewModel vm = clickedAlmaty(store);
            Callable<MapViewModel.ListPage> second = vm.nextPage().orElseThrow();
            MapViewModel.ListPage page = second.call();
            // Every member of the second page deleted by another program: reading it again finds none.
            for (Hit h : page.hits()) {
                assertTrue(store.delete(h.featureId()));
            }
            MapViewModel.ListPage empty = second.call();
            assertTrue(empty.hits().isEmpty());
            List<String> before = incidentIds(vm);
            assertFalse(vm.addPage(empty), "nothing to add: the window shows the details again itself");
            assertEquals(before, incidentIds(vm));
            MapViewModel.ListPage third = vm.nextPage().orElseThrow().call();
            assertEquals(empty.next() + MapViewModel.PAGE, third.next(), "the next page starts after the empty one");
            assertTrue(vm.addPage(third));
            assertFalse(vm.addPage(third), "the same page twice");
            assertEquals(before.size() + third.hits().size(), incidentIds(vm).size());
        }
    }

    @Test
    void aFirstPageShortOfAMemberDeletedElsewhereStillPagesInEveryOtherOnce() throws Exception {
        try (IncidentStore store = store(23, 3_000)) {
            MapViewModel vm = clickedAlmaty(store);
            String gone = incidentIds(vm).get(2);
            // Deleted by another program: the map's index still has it, the store no longer.
            assertTrue(store.delete(gone));
            clickAlmaty(vm);
            int total = vm.selectionTotal();
            assertEquals(RecordPages.FIRST_PAGE - 1, incidentIds(vm).size(), "the first page, one short");
            for (Optional<Callable<MapViewModel.ListPage>> next = vm.nextPage(); next.isPresent(); next = vm.nextPage()) {
                vm.addPage(next.get().call());
            }
            List<String> all = incidentIds(vm);
            assertEquals(all.size(), new HashSet<>(all).size(), "no member listed twice");
            assertEquals(total - 1, all.size(), "every member the store still has");
            assertFalse(all.contains(gone));
        }
    }

    @Test
    void aStreetReloadKeepsTheIncidentsAnEditLeftAndTheLayerSettings() throws Exception {
        try (IncidentStore store = store(24, 500)) {
            MapViewModel vm = clickedAlmaty(store);
            IncidentFeatureSource before = vm.latestIncidents();
            // A deletion shown as the window shows it: the index changed off the JavaFX thread, then taken.
            vm.incidentChanged("an id not listed", null,
                    vm.afterEdit(new EditHistory.Step(null, null, before.index().fid(0), -1)));
            vm.updateModel(m -> m.with(BasemapLayers.CITIES, l -> l.withVisible(false))
                    .with("taraz-roads", l -> l.withOpacity(0.4)));
            MapLayer incidentsBefore = vm.mapProperty().get().model().layer(IncidentLayer.NAME).orElseThrow();

            vm.streetsReloaded(StreetLayers.load(TestMaps.MAPS, ImportedStreets.NONE, MapProjection.kazakhstan()), List.of());

            MapModel after = vm.mapProperty().get().model();
            assertSame(incidentsBefore, after.layer(IncidentLayer.NAME).orElseThrow(), "the incident layer as the edit left it");
            assertEquals(before.index().size() - 1, vm.incidentCount(), "the map still shows the edit");
            assertFalse(after.layer(BasemapLayers.CITIES).orElseThrow().visible());
            assertEquals(0.4, after.layer("taraz-roads").orElseThrow().opacity());
        }
    }

    private static List<String> incidentIds(MapViewModel vm) {
        return vm.selectionProperty().get().stream().filter(h -> IncidentLayer.NAME.equals(h.layer()))
                .map(Hit::featureId).toList();
    }
}
