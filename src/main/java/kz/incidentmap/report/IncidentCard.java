package kz.incidentmap.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;

/**
 * One incident's card: its title; date and place with how precisely each is known; type, perpetrator
 * and claim; the figures; the ledger of its sources, each with its grade and what it claims; the
 * description; its event — beside a small locator map. A card that does not fit in the room left starts
 * on the next page; one longer than a page carries on at the next page's top under its title and
 * "(continued)".
 */
final class IncidentCard {

    private static final float SIZE = 8f;
    private static final float LEAD = SIZE * 1.25f;
    private static final float TITLE_SIZE = 10f;
    private static final float GAP = 8;
    private static final float TEXT_W = Pages.WIDTH - Locators.W - GAP;
    private static final Color BAND = new Color(0xe9edf1);

    /** A line of the card as laid out. */
    private record Line(String text, boolean bold, float size, float indent, Color color) {
        float lead() {
            return size == SIZE ? LEAD : size * 1.25f;
        }
    }

    private IncidentCard() {
    }

    static void draw(Pages p, Incident i, Locators locators, Texts texts, DayWords days) throws IOException {
        List<Line> title = new ArrayList<>();
        for (String s : p.wrap(i.title() == null || i.title().isBlank() ? texts.text("report.untitled") : i.title(),
                true, TITLE_SIZE, TEXT_W - 8)) {
            title.add(new Line(s, true, TITLE_SIZE, 4, Pages.INK));
        }
        List<Line> body = body(p, i, texts, days);
        float titleH = height(title) + 6;
        float whole = Math.max(titleH + height(body), Locators.H + 6) + GAP;
        float page = Pages.TOP - Pages.BOTTOM;
        // Whole on this page, or whole on the next; one longer than a page starts here if a good part fits.
        if (whole <= page ? p.room() < whole : p.room() < page / 3) {
            p.newPage();
        }
        float top = p.y();
        band(p, title, titleH);
        locators.draw(p, i, Pages.RIGHT - Locators.W, top - 3);
        if (!Locators.placed(i)) {
            p.text(Pages.RIGHT - Locators.W, top - 14, texts.text("report.noPosition"), false, 7.5f, Pages.MUTED);
        }
        float mapBottom = top - 3 - Locators.H;
        for (Line l : body) {
            if (p.room() < l.lead()) {
                p.newPage();
                band(p, List.of(new Line(p.fit(title.get(0).text(), true, TITLE_SIZE, TEXT_W - 80) + " "
                        + texts.text("report.continued"), true, TITLE_SIZE, 4, Pages.INK)), TITLE_SIZE * 1.25f + 6);
                mapBottom = Float.MAX_VALUE;
            }
            p.text(Pages.LEFT + l.indent(), p.y() - l.size(), l.text(), l.bold(), l.size(), l.color());
            p.down(l.lead());
        }
        if (mapBottom != Float.MAX_VALUE && p.y() > mapBottom) {
            p.down(p.y() - mapBottom);
        }
        p.down(3);
        p.rule(Pages.LEFT, Pages.RIGHT, p.y(), Pages.RULE, 0.5f);
        p.down(GAP);
    }

    /** The title lines on a light band across the text column. */
    private static void band(Pages p, List<Line> title, float h) throws IOException {
        p.box(Pages.LEFT, p.y() - h, TEXT_W, h, BAND);
        float y = p.y() - 3;
        for (Line l : title) {
            p.text(Pages.LEFT + l.indent(), y - l.size(), l.text(), true, l.size(), l.color());
            y -= l.lead();
        }
        p.down(h + 4);
    }

    private static float height(List<Line> lines) {
        float h = 0;
        for (Line l : lines) {
            h += l.lead();
        }
        return h;
    }

    private static List<Line> body(Pages p, Incident i, Texts texts, DayWords days) {
        List<Line> out = new ArrayList<>();
        String when = i.date() == null ? texts.text("report.dateUnknown")
                : texts.format("report.card.date", Dates.of(i, texts), texts.precisionName(i.datePrecision()))
                + (i.time() == null ? "" : " " + i.time());
        String where = texts.format("report.card.place", blank(i.place(), texts.text("report.placeUnknown")),
                i.locationPrecision() == null ? "?" : texts.precisionName(i.locationPrecision()))
                + (i.oblast() == null || i.oblast().isBlank() ? "" : " \u00b7 " + i.oblast());
        add(p, out, when + " \u00b7 " + where, false, 0, Pages.INK);
        String type = texts.typeName(i.type()) + (i.subType() == null ? "" : " \u2014 " + texts.subTypeName(i.subType()));
        add(p, out, texts.format("report.card.type", type) + " \u00b7 " + texts.format("report.card.perpetrator",
                blank(i.perpetrator(), texts.text("report.notKnown")), blank(i.claimedBy(), texts.text("report.noClaim"))),
                false, 0, Pages.INK);
        add(p, out, texts.format("report.card.casualties", i.killedRange().equals("unknown")
                ? texts.text("report.notKnown") : i.killedRange(), i.woundedRange().equals("unknown")
                ? texts.text("report.notKnown") : i.woundedRange()), true, 0, Pages.INK);
        if (i.sources().isEmpty() && i.claims().isEmpty()) {
            add(p, out, texts.text("report.card.noSources"), false, 0, Pages.MUTED);
        }
        // The ledger: each source with its grade, then what it claims, indented under it.
        for (Source s : i.sources()) {
            add(p, out, Ledger.source(s, texts, days), false, 0, Pages.INK);
            for (Claim c : i.claims()) {
                if (c.sourceKey().equals(s.key())) {
                    add(p, out, Ledger.claim(c, texts, days), false, 10, Pages.MUTED);
                }
            }
        }
        for (Claim c : i.claims()) {
            if (i.sources().stream().noneMatch(s -> s.key().equals(c.sourceKey()))) {
                add(p, out, "[" + c.sourceKey() + "] " + Ledger.claim(c, texts, days), false, 0, Pages.MUTED);
            }
        }
        if (i.description() != null && !i.description().isBlank()) {
            add(p, out, i.description(), false, 0, Pages.INK);
        }
        if (i.eventGroup() != null && !i.eventGroup().isBlank()) {
            add(p, out, texts.format("report.card.event", i.eventGroup()), false, 0, Pages.MUTED);
        }
        return out;
    }

    private static void add(Pages p, List<Line> out, String text, boolean bold, float indent, Color color) {
        for (String s : p.wrap(text, bold, SIZE, TEXT_W - indent - 4)) {
            out.add(new Line(s, bold, SIZE, indent + 4, color));
        }
    }

    private static String blank(String s, String otherwise) {
        return s == null || s.isBlank() ? otherwise : s;
    }
}
