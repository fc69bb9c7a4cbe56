package kz.incidentmap.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields separated by commas, quoted with double quotes where they hold commas, quotes or
 * line breaks, quotes doubled inside. Parsing keeps the line each row starts on, so problems can name
 * it. Writing quotes only where needed and ends lines with CRLF.
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
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        int quoteLine = 0;
        boolean quoted = false;
        boolean afterQuote = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.length() == 0 && !afterQuote) {
                quoted = true;
                quoteLine = line;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                addRow(rows, rowLine, fields);
                fields = new ArrayList<>();
                line++;
                rowLine = line;
            } else if (afterQuote) {
                throw new ImportException(new ImportProblem(file + ":" + line, null,
                        "text after a closing quote; a quote inside a quoted field is written twice (\"\")"));
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new ImportException(new ImportProblem(file + ":" + quoteLine, null,
                    "a quoted field opened on this line is never closed"));
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            addRow(rows, rowLine, fields);
        }
        return rows;
    }

    private static void addRow(List<Row> rows, int line, List<String> fields) {
        boolean blank = fields.size() == 1 && fields.get(0).isEmpty();
        if (!blank) {
            rows.add(new Row(line, List.copyOf(fields)));
        }
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
