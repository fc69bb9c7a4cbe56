package kz.incidentmap.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kz.incidentmap.TestMaps;
import kz.incidentmap.model.Incident;
import kz.incidentmap.tools.SyntheticIncidents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cancel, whenever it comes before the file is in place, leaves no file in any format. */
class ExportCancelTest {

    @TempDir
    Path dir;

    private static List<Incident> incidents(int count) throws Exception {
        List<Incident> list = new ArrayList<>();
        SyntheticIncidents.forMaps(TestMaps.MAPS, 8).incidents(count).forEachRemaining(list::add);
        return list;
    }

    /** Says "cancelled" from its {@code n}th question on, and counts what was reported. */
    private static final class CancelAt implements Progress {
        private final int n;
        private int asked;
        long reported;

        CancelAt(int n) {
            this.n = n;
        }

        @Override
        public void report(long done, long total) {
            reported = done;
        }

        @Override
        public boolean isCancelled() {
            return ++asked >= n;
        }
    }

    /**
     * Exports {@code count} incidents as {@code format} into a folder of its own, cancelled at the
     * {@code cancelAt}th question; checks that it ends as cancelled with no file left and returns how
     * many records it had reported.
     */
    private long exportCancelled(ExchangeFormat format, int count, int cancelAt) throws Exception {
        Path out = Files.createDirectories(dir.resolve(format.code())).resolve("all." + format.code());
        List<Incident> all = incidents(count);
        CancelAt cancel = new CancelAt(cancelAt);
        assertThrows(CancelledException.class, () -> RecordExporter.export(all, format, out, cancel));
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertEquals(List.of(), left.toList(), "neither the file nor its temporary copy");
        }
        return cancel.reported;
    }

    @Test
    void aCancelDuringAStoreExportRollsItBackAndLeavesNoFile() throws Exception {
        assertEquals(48, exportCancelled(ExchangeFormat.GPKG, 200, 50),
                "progress is reported record by record, up to the cancel");
    }

    @Test
    void aCancelAfterTheLastRecordStillLeavesNoFile() throws Exception {
        // 20 records: one question each, then the one before the file is moved into place.
        assertEquals(20, exportCancelled(ExchangeFormat.CSV, 20, 21), "every record was written");
    }

    /** A cancel after the export was allowed to commit does not take: the file is there, whole. */
    @Test
    void aCancelAfterTheCommitLeavesTheWholeFile() throws Exception {
        Path out = dir.resolve("committed.csv");
        boolean[] committed = new boolean[1];
        Progress lateCancel = new Progress() {
            @Override
            public void report(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return committed[0]; // the user pressed Cancel just after the commit was granted
            }

            @Override
            public boolean commit() {
                committed[0] = true;
                return true;
            }
        };
        List<Incident> all = incidents(20);
        assertEquals(20, RecordExporter.export(all, ExchangeFormat.CSV, out, lateCancel));
        assertTrue(committed[0]);
        String text = Files.readString(out);
        all.forEach(i -> assertTrue(text.contains(i.id()), i.id()));
    }
}
