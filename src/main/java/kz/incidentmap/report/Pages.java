package kz.incidentmap.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The report's A4 portrait pages as they fill from the top: the page being written, how far down it is,
 * and the drawing of text (PDF text operators in the embedded fonts), lines and boxes on it. A part that
 * does not fit in the room left asks for a new page first.
 */
final class Pages implements AutoCloseable {

    static final float W = PDRectangle.A4.getWidth();
    static final float H = PDRectangle.A4.getHeight();
    static final float MARGIN = 42;
    static final float LEFT = MARGIN;
    static final float RIGHT = W - MARGIN;
    static final float WIDTH = RIGHT - LEFT;
    static final float TOP = H - MARGIN;
    /** The lowest line of content: the footer lies under it. */
    static final float BOTTOM = MARGIN + 16;

    static final Color INK = new Color(0x202020);
    static final Color MUTED = new Color(0x5a5a5a);
    static final Color RULE = new Color(0xb0b0b0);

    final PDDocument doc;
    final ReportFonts fonts;
    private PDPageContentStream content;
    private float y;

    Pages(PDDocument doc, ReportFonts fonts) {
        this.doc = doc;
        this.fonts = fonts;
    }

    /** Ends the page being written, if any, and starts a new one at its top. */
    void newPage() throws IOException {
        finish();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        content = new PDPageContentStream(doc, page);
        y = TOP;
    }

    /** The page being written, its number counted from 1. */
    int number() {
        return doc.getNumberOfPages();
    }

    PDPageContentStream content() {
        return content;
    }

    /** Where the next part goes: its top, in points from the page's bottom. */
    float y() {
        return y;
    }

    void down(float dy) {
        y -= dy;
    }

    /** The room left above the footer. */
    float room() {
        return y - BOTTOM;
    }

    /** A new page unless {@code height} points fit on this one. */
    void ensure(float height) throws IOException {
        if (room() < height) {
            newPage();
        }
    }

    /** Whether the page being written has nothing on it yet. */
    boolean atTop() {
        return y >= TOP;
    }

    /** {@code text} with its baseline at {@code baseline}, starting at {@code x}. */
    void text(float x, float baseline, String text, boolean bold, float size, Color color) throws IOException {
        PDFont font = fonts.face(bold);
        String s = fonts.printable(font, text);
        if (s.isEmpty()) {
            return;
        }
        content.beginText();
        content.setNonStrokingColor(color);
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(s);
        content.endText();
    }

    /** {@code text} ending at {@code right}. */
    void textRight(float right, float baseline, String text, boolean bold, float size, Color color) throws IOException {
        text(right - width(text, bold, size), baseline, text, bold, size, color);
    }

    float width(String text, boolean bold, float size) {
        PDFont font = fonts.face(bold);
        return fonts.width(font, fonts.printable(font, text), size);
    }

    /** {@code text} cut with "…" to fit {@code width}. */
    String fit(String text, boolean bold, float size, float width) {
        if (width(text, bold, size) <= width) {
            return text;
        }
        String s = text;
        while (!s.isEmpty() && width(s + "\u2026", bold, size) > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s.stripTrailing() + "\u2026";
    }

    /** {@code text} broken into lines no wider than {@code width}, at spaces where it can be. */
    List<String> wrap(String text, boolean bold, float size, float width) {
        List<String> lines = new ArrayList<>();
        String all = fonts.printable(fonts.face(bold), text).strip();
        if (all.isEmpty()) {
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String word : all.split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, bold, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // A word wider than the line (a long URL, a hash) is broken where it must be.
            String rest = word;
            while (width(rest, bold, size) > width) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), bold, size) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A thin horizontal rule across the text column at {@code at}. */
    void rule(float x1, float x2, float at, Color color, float widthPt) throws IOException {
        content.setStrokingColor(color);
        content.setLineWidth(widthPt);
        content.moveTo(x1, at);
        content.lineTo(x2, at);
        content.stroke();
    }

    /** A filled rectangle, {@code (x, y)} its bottom left corner. */
    void box(float x, float bottom, float w, float h, Color fill) throws IOException {
        content.setNonStrokingColor(fill);
        content.addRect(x, bottom, w, h);
        content.fill();
    }

    /** The outline of a rectangle. */
    void frame(float x, float bottom, float w, float h, Color stroke, float widthPt) throws IOException {
        content.setStrokingColor(stroke);
        content.setLineWidth(widthPt);
        content.addRect(x, bottom, w, h);
        content.stroke();
    }

    /** A filled circle drawn as four Bézier arcs, outlined in white. */
    void dot(float cx, float cy, float r, Color fill) throws IOException {
        float k = 0.5523f * r;
        content.setNonStrokingColor(fill);
        content.setStrokingColor(Color.WHITE);
        content.setLineWidth(0.8f);
        content.moveTo(cx + r, cy);
        content.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        content.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        content.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        content.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        content.closePath();
        content.fillAndStroke();
    }

    /**
     * Lines of {@code text} wrapped to {@code width} from {@code x}, a page at a time: each line that does
     * not fit goes to the top of the next page.
     */
    void paragraph(String text, float x, float width, boolean bold, float size, Color color) throws IOException {
        float lead = size * 1.3f;
        for (String line : wrap(text, bold, size, width)) {
            ensure(lead);
            text(x, y - size, line, bold, size, color);
            down(lead);
        }
    }

    /** Ends the page being written. */
    void finish() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    @Override
    public void close() throws IOException {
        finish();
    }

    /** Text drawn on a page already written, through a stream that appends to it (footers, the contents). */
    static final class Writer {
        private final Pages pages;
        private final PDPageContentStream content;

        Writer(Pages pages, PDPageContentStream content) {
            this.pages = pages;
            this.content = content;
        }

        void text(float x, float baseline, String text, boolean bold, float size, Color color) throws IOException {
            PDFont font = pages.fonts.face(bold);
            String s = pages.fonts.printable(font, text);
            if (s.isEmpty()) {
                return;
            }
            content.beginText();
            content.setNonStrokingColor(color);
            content.setFont(font, size);
            content.newLineAtOffset(x, baseline);
            content.showText(s);
            content.endText();
        }
    }
}
