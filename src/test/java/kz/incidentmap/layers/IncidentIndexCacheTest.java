package kz.incidentmap.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.TestMaps;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;
import kz.incidentmap.tools.SyntheticIncidents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copy of a large store's index in the cache folder is used exactly while the store file is
 * unchanged; any change, a damaged copy or a missing one means the store is read again.
 */
class IncidentIndexCacheTest {

    @TempDir
    Path temp;
    private Path db;

    @AfterEach
    void removeCopy() throws Exception {
        awaitCopies();
        if (db != null) {
            Files.deleteIfExists(IncidentIndexCache.fileFor(db));
        }
    }

    /** The loads of this test, whose copies are awaited. */
    private final List<IncidentIndexLoad> loads = new ArrayList<>();

    private IncidentIndex load(Path file, IncidentStore store) throws IOException {
        IncidentIndexLoad load = IncidentIndexLoad.start(file, all -> all);
        loads.add(load);
        load.opened(store);
        return load.index();
    }

    private void awaitCopies() throws InterruptedException {
        for (IncidentIndexLoad load : loads) {
            load.awaitCopy(20_000);
        }
    }

    private Path store(String name, long seed) throws Exception {
        db = temp.resolve(name);
        SyntheticIncidents gen = SyntheticIncidents.forMaps(TestMaps.MAPS, seed);
        IncidentStore.createBulk(db, gen.sources(), gen.incidents(IncidentIndexCache.MIN_SIZE), n -> { });
        Files.deleteIfExists(IncidentIndexCache.fileFor(db));
        return db;
    }

    /** Overwrites the easting of the index's first row in the copy (after the two headers and the row ids). */
    private static void alterFirstEasting(Path copy, int n, double x) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
            f.seek(36 + 44 + 8L * n);
            f.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(x).array());
        }
    }

    @Test
    void theCopyIsReadWhileTheStoreIsUnchangedAndNotAfterAChange() throws Exception {
        store("big.gpkg", 5);
        try (IncidentStore store = IncidentStore.open(db)) {
            IncidentIndex fromStore = load(db, store);
            int n = fromStore.size();
            assertEquals(IncidentIndexCache.MIN_SIZE, n);
            awaitCopies();
            Path copy = IncidentIndexCache.fileFor(db);
            assertTrue(Files.exists(copy), "a copy is written after the first read");
            IncidentIndex fromCopy = load(db, store);
            for (int r = 0; r < n; r += 997) {
                assertEquals(fromStore.entry(r), fromCopy.entry(r));
                assertEquals(fromStore.rowOf(fromStore.fid(r)), fromCopy.rowOf(fromStore.fid(r)));
            }
            assertEquals(fromStore.nearby(fromStore.x(7), fromStore.y(7), 20_000, 5).count(),
                    fromCopy.nearby(fromStore.x(7), fromStore.y(7), 20_000, 5).count());
            // A copy altered on purpose shows that it is what the second read returned ...
            alterFirstEasting(copy, n, 1.5);
            Files.setLastModifiedTime(copy, FileTime.fromMillis(0));
            assertEquals(1.5, load(db, store).x(0));
            assertTrue(Files.getLastModifiedTime(copy).toMillis() > 0, "a copy read is marked as used");
            // ... until the store changes: then the store is read again.
            store.add(SyntheticIncidents.forMaps(TestMaps.MAPS, 99).incidents(1).next());
            IncidentIndex after = load(db, store);
            assertEquals(n + 1, after.size());
            assertNotEquals(1.5, after.x(0), "read from the store again");
        }
    }

    @Test
    void theCopyAloneIsReadWithoutOpeningTheStoreAndNothingWhenItNoLongerMatches() throws Exception {
        store("copy-only.gpkg", 6);
        assertNull(IncidentIndexLoad.cachedCopy(db).index(), "no copy yet: nothing, and the store is not read");
        try (IncidentStore store = IncidentStore.open(db)) {
            IncidentIndex fromStore = load(db, store);
            awaitCopies();
            IncidentIndex fromCopy = IncidentIndexLoad.cachedCopy(db).index();
            assertNotNull(fromCopy);
            assertEquals(fromStore.size(), fromCopy.size());
            assertEquals(fromStore.entry(fromStore.size() - 1), fromCopy.entry(fromStore.size() - 1));
            store.add(SyntheticIncidents.forMaps(TestMaps.MAPS, 98).incidents(1).next());
        }
        assertNull(IncidentIndexLoad.cachedCopy(db).index(), "the store changed since the copy was made");
        assertNull(IncidentIndexLoad.cachedCopy(temp.resolve("none.gpkg")).index());
    }

    @Test
    void aCopyOfTheEarlierLayoutWithoutTheFilterColumnsIsNotRead() throws Exception {
        store("old.gpkg", 8);
        try (IncidentStore store = IncidentStore.openForViewing(db)) {
            IncidentIndex first = load(db, store);
            awaitCopies();
            Path copy = IncidentIndexCache.fileFor(db);
            alterFirstEasting(copy, first.size(), 1.5);
            assertEquals(1.5, load(db, store).x(0), "the altered copy is what a read returns");
            awaitCopies();
            try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
                f.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0x4B5A4931).array()); // "KZI1"
            }
            IncidentIndex again = load(db, store);
            assertNotEquals(1.5, again.x(0), "read from the store again");
            assertEquals(first.facts(first.size() - 1), again.facts(again.size() - 1));
        }
    }

    @Test
    void aDamagedCopyIsIgnored() throws Exception {
        store("big2.gpkg", 6);
        try (IncidentStore store = IncidentStore.openForViewing(db)) {
            IncidentIndex first = load(db, store);
            awaitCopies();
            try (RandomAccessFile f = new RandomAccessFile(IncidentIndexCache.fileFor(db).toFile(), "rw")) {
                f.setLength(f.length() / 2);
            }
            IncidentIndex again = load(db, store);
            assertEquals(first.size(), again.size());
            assertEquals(first.entry(first.size() - 1), again.entry(again.size() - 1));
        }
    }

    @Test
    void pruningKeepsTheMostRecentlyUsedCopiesWithinTheirCountAndBytes() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("index"));
        List<Path> copies = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            Path c = folder.resolve("copy" + k + ".bin");
            Files.write(c, new byte[100]);
            Files.setLastModifiedTime(c, FileTime.fromMillis(1_000_000L * (k + 1))); // copy5 the most recently used
            copies.add(c);
        }
        Path other = Files.writeString(folder.resolve("notes.txt"), "not a copy");

        IncidentIndexCache.prune(folder, copies.get(5), 4, 10_000);
        assertEquals(List.of(false, false, true, true, true, true), copies.stream().map(Files::exists).toList(), "four by count");
        IncidentIndexCache.prune(folder, copies.get(5), 4, 250);
        assertEquals(List.of(false, false, false, false, true, true), copies.stream().map(Files::exists).toList(), "250 bytes");
        // The copy just written stays even when it is the oldest and over the budget alone.
        IncidentIndexCache.prune(folder, copies.get(4), 1, 50);
        assertEquals(List.of(false, false, false, false, true, false), copies.stream().map(Files::exists).toList());
        assertTrue(Files.exists(other), "only copies are pruned");
    }

    @Test
    void aStoreThatCannotBeOpenedEndsTheReadThatWaitsForIt() {
        Path missing = temp.resolve("missing.gpkg");
        IncidentIndexLoad load = IncidentIndexLoad.start(missing, all -> all);
        load.failed(new StoreException("cannot open"));
        assertThrows(RuntimeException.class, load::index);
    }
}
