package kz.incidentmap.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * The table of contents. Its room is kept before the sections are laid out (their number is known), the
 * page each section starts on is noted as it is drawn, and the list is written into the kept room at
 * the end — the second pass of the layout. The same entries become the PDF's bookmarks.
 */
final class Contents {

    static final float LINE = 15;
    private static final float HEAD = 26;

    /** A section and the page it starts on, counted from 1. */
    record Entry(String title, int page) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private int page;
    private float top;

    /** Room for {@code sections} entries at the cursor. */
    void keep(Pages p, int sections) {
        page = p.number();
        top = p.y();
        p.down(HEAD + sections * LINE + 12);
    }

    /**
     * A section starts at the cursor: a heading over a rule, noted here; on the next page unless
     * {@code keepWith} points of what follows fit under it.
     */
    void section(Pages p, String title, float keepWith) throws IOException {
        p.ensure(35 + keepWith);
        if (!p.atTop()) {
            p.down(8);
        }
        entries.add(new Entry(title, p.number()));
        p.text(Pages.LEFT, p.y() - 14, title, true, 14, Pages.INK);
        p.down(19);
        p.rule(Pages.LEFT, Pages.RIGHT, p.y(), Pages.RULE, 0.8f);
        p.down(8);
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Writes the list into the room kept for it, and the bookmarks. */
    void write(Pages p, String heading) throws IOException {
        PDDocument doc = p.doc;
        PDPage on = doc.getPage(page - 1);
        try (PDPageContentStream cs = new PDPageContentStream(doc, on, PDPageContentStream.AppendMode.APPEND, true, true)) {
            Pages.Writer w = new Pages.Writer(p, cs);
            w.text(Pages.LEFT, top - 14, heading, true, 14, Pages.INK);
            float y = top - HEAD;
            for (Entry e : entries) {
                String number = Integer.toString(e.page());
                float numberW = p.width(number, false, 10);
                float titleW = p.width(e.title(), false, 10);
                w.text(Pages.LEFT, y - 10, e.title(), false, 10, Pages.INK);
                // Leader dots from the title to the number.
                float from = Pages.LEFT + titleW + 6;
                float to = Pages.RIGHT - numberW - 6;
                String dots = ".".repeat(Math.max(0, (int) ((to - from) / p.width(".", false, 10))));
                w.text(from, y - 10, dots, false, 10, Pages.RULE);
                w.text(Pages.RIGHT - numberW, y - 10, number, false, 10, Pages.INK);
                y -= LINE;
            }
        }
        PDDocumentOutline outline = new PDDocumentOutline();
        for (Entry e : entries) {
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(e.title());
            PDPageFitDestination dest = new PDPageFitDestination();
            dest.setPage(doc.getPage(e.page() - 1));
            item.setDestination(dest);
            outline.addLast(item);
        }
        doc.getDocumentCatalog().setDocumentOutline(outline);
    }
}
