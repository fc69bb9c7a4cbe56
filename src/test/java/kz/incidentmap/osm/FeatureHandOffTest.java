package kz.incidentmap.osm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import kz.incidentmap.model.StreetFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import's features reach their sink on a thread of their own, all of them, in order, and never late. */
class FeatureHandOffTest {

    @TempDir
    Path tmp;

    private Path town(int nodes) throws Exception {
        Path pbf = tmp.resolve("town.osm.pbf");
        new SyntheticExtract(nodes).writePbf(pbf);
        return pbf;
    }

    @Test
    void theSinkGetsEveryFeatureInOrderOnAnotherThread() throws Exception {
        Path town = town(20_000);
        List<String> direct = new ArrayList<>();
        Thread caller = Thread.currentThread();
        AtomicReference<Thread> seen = new AtomicReference<>();
        ImportReport report = OsmImporter.run(town, null, f -> {
            seen.compareAndSet(null, Thread.currentThread());
            direct.add(f.layer() + f.osmId());
        }, ImportProgress.NONE);
        assertNotEquals(caller, seen.get(), "written on a thread of its own");
        assertEquals(report.featureCount(), direct.size(), "every feature, received before the import returned");
        List<String> again = new ArrayList<>();
        OsmImporter.run(town, null, f -> again.add(f.layer() + f.osmId()), ImportProgress.NONE);
        assertEquals(direct, again, "in the order they were made");
        assertTrue(direct.size() > 4_000, "enough features for many batches: " + direct.size());
    }

    @Test
    void aFailureOfTheSinkReachesTheCallerAsThrownAndNothingComesAfter() throws Exception {
        Path town = town(20_000);
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException full = new IllegalStateException("disk full");
        Consumer<StreetFeature> failing = f -> {
            if (calls.incrementAndGet() == 3_000) {
                throw full;
            }
        };
        RuntimeException thrown = assertThrows(RuntimeException.class,
                () -> OsmImporter.run(town, null, failing, ImportProgress.NONE));
        assertSame(full, thrown, "the sink's own exception, not a wrapper");
        int atReturn = calls.get();
        assertEquals(3_000, atReturn, "nothing handed to the sink after its failure");
        Thread.sleep(200);
        assertEquals(atReturn, calls.get(), "no call after the import has thrown");
    }

    @Test
    void aCancelStopsTheSinkBeforeTheImportThrows() throws Exception {
        // More batches than the queue holds, and a slow sink: the file is not read to its end before the
        // sink has begun, and the reader sees the cancel at its next block.
        Path town = town(100_000);
        AtomicInteger calls = new AtomicInteger();
        ImportProgress cancelMidway = new ImportProgress() {
            @Override
            public void update(double fraction, String phase) {
            }

            @Override
            public boolean cancelled() {
                return calls.get() > 0;
            }
        };
        assertThrows(CancellationException.class, () -> OsmImporter.run(town, null, f -> {
            calls.incrementAndGet();
            LockSupport.parkNanos(20_000);
        }, cancelMidway));
        int atThrow = calls.get();
        assertTrue(atThrow > 0, "cancelled after features were written");
        Thread.sleep(200);
        assertEquals(atThrow, calls.get(), "the sink's thread had stopped when the cancel reached the caller");
    }
}
