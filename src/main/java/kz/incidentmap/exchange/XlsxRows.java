package kz.incidentmap.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The rows of the first sheet of an Excel workbook (.xlsx), read as a stream of its XML with StAX: a
 * workbook is a zip of XML parts, the cells in {@code xl/worksheets/sheet1.xml} and most texts in
 * {@code xl/sharedStrings.xml}, referred to by number. Given a filter (a column and the text it must
 * hold: GTD's country_txt and Kazakhstan), the sheet is read twice and the shared texts are held only for
 * the header and the rows that pass, so that a workbook of the whole world costs the memory of one
 * country's rows; the rows left out are counted ({@link #rowsLeftOut}). Without one every shared text is
 * held. Numbers are given as the sheet writes them (one in exponent form as plain digits); dates stored
 * as numbers are not recognised (the formats read from workbooks keep dates as numbers of year, month
 * and day). Every cell is text; a row's gaps are blank cells. Not thread-safe.
 */
final class XlsxRows implements RowSource {

    static final String SHEET = "xl/worksheets/sheet1.xml";
    static final String SHARED = "xl/sharedStrings.xml";

    /** A cell as written: its column, its type attribute and its value (a shared text's number for type s). */
    private record Cell(int column, String type, String value) {
    }

    /** A row as written. */
    private record RawRow(int number, List<Cell> cells) {
    }

    private final String name;
    private final ZipFile zip;
    /** Shared texts by number: those kept. */
    private final Map<Integer, String> shared = new HashMap<>();
    private final String filterColumn;
    private final String filterValue;
    /** Shared texts that are the filter's value. */
    private final BitSet filterTexts = new BitSet();
    private int filterIndex = -1;
    private XMLStreamReader sheet;
    private InputStream sheetStream;
    private long sheetRows;
    private long rowsRead;
    private int leftOut;

    /** Every row of the sheet. */
    XlsxRows(Path file) throws ImportException {
        this(file, null, null);
    }

    /**
     * The header and the rows whose {@code filterColumn} holds {@code filterValue} (compared ignoring case
     * and blanks at either end); null for every row.
     */
    XlsxRows(Path file, String filterColumn, String filterValue) throws ImportException {
        this.name = file.toString();
        this.filterColumn = filterColumn;
        this.filterValue = filterValue;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw problem("not an Excel workbook (.xlsx): " + e.getMessage());
        }
        try {
            if (zip.getEntry(SHEET) == null) {
                throw problem("not an Excel workbook with a first sheet (" + SHEET + " is missing)");
            }
            if (filterColumn == null) {
                sharedStrings(i -> true);
            } else {
                survey();
            }
            openSheet();
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

    /**
     * The first reading, with a filter: the header's texts and which texts are the filter's value, then
     * which rows pass and which shared texts they use; then those texts alone are kept.
     */
    private void survey() throws IOException, XMLStreamException, ImportException {
        openSheet();
        RawRow header = nextRaw();
        if (header == null) {
            return;
        }
        BitSet keep = new BitSet();
        useTexts(header, keep);
        sharedStrings(keep::get);
        for (Cell c : header.cells()) {
            if (text(c, header.number()).strip().equalsIgnoreCase(filterColumn)) {
                filterIndex = c.column();
            }
        }
        for (RawRow row = nextRaw(); row != null; row = nextRaw()) {
            if (passes(row)) {
                useTexts(row, keep);
            } else {
                leftOut++;
            }
        }
        closeSheet();
        sharedStrings(keep::get);
    }

    private boolean passes(RawRow row) {
        if (filterColumn == null || filterIndex < 0) {
            return true; // no filter, or no such column: the reader of the rows says what is missing
        }
        for (Cell c : row.cells()) {
            if (c.column() == filterIndex) {
                if ("s".equals(c.type())) {
                    try {
                        return filterTexts.get(Integer.parseInt(c.value().trim()));
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
                return c.value().strip().equalsIgnoreCase(filterValue.strip());
            }
        }
        return false;
    }

    /**
     * Reads sharedStrings.xml, keeping the texts whose number {@code keep} accepts (each {@code si}'s
     * {@code t} texts joined) and noting, with a filter, which texts are its value.
     */
    private void sharedStrings(IntPredicate keep) throws IOException, XMLStreamException {
        shared.clear();
        ZipEntry e = zip.getEntry(SHARED);
        if (e == null) {
            return;
        }
        try (InputStream in = zip.getInputStream(e)) {
            XMLStreamReader r = factory().createXMLStreamReader(in);
            StringBuilder si = null;
            int number = 0;
            int phonetic = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "si" -> si = new StringBuilder();
                        case "rPh" -> phonetic++; // a phonetic reading, not part of the text
                        case "t" -> {
                            String t = r.getElementText();
                            if (si != null && phonetic == 0) {
                                si.append(t);
                            }
                        }
                        default -> { }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (r.getLocalName().equals("si")) {
                        if (si != null && keep.test(number)) {
                            shared.put(number, si.toString());
                        }
                        if (si != null && filterValue != null && si.toString().strip().equalsIgnoreCase(
                                filterValue.strip())) {
                            filterTexts.set(number);
                        }
                        si = null;
                        number++;
                    } else if (r.getLocalName().equals("rPh")) {
                        phonetic--;
                    }
                }
            }
            r.close();
        }
    }

    private void openSheet() throws IOException, XMLStreamException {
        sheetStream = zip.getInputStream(zip.getEntry(SHEET));
        sheet = factory().createXMLStreamReader(sheetStream);
        rowsRead = 0;
        sheetRows = rowCount();
    }

    private void closeSheet() throws IOException, XMLStreamException {
        sheet.close();
        sheetStream.close();
    }

    /** The rows the sheet's dimension says it has ("A1:Z300" gives 300), or 0; only for progress. */
    private long rowCount() throws XMLStreamException {
        while (sheet.hasNext()) {
            int ev = sheet.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (sheet.getLocalName().equals("dimension")) {
                    String ref = sheet.getAttributeValue(null, "ref");
                    String last = ref == null ? "" : ref.substring(ref.indexOf(':') + 1).replaceAll("[A-Za-z]", "");
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
            for (RawRow raw = nextRaw(); raw != null; raw = nextRaw()) {
                if (rowsRead > 1 && filterColumn != null && !passes(raw)) {
                    continue; // counted in the first reading
                }
                String[] cells = new String[raw.cells().isEmpty() ? 0 : raw.cells().get(raw.cells().size() - 1).column() + 1];
                Arrays.fill(cells, "");
                for (Cell c : raw.cells()) {
                    cells[c.column()] = text(c, raw.number());
                }
                if (Arrays.stream(cells).anyMatch(f -> !f.isBlank())) {
                    return new CsvTable.Row(raw.number(), List.of(cells));
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw new ImportException(new ImportProblem(name + ": row " + (rowsRead + 1), null,
                    "the sheet's XML is broken: " + e.getMessage()));
        }
    }

    /** The next {@code row} element as written, or null at the sheet's end. */
    private RawRow nextRaw() throws XMLStreamException {
        while (sheet.hasNext()) {
            int ev = sheet.next();
            if (ev == XMLStreamConstants.START_ELEMENT && sheet.getLocalName().equals("row")) {
                rowsRead++;
                return row();
            }
        }
        return null;
    }

    /** One {@code row} element, the reader on its start; cells in column order. */
    private RawRow row() throws XMLStreamException {
        String r = sheet.getAttributeValue(null, "r");
        int number = r != null && r.matches("\\d{1,9}") ? Integer.parseInt(r) : (int) rowsRead;
        List<Cell> cells = new ArrayList<>();
        int next = 0;
        while (sheet.hasNext()) {
            int ev = sheet.next();
            if (ev == XMLStreamConstants.END_ELEMENT && sheet.getLocalName().equals("row")) {
                break;
            }
            if (ev == XMLStreamConstants.START_ELEMENT && sheet.getLocalName().equals("c")) {
                String ref = sheet.getAttributeValue(null, "r");
                int column = ref == null ? next : column(ref);
                String type = sheet.getAttributeValue(null, "t");
                cells.add(new Cell(Math.max(column, next), type, cellValue()));
                next = Math.max(column, next) + 1;
            }
        }
        return new RawRow(number, cells);
    }

    /** The value of one {@code c} element (its {@code v}, or an inline string's text), the reader on its start. */
    private String cellValue() throws XMLStreamException {
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
        return inline.isEmpty() ? v : inline.toString();
    }

    /** Marks the shared texts a row's cells refer to (a number that is none is named when the row is read). */
    private static void useTexts(RawRow row, BitSet keep) {
        for (Cell c : row.cells()) {
            if ("s".equals(c.type()) && c.value().trim().matches("\\d{1,9}")) {
                keep.set(Integer.parseInt(c.value().trim()));
            }
        }
    }

    /** A cell's text: a shared text looked up, a number written plainly, anything else as it is. */
    private String text(Cell c, int row) throws ImportException {
        if ("s".equals(c.type())) {
            String t = null;
            try {
                t = shared.get(Integer.parseInt(c.value().trim()));
            } catch (NumberFormatException e) {
                // named below
            }
            if (t == null) {
                throw new ImportException(new ImportProblem(name + ": row " + row, null,
                        "a cell refers to shared text '" + c.value() + "', which the workbook does not have"));
            }
            return t;
        } else if (c.type() == null || "n".equals(c.type())) {
            return plainNumber(c.value());
        }
        return c.value(); // inlineStr, str (a formula's text), b (0 or 1), e (an error such as #N/A)
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
    public int rowsLeftOut() {
        return leftOut;
    }

    @Override
    public void close() {
        try {
            if (sheet != null) {
                closeSheet();
            }
            zip.close();
        } catch (IOException | XMLStreamException e) {
            // Only read from: nothing is lost.
        }
    }
}
