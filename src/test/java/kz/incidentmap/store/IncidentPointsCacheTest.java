package kz.incidentmap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.incidentmap.TestMaps;
import kz.incidentmap.layers.BasemapLayers;
import kz.incidentmap.model.Incident;
import kz.incidentmap.tools.SyntheticIncidents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copy of a large store's incident positions in the cache folder is used exactly while the store
 * file is unchanged; any change, a damaged copy or a missing one means the store is read again.
 */
class IncidentPointsCacheTest {

    @TempDir
    Path temp;
    private Path db;

    @AfterEach
    void removeCopy() throws Exception {
        IncidentPointsCache.awaitWrites();
        if (db != null) {
            Files.deleteIfExists(IncidentPointsCache.fileFor(db));
        }
    }

    private Path copyAfterRead() throws Exception {
        Path copy = IncidentPointsCache.fileFor(db);
        IncidentPointsCache.awaitWrites();
        assertTrue(Files.exists(copy), "a copy is written after the first read: " + copy);
        return copy;
    }

    /** Latitude of the first point, overwritten in the copy (the lat column follows fid and lon). */
    private static void alterFirstLatitude(Path copy, int n, double lat) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
            f.seek(4 + 8 + 8 + 8 + 4 + 16L * n);
            f.write(java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putDouble(lat).array());
        }
    }

    @Test
    void theCopyIsReadWhileTheStoreIsUnchangedAndNotAfterAChange() throws Exception {
        db = temp.resolve("big.gpkg");
        SyntheticIncidents gen = new SyntheticIncidents(BasemapLayers.gazetteer(TestMaps.MAPS), 5);
        IncidentStore.createBulk(db, gen.sources(), gen.incidents(IncidentPointsCache.MIN_POINTS), n -> { });
        Files.deleteIfExists(IncidentPointsCache.fileFor(db));
        try (IncidentStore store = IncidentStore.open(db)) {
            IncidentPoints fromStore = store.points();
            int n = fromStore.size();
            assertEquals(IncidentPointsCache.MIN_POINTS, n);
            Path copy = copyAfterRead();
            IncidentPoints fromCopy = store.points();
            for (int i = 0; i < n; i += 997) {
                assertEquals(fromStore.fid(i), fromCopy.fid(i));
                assertEquals(fromStore.lon(i), fromCopy.lon(i));
                assertEquals(fromStore.lat(i), fromCopy.lat(i));
                assertEquals(fromStore.type(i), fromCopy.type(i));
                assertEquals(fromStore.casualties(i), fromCopy.casualties(i));
                assertEquals(fromStore.day(i), fromCopy.day(i));
            }
            // A copy altered on purpose shows that it is what the second read returned ...
            alterFirstLatitude(copy, n, 1.5);
            assertEquals(1.5, store.points().lat(0));
            // ... until the store changes: then the store is read again.
            Incident one = new SyntheticIncidents(BasemapLayers.gazetteer(TestMaps.MAPS), 99).incidents(1).next();
            store.add(one);
            IncidentPoints after = store.points();
            assertEquals(n + 1, after.size());
            assertEquals(fromStore.lat(0), after.lat(0), "read from the store again");
        }
    }

    @Test
    void aDamagedCopyIsIgnored() throws Exception {
        db = temp.resolve("big2.gpkg");
        SyntheticIncidents gen = new SyntheticIncidents(BasemapLayers.gazetteer(TestMaps.MAPS), 6);
        IncidentStore.createBulk(db, gen.sources(), gen.incidents(IncidentPointsCache.MIN_POINTS), n -> { });
        Files.deleteIfExists(IncidentPointsCache.fileFor(db));
        try (IncidentStore store = IncidentStore.openForViewing(db)) {
            IncidentPoints first = store.points();
            Path copy = copyAfterRead();
            try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
                f.setLength(f.length() / 2);
            }
            IncidentPoints again = store.points();
            assertEquals(first.size(), again.size());
            assertEquals(first.lat(first.size() - 1), again.lat(again.size() - 1));
        }
    }
}
