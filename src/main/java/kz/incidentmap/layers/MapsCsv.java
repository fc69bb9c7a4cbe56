package kz.incidentmap.layers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the small CSV tables of {@code maps/}: a header line, then rows of comma-separated fields, a
 * field in double quotes when it holds a comma. Every row must have the header's number of fields; a row
 * that has not is an error naming the file and the line.
 */
final class MapsCsv {

    /** One row: its fields, and its line in the file for messages. */
    record Row(int line, List<String> fields) {
        String get(int i) {
            return fields.get(i);
        }
    }

    private MapsCsv() {
    }

    /** The rows after the header, blank lines left out; a missing file has none. */
    static List<Row> read(Path csv, String header) throws IOException {
        if (!Files.exists(csv)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().equals(header)) {
            throw new IOException(csv + ":1: expected the header " + header);
        }
        int columns = header.split(",").length;
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> f = split(lines.get(i));
            if (f == null || f.size() != columns) {
                throw new IOException(csv + ":" + (i + 1) + ": expected " + columns + " fields (" + header
                        + "), a field with a comma in double quotes");
            }
            rows.add(new Row(i + 1, f));
        }
        return rows;
    }

    /** The fields of a line, stripped; null when a quote is not closed. */
    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString().strip());
        return quoted ? null : out;
    }
}
