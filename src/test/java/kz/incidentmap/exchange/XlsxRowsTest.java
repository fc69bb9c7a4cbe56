package kz.incidentmap.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbook reader: shared, inline and numeric cells, gaps, and a filter that leaves rows out. */
class XlsxRowsTest {

    @TempDir
    Path dir;

    private Path workbook() throws Exception {
        return XlsxFixture.write(dir.resolve("book.xlsx"), List.of(
                List.of("id", "country_txt", "city", "note"),
                List.of("201111120001", "Kazakhstan", "Taraz", "first"),
                List.of("201111120002", "Kyrgyzstan", "", "second"),
                List.of("2.5", "kazakhstan ", "Aktobe", "third")));
    }

    private static List<List<String>> all(XlsxRows rows) throws Exception {
        List<List<String>> read = new ArrayList<>();
        for (CsvTable.Row r = rows.next(); r != null; r = rows.next()) {
            read.add(r.fields());
        }
        return read;
    }

    @Test
    void everyRowWithoutAFilter() throws Exception {
        try (XlsxRows rows = new XlsxRows(workbook())) {
            List<List<String>> read = all(rows);
            assertEquals(4, read.size());
            assertEquals(List.of("201111120001", "Kazakhstan", "Taraz", "first"), read.get(1), "an id in exponent form");
            assertEquals(List.of("201111120002", "Kyrgyzstan", "", "second"), read.get(2), "a cell left out is blank");
            assertEquals(0, rows.rowsLeftOut());
        }
    }

    @Test
    void aFilterKeepsTheHeaderAndTheRowsThatPassAndCountsTheRest() throws Exception {
        try (XlsxRows rows = new XlsxRows(workbook(), "country_txt", "Kazakhstan")) {
            List<List<String>> read = all(rows);
            assertEquals(List.of(List.of("id", "country_txt", "city", "note"),
                    List.of("201111120001", "Kazakhstan", "Taraz", "first"),
                    List.of("2.5", "kazakhstan ", "Aktobe", "third")), read);
            assertEquals(1, rows.rowsLeftOut());
            assertNull(rows.next());
        }
    }
}
