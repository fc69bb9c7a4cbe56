package kz.incidentmap.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    private void assertNothingLeft(Path folder) throws Exception {
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(), left.toList(), "neither the file nor its temporary copy");
        }
    }

    @Test
    void aCancelDuringAStoreExportRollsItBackAndLeavesNoFile() throws Exception {
        Path out = Files.createDirectories(dir.resolve("gpkg")).resolve("all.gpkg");
        CancelAt cancel = new CancelAt(50);
        List<Incident> all = incidents(200);
        assertThrows(CancelledException.class, () -> RecordExporter.export(all, ExchangeFormat.GPKG, out, cancel));
        assertEquals(48, cancel.reported, "progress is reported record by record, up to the cancel");
        assertNothingLeft(out.getParent());
    }

    @Test
    void aCancelAfterTheLastRecordStillLeavesNoFile() throws Exception {
        Path out = Files.createDirectories(dir.resolve("csv")).resolve("all.csv");
        // 20 records: one question each, then the one before the file is moved into place.
        CancelAt cancel = new CancelAt(21);
        List<Incident> all = incidents(20);
        assertThrows(CancelledException.class, () -> RecordExporter.export(all, ExchangeFormat.CSV, out, cancel));
        assertEquals(20, cancel.reported, "every record was written");
        assertNothingLeft(out.getParent());
    }
}
