package kz.incidentmap.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields separated by commas, quoted with double quotes where they hold commas, quotes or
 * line breaks, quotes doubled inside. Parsing ({@link CsvRowReader}) keeps the line each row starts on,
 * so problems can name it. Writing quotes only where needed and ends lines with CRLF.
 */
final class CsvTable {

    /** One row and the line of the file it starts on (1-based). */
    record Row(int line, List<String> fields) {
    }

    private CsvTable() {
    }

    /** Every row, blank lines skipped; an unterminated quote is refused with the line it opened on. */
    static List<Row> parse(String file, String text) throws ImportException {
        List<Row> rows = new ArrayList<>();
        try (CsvRowReader reader = new CsvRowReader(file, text)) {
            for (Row row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    static String line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (i > 0) {
                sb.append(',');
            }
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.append("\r\n").toString();
    }
}
