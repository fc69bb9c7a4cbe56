package kz.incidentmap.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The rows of the first sheet of an Excel workbook (.xlsx), read as a stream of its XML with StAX: a
 * workbook is a zip of XML parts, the cells in {@code xl/worksheets/sheet1.xml} and the texts they refer
 * to in {@code xl/sharedStrings.xml}. Only the shared texts are held in memory; the sheet is read a row
 * at a time. Numbers are given as the sheet writes them (a number in exponent form as plain digits);
 * dates stored as numbers are not recognised (the formats read from workbooks keep dates as numbers of
 * year, month and day). Every cell is text; a row's gaps are blank cells. Not thread-safe.
 */
final class XlsxRows implements RowSource {

    static final String SHEET = "xl/worksheets/sheet1.xml";
    static final String SHARED = "xl/sharedStrings.xml";

    private final String name;
    private final ZipFile zip;
    private final List<String> shared;
    private final XMLStreamReader sheet;
    private final InputStream sheetStream;
    private final long sheetRows;
    private long rowsRead;

    XlsxRows(Path file) throws ImportException {
        this.name = file.toString();
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw problem("not an Excel workbook (.xlsx): " + e.getMessage());
        }
        try {
            ZipEntry sheetEntry = zip.getEntry(SHEET);
            if (sheetEntry == null) {
                throw problem("not an Excel workbook with a first sheet (" + SHEET + " is missing)");
            }
            shared = sharedStrings();
            sheetStream = zip.getInputStream(sheetEntry);
            sheet = factory().createXMLStreamReader(sheetStream);
            sheetRows = rowCount();
        } catch (IOException | XMLStreamException e) {
            close();
            throw problem("cannot read the workbook: " + e.getMessage());
        } catch (ImportException e) {
            close();
            throw e;
        }
    }

    private ImportException problem(String reason) {
        return new ImportException(new ImportProblem(name, null, reason));
    }

    /** A parser that reads no DTD and no outside entities: a workbook is data, not a place to fetch from. */
    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** The texts of sharedStrings.xml in order: each {@code si} is its {@code t} texts joined (phonetic runs left out). */
    private List<String> sharedStrings() throws IOException, XMLStreamException {
        List<String> texts = new ArrayList<>();
        ZipEntry e = zip.getEntry(SHARED);
        if (e == null) {
            return texts;
        }
        try (InputStream in = zip.getInputStream(e)) {
            XMLStreamReader r = factory().createXMLStreamReader(in);
            StringBuilder si = null;
            int phonetic = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "si" -> si = new StringBuilder();
                        case "rPh" -> phonetic++;
                        case "t" -> {
                            String t = r.getElementText();
                            if (si != null && phonetic == 0) {
                                si.append(t);
                            }
                        }
                        default -> { }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (r.getLocalName().equals("si") && si != null) {
                        texts.add(si.toString());
                        si = null;
                    } else if (r.getLocalName().equals("rPh")) {
                        phonetic--;
                    }
                }
            }
            r.close();
        }
        return texts;
    }

    /** The rows the sheet's dimension says it has ("A1:Z300" gives 300), or 0; only for progress. */
    private long rowCount() throws XMLStreamException {
        while (sheet.hasNext()) {
            int ev = sheet.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (sheet.getLocalName().equals("dimension")) {
                    String ref = sheet.getAttributeValue(null, "ref");
                    String last = ref == null ? "" : ref.substring(ref.indexOf(':') + 1).replaceAll("[A-Z]", "");
                    return last.matches("\\d{1,9}") ? Long.parseLong(last) : 0;
                }
                if (sheet.getLocalName().equals("sheetData")) {
                    return 0;
                }
            }
        }
        return 0;
    }

    @Override
    public CsvTable.Row next() throws ImportException {
        try {
            while (sheet.hasNext()) {
                int ev = sheet.next();
                if (ev == XMLStreamConstants.START_ELEMENT && sheet.getLocalName().equals("row")) {
                    CsvTable.Row row = row();
                    rowsRead++;
                    if (row.fields().stream().anyMatch(f -> !f.isBlank())) {
                        return row;
                    }
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw new ImportException(new ImportProblem(name + ": row " + (rowsRead + 1), null,
                    "the sheet's XML is broken: " + e.getMessage()));
        }
    }

    /** One {@code row} element, the reader on its start. */
    private CsvTable.Row row() throws XMLStreamException, ImportException {
        String r = sheet.getAttributeValue(null, "r");
        int number = r != null && r.matches("\\d{1,9}") ? Integer.parseInt(r) : (int) rowsRead + 1;
        String[] cells = new String[0];
        int next = 0;
        while (sheet.hasNext()) {
            int ev = sheet.next();
            if (ev == XMLStreamConstants.END_ELEMENT && sheet.getLocalName().equals("row")) {
                break;
            }
            if (ev == XMLStreamConstants.START_ELEMENT && sheet.getLocalName().equals("c")) {
                String ref = sheet.getAttributeValue(null, "r");
                int column = ref == null ? next : column(ref);
                String value = cell(sheet.getAttributeValue(null, "t"), number);
                if (column >= cells.length) {
                    int old = cells.length;
                    cells = Arrays.copyOf(cells, Math.max(column + 1, old * 2));
                    Arrays.fill(cells, old, cells.length, "");
                }
                cells[column] = value;
                next = column + 1;
            }
        }
        return new CsvTable.Row(number, List.of(Arrays.copyOf(cells, next)));
    }

    /** The text of one {@code c} element, the reader on its start; leaves the reader on its end. */
    private String cell(String type, int row) throws XMLStreamException, ImportException {
        String v = "";
        StringBuilder inline = new StringBuilder();
        while (sheet.hasNext()) {
            int ev = sheet.next();
            if (ev == XMLStreamConstants.END_ELEMENT && sheet.getLocalName().equals("c")) {
                break;
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (sheet.getLocalName().equals("v")) {
                    v = sheet.getElementText();
                } else if (sheet.getLocalName().equals("t")) {
                    inline.append(sheet.getElementText());
                }
            }
        }
        if ("s".equals(type)) {
            try {
                return shared.get(Integer.parseInt(v.trim()));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw new ImportException(new ImportProblem(name + ": row " + row, null,
                        "a cell refers to shared text '" + v + "', which the workbook does not have"));
            }
        } else if ("inlineStr".equals(type)) {
            return inline.toString();
        } else if (type == null || "n".equals(type)) {
            return plainNumber(v);
        }
        return v; // str (a formula's text), b (0 or 1), e (an error such as #N/A)
    }

    /** 1.97E11 as 197000000000: a sheet may write long ids in exponent form. */
    private static String plainNumber(String v) {
        if (v.indexOf('E') < 0 && v.indexOf('e') < 0) {
            return v;
        }
        try {
            return new BigDecimal(v.trim()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return v;
        }
    }

    /** The 0-based column of a cell reference: A1 → 0, AB12 → 27. */
    static int column(String ref) {
        int c = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            c = c * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return c - 1;
    }

    @Override
    public String where(CsvTable.Row row) {
        return name + ": row " + row.line();
    }

    @Override
    public double fractionRead() {
        return sheetRows <= 0 ? 0 : Math.min(1, rowsRead / (double) sheetRows);
    }

    @Override
    public void close() {
        try {
            if (sheet != null) {
                sheet.close();
            }
            if (sheetStream != null) {
                sheetStream.close();
            }
            zip.close();
        } catch (IOException | XMLStreamException e) {
            // Only read from: nothing is lost.
        }
    }
}
