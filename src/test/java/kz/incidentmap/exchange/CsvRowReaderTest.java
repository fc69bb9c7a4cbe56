package kz.incidentmap.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows, their lines and the problems, from a text in memory and, through the file buffer and the
 * UTF-8 decoder, from a file: the two must agree.
 */
class CsvRowReaderTest {

    @TempDir
    Path dir;

    @Test
    void rowsKeepTheLineTheyStartOnAndBlankLinesAreSkipped() throws Exception {
        String text = "a,b\n\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",\n\r\n3\rlast,\"\"";
        assertEquals("""
                1: [a, b]
                3: [x, y, say "hi"]
                4: [two
                lines, ]
                7: [3]
                8: [last, ]
                """, describe(CsvTable.parse("f", text)));
    }

    @Test
    void rowsAndTheirLinesAreThoseOfTheWholeTextParse() throws Exception {
        List<String> texts = List.of(
                "a,b,c\r\n1,2,3\r\n",
                "\uFEFFa,b\n1,2",
                "a,b\n\n\"x, y\",\"say \"\"hi\"\"\"\n\r\n3,\n",
                "a,b\n\"two\nlines\",z\r\n\"\",\n\"\"\n",
                "a\rb\r\nc\n",
                "h1,h2\n\"Алматы\",Қазақстан\n,\n",
                "only");
        for (String text : texts) {
            // A byte-order mark is not part of the text (the whole-file read drops it before parsing).
            String withoutMark = text.startsWith("\uFEFF") ? text.substring(1) : text;
            assertEquals(describe(CsvTable.parse("f", withoutMark)), describe(stream(text)), text);
        }
        // Past the reader's buffer: a long file comes out whole.
        StringBuilder big = new StringBuilder("id,text\n");
        for (int k = 0; k < 60_000; k++) {
            big.append(k).append(",\"row ").append(k).append(", with ä and \"\"quotes\"\"\"\r\n");
        }
        assertEquals(describe(CsvTable.parse("f", big.toString())), describe(stream(big.toString())));
    }

    @Test
    void anUnclosedQuoteAndTextAfterAClosingQuoteAreRefusedWithTheirLines() {
        assertEquals("f:2: a quoted field opened on this line is never closed",
                message(() -> CsvTable.parse("f", "a,b\n1,\"open\n\n")));
        assertEquals("f:3: text after a closing quote; a quote inside a quoted field is written twice (\"\")",
                message(() -> CsvTable.parse("f", "a,b\n1,2\n3,\"4\"5\n")));
    }

    @Test
    void problemsAreThoseOfTheWholeTextParse() throws Exception {
        for (String text : List.of("a,b\n1,\"open\n\n", "a,b\n\"x\"y,2\n", "a,b\n1,2\n3,\"4\"5\n")) {
            String whole = message(() -> CsvTable.parse("f", text));
            Path f = write(text.getBytes(StandardCharsets.UTF_8));
            assertEquals(whole.replace("f:", f + ":"), message(() -> readAll(f)), text);
        }
    }

    @Test
    void aByteThatIsNotUtf8IsRefusedWithItsLine() throws Exception {
        byte[] head = "a,b\n1,2\n".repeat(200_000).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 8];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = 'x';
        bytes[head.length + 1] = (byte) 0xFF;
        Path f = write(bytes);
        String m = message(() -> readAll(f));
        assertEquals(f + ":400001: not UTF-8 text (byte 0xFF at offset " + (head.length + 1)
                + "); save the file as UTF-8 and try again", m);
    }

    @Test
    void idSetsTellNewIdsFromSeenOnes() {
        IdSet ids = new IdSet();
        List<String> added = new ArrayList<>();
        for (int k = 0; k < 50_000; k++) {
            String id = java.util.UUID.nameUUIDFromBytes(Integer.toString(k).getBytes(StandardCharsets.UTF_8)).toString();
            assertTrue(ids.add(id));
            added.add(id);
        }
        for (String id : added) {
            assertFalse(ids.add(id), id);
        }
        assertTrue(ids.add(added.get(0).toUpperCase()), "ids are text: another case is another id");
        assertTrue(ids.add("row-7"));
        assertFalse(ids.add("row-7"));
        assertEquals(50_002, ids.size());
    }

    private Path write(byte[] bytes) throws Exception {
        Path f = Files.createTempFile(dir, "rows", ".csv");
        Files.write(f, bytes);
        return f;
    }

    private List<CsvTable.Row> stream(String text) throws Exception {
        return readAll(write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<CsvTable.Row> readAll(Path f) throws Exception {
        List<CsvTable.Row> rows = new ArrayList<>();
        try (CsvRowReader r = new CsvRowReader(f)) {
            CsvTable.Row row;
            while ((row = r.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static String describe(List<CsvTable.Row> rows) {
        StringBuilder sb = new StringBuilder();
        for (CsvTable.Row r : rows) {
            sb.append(r.line()).append(": ").append(r.fields()).append('\n');
        }
        return sb.toString();
    }

    private interface Parse {
        Object run() throws Exception;
    }

    private static String message(Parse parse) {
        try {
            parse.run();
            return "no problem";
        } catch (Exception e) {
            return e.getMessage();
        }
    }
}
