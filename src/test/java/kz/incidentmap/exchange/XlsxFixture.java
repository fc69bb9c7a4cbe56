package kz.incidentmap.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a small Excel workbook (.xlsx) of our own making from rows of text, as a spreadsheet program
 * writes one: texts in the shared strings, numbers in the cells (long ones in exponent form, as some
 * programs write them), the first text of each row's last column as an inline string, and an empty cell
 * left out, so the reader meets each way a cell can be written.
 */
final class XlsxFixture {

    private XlsxFixture() {
    }

    static Path write(Path file, List<List<String>> rows) throws IOException {
        Map<String, Integer> shared = new LinkedHashMap<>();
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<dimension ref=\"A1:AZ" + rows.size() + "\"/><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            sheet.append("<row r=\"").append(r + 1).append("\">");
            List<String> cells = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                String v = cells.get(c);
                String ref = column(c) + (r + 1);
                if (v.isEmpty()) {
                    continue;
                } else if (r > 0 && v.matches("\\d{12}")) {
                    sheet.append("<c r=\"").append(ref).append("\"><v>").append(v.charAt(0)).append('.')
                            .append(v.substring(1)).append("E11</v></c>");
                } else if (r > 0 && v.matches("-?\\d+(\\.\\d+)?")) {
                    sheet.append("<c r=\"").append(ref).append("\"><v>").append(v).append("</v></c>");
                } else if (r > 0 && c == cells.size() - 1) {
                    sheet.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(xml(v))
                            .append("</t></is></c>");
                } else {
                    int index = shared.computeIfAbsent(v, k -> shared.size());
                    sheet.append("<c r=\"").append(ref).append("\" t=\"s\"><v>").append(index).append("</v></c>");
                }
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData></worksheet>");
        StringBuilder strings = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + shared.size()
                + "\" uniqueCount=\"" + shared.size() + "\">");
        List<String> texts = new ArrayList<>(shared.keySet());
        for (String t : texts) {
            // A text in two runs, as rich text is stored: the reader joins them.
            int half = t.length() / 2;
            strings.append("<si><r><t xml:space=\"preserve\">").append(xml(t.substring(0, half))).append("</t></r><r><t"
                    + " xml:space=\"preserve\">").append(xml(t.substring(half))).append("</t></r></si>");
        }
        strings.append("</sst>");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas"
                    + ".openxmlformats.org/package/2006/content-types\"/>");
            put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas"
                    + ".openxmlformats.org/spreadsheetml/2006/main\"><sheets><sheet name=\"Data\" sheetId=\"1\"/>"
                    + "</sheets></workbook>");
            put(zip, XlsxRows.SHARED, strings.toString());
            put(zip, XlsxRows.SHEET, sheet.toString());
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String column(int c) {
        return c < 26 ? String.valueOf((char) ('A' + c)) : column(c / 26 - 1) + (char) ('A' + c % 26);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
