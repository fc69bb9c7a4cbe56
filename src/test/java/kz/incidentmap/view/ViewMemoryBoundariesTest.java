package kz.incidentmap.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.TestMaps;
import kz.incidentmap.layers.BasemapLayers;
import kz.incidentmap.layers.BoundaryChoice;
import kz.incidentmap.layers.ImportedStreets;
import kz.incidentmap.layers.IncidentStyling;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.MapModel;
import kz.incidentmap.model.AdminArea;
import kz.incidentmap.model.OsmPlace;
import kz.incidentmap.model.OsmSink;
import kz.incidentmap.osm.ImportProgress;
import kz.incidentmap.osm.OsmImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window remembers the boundaries chosen, and a store without imported ones still gets oblasts. */
class ViewMemoryBoundariesTest {

    @TempDir
    Path tmp;

    private static MapModel withImportedBoundaries() throws Exception {
        List<AdminArea> boundaries = new ArrayList<>();
        List<OsmPlace> places = new ArrayList<>();
        OsmImporter.run(Path.of("src/test/resources/osm/admin-boundaries.osm"), null, new OsmSink() {
            @Override
            public void accept(kz.incidentmap.model.StreetFeature f) {
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
        return LoadedMap.load(TestMaps.MAPS, TestMaps.sampleIncidents(), ImportedStreets.of(List.of(), boundaries, places))
                .model();
    }

    @Test
    void theChoiceComesBackAndFallsBackToTheShippedOblastsWithoutImportedOnes() throws Exception {
        MapModel imported = withImportedBoundaries();
        WindowSettings s = WindowSettings.load(tmp.resolve("window.properties"));
        ViewMemory.remember(s, null, BoundaryChoice.IMPORTED.applyTo(imported), IncidentStyling.BY_TYPE);

        assertEquals(BoundaryChoice.IMPORTED, BoundaryChoice.of(ViewMemory.layers(s, imported)));
        MapModel plain = TestMaps.load(TestMaps.sampleIncidents()).model();
        MapModel restored = ViewMemory.layers(s, plain);
        assertTrue(restored.layer(BasemapLayers.OBLASTS).orElseThrow().visible(),
                "a store without imported boundaries draws the shipped oblasts");
    }
}
