package kz.incidentmap.report;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import kz.incidentmap.i18n.Texts;

/**
 * A summary table: what the row counts, incidents, killed and wounded (ranges summed), and a total.
 * A table longer than the room left carries on at the next page's top under its header again.
 */
final class SummaryTable {

    private static final float SIZE = 8.5f;
    private static final float ROW = 13;
    private static final float NUMBER_W = 82;
    private static final Color STRIPE = new Color(0xf1f3f5);
    private static final Color HEADER = new Color(0xdde3ea);

    private SummaryTable() {
    }

    static void draw(Pages p, String heading, String firstColumn, List<SummaryRows.Row> rows, SummaryRows.Row total, Texts texts)
            throws IOException {
        // The heading never stands alone at a page's foot: it keeps the header and two rows with it.
        p.ensure(22 + 3 * ROW);
        if (!heading.isBlank()) {
            p.text(Pages.LEFT, p.y() - 11, heading, true, 11, Pages.INK);
            p.down(18);
        }
        header(p, firstColumn, texts);
        int n = 0;
        for (SummaryRows.Row r : rows) {
            if (p.room() < ROW) {
                p.newPage();
                header(p, firstColumn, texts);
            }
            row(p, r, n++ % 2 == 1 ? STRIPE : null, false);
        }
        p.ensure(ROW);
        p.rule(Pages.LEFT, Pages.RIGHT, p.y(), Pages.RULE, 0.6f);
        row(p, total, null, true);
        p.down(12);
    }

    private static void header(Pages p, String firstColumn, Texts texts) throws IOException {
        p.box(Pages.LEFT, p.y() - ROW, Pages.WIDTH, ROW, HEADER);
        float base = p.y() - ROW + 3.8f;
        p.text(Pages.LEFT + 4, base, firstColumn, true, SIZE, Pages.INK);
        p.textRight(Pages.RIGHT - 2 * NUMBER_W - 4, base, texts.text("report.col.incidents"), true, SIZE, Pages.INK);
        p.textRight(Pages.RIGHT - NUMBER_W - 4, base, texts.text("report.col.killed"), true, SIZE, Pages.INK);
        p.textRight(Pages.RIGHT - 4, base, texts.text("report.col.wounded"), true, SIZE, Pages.INK);
        p.down(ROW);
    }

    private static void row(Pages p, SummaryRows.Row r, Color stripe, boolean bold) throws IOException {
        if (stripe != null) {
            p.box(Pages.LEFT, p.y() - ROW, Pages.WIDTH, ROW, stripe);
        }
        float base = p.y() - ROW + 3.8f;
        float labelRoom = Pages.WIDTH - 3 * NUMBER_W - 8;
        p.text(Pages.LEFT + 4, base, p.fit(r.label(), bold, SIZE, labelRoom), bold, SIZE, Pages.INK);
        p.textRight(Pages.RIGHT - 2 * NUMBER_W - 4, base, Integer.toString(r.tally().count()), bold, SIZE, Pages.INK);
        p.textRight(Pages.RIGHT - NUMBER_W - 4, base, r.tally().killed(), bold, SIZE, Pages.INK);
        p.textRight(Pages.RIGHT - 4, base, r.tally().wounded(), bold, SIZE, Pages.INK);
        p.down(ROW);
    }
}
