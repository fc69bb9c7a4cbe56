package kz.incidentmap.render;

import de.rototor.pdfbox.graphics2d.IPdfBoxGraphics2DFontTextDrawer;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawerDefaultFonts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.GregorianCalendar;
import java.util.List;
import kz.incidentmap.layers.MapModel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Writes the page as a one-page PDF of the asked paper size through PDFBox and its Graphics2D bridge:
 * vectors stay vectors, and text stays PDF text (characters no font has fall back to outlines).
 */
final class PdfWriter {

    private static final float POINTS_PER_UNIT = (float) (72 / ExportRequest.UNITS_PER_INCH);

    private PdfWriter() {
    }

    /** Directories where the DejaVu fonts, which Java's "SansSerif" is on most Linux desktops, live. */
    private static final List<Path> FONT_DIRS = List.of(Path.of("/usr/share/fonts/truetype/dejavu"),
            Path.of("/usr/share/fonts/dejavu"), Path.of("/usr/share/fonts/TTF"));
    private static final String[][] SANS = {{"SansSerif.plain", "DejaVuSans.ttf"}, {"SansSerif.bold", "DejaVuSans-Bold.ttf"},
            {"SansSerif.italic", "DejaVuSans-Oblique.ttf"}, {"SansSerif.bolditalic", "DejaVuSans-BoldOblique.ttf"}};

    /**
     * Text in the font the layout measured it with, embedded (subset), so that label halos fit the
     * letters and every script stays text; without those font files, the standard Helvetica.
     */
    private static IPdfBoxGraphics2DFontTextDrawer fonts() {
        for (Path dir : FONT_DIRS) {
            if (Files.isRegularFile(dir.resolve(SANS[0][1]))) {
                PdfBoxGraphics2DFontTextDrawer drawer = new PdfBoxGraphics2DFontTextDrawer();
                for (String[] f : SANS) {
                    Path file = dir.resolve(f[1]);
                    drawer.registerFont(f[0], (Files.isRegularFile(file) ? file : dir.resolve(SANS[0][1])).toFile());
                }
                return drawer;
            }
        }
        return new PdfBoxGraphics2DFontTextDrawerDefaultFonts();
    }

    static void write(PageLayout layout, MapModel model, ExportRequest r, Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            float w = (float) (r.widthUnits() * POINTS_PER_UNIT);
            float h = (float) (r.heightUnits() * POINTS_PER_UNIT);
            PDPage page = new PDPage(new PDRectangle(w, h));
            doc.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, h);
            g.setFontTextDrawer(fonts());
            try {
                g.scale(POINTS_PER_UNIT, POINTS_PER_UNIT);
                layout.draw(g, model, r);
            } finally {
                g.dispose();
            }
            PDFormXObject form = g.getXFormObject();
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawForm(form);
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(r.title());
            info.setSubject(r.subtitle());
            info.setCreator("Kazakhstan Incident Map");
            // A redacted page's file tells the month it was made, as its footer does.
            info.setCreationDate(GregorianCalendar.from(r.redacted()
                    ? r.exportedAt().withDayOfMonth(1).truncatedTo(java.time.temporal.ChronoUnit.DAYS) : r.exportedAt()));
            if (r.redacted()) {
                info.setKeywords(r.redaction());
            }
            doc.save(file.toFile());
        }
    }
}
