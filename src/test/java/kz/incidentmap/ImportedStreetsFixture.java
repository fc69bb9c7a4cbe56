package kz.incidentmap;

import java.nio.file.Path;
import kz.incidentmap.osm.ImportProgress;
import kz.incidentmap.osm.OsmImporter;
import kz.incidentmap.osm.SyntheticExtract;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StreetLayerWriter;

/** Stores with OpenStreetMap imported into them, as `import-osm` makes them, for the tests that draw streets. */
public final class ImportedStreetsFixture {

    private ImportedStreetsFixture() {
    }

    /** Imports {@code osm} into {@code db}, a store made from the shipped seed if it does not exist yet. */
    public static Path imported(Path db, Path osm) throws Exception {
        try (IncidentStore store = IncidentStore.openOrCreate(db, Path.of("data/incidents.json"));
                StreetLayerWriter w = store.streetWriter(osm.getFileName().toString(), 0)) {
            OsmImporter.run(osm, null, w, ImportProgress.NONE);
            w.commit();
        }
        return db;
    }

    /** A store in {@code dir} with {@code town} imported (written as PBF beside it). */
    public static Path town(Path dir, SyntheticExtract town) throws Exception {
        Path pbf = dir.resolve("town.osm.pbf");
        town.writePbf(pbf);
        return imported(dir.resolve("town.gpkg"), pbf);
    }
}
