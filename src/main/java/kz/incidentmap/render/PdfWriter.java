package kz.incidentmap.render;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.GregorianCalendar;
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

    static final float POINTS_PER_UNIT = (float) (72 / ExportRequest.UNITS_PER_INCH);

    private PdfWriter() {
    }

    static void write(PageLayout layout, MapModel model, ExportRequest r, Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            float w = (float) (r.widthUnits() * POINTS_PER_UNIT);
            float h = (float) (r.heightUnits() * POINTS_PER_UNIT);
            PDPage page = new PDPage(new PDRectangle(w, h));
            doc.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, h);
            g.setFontTextDrawer(PageFonts.drawer());
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
