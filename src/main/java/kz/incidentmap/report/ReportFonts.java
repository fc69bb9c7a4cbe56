package kz.incidentmap.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kz.incidentmap.render.PageFonts;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The report's two faces, DejaVu Sans and its bold, embedded as subsets; and what a text becomes in
 * them: a character neither has is printed as "?" rather than failing the whole report.
 */
final class ReportFonts {

    final PDFont regular;
    final PDFont bold;
    /** Whether each character met so far can be drawn, per face. */
    private final Map<PDFont, Map<Integer, Boolean>> drawable = new HashMap<>();

    private ReportFonts(PDFont regular, PDFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** DejaVu loaded into {@code doc}; without it on this system, the standard Helvetica (Latin only). */
    static ReportFonts load(PDDocument doc) throws IOException {
        Optional<Path> plain = PageFonts.sans(false);
        if (plain.isEmpty()) {
            return new ReportFonts(new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                    new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
        }
        return new ReportFonts(PDType0Font.load(doc, plain.get().toFile()),
                PDType0Font.load(doc, PageFonts.sans(true).orElseThrow().toFile()));
    }

    PDFont face(boolean strong) {
        return strong ? bold : regular;
    }

    /** {@code text} with line breaks and tabs as spaces, and characters the face lacks as "?". */
    String printable(PDFont font, String text) {
        if (text == null) {
            return "";
        }
        Map<Integer, Boolean> known = drawable.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                out.append(' ');
                return;
            }
            boolean ok = known.computeIfAbsent(cp, c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            out.appendCodePoint(ok ? cp : '?');
        });
        return out.toString();
    }

    /** The width in points of printable {@code text} at {@code size}. */
    float width(PDFont font, String text, float size) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException | IllegalArgumentException e) {
            return text.length() * size * 0.6f;
        }
    }
}
