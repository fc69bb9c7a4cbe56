package kz.incidentmap.view;

import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Source;

/**
 * How the details pane words a source and what it claims. A field the record leaves empty (a source
 * without a publisher, a claim without a date) is left out of the sentence, never shown as "null".
 */
final class SourceText {

    private SourceText() {
    }

    /** "Title — Publisher (B), 2011-11-13": the publisher, grade and date only when known. */
    static String line(Source s, Texts t) {
        StringBuilder sb = new StringBuilder(blank(s.title()) ? s.key() : s.title());
        if (!blank(s.publisher())) {
            sb.append(" \u2014 ").append(s.publisher());
        }
        sb.append(grade(s));
        if (s.published() != null) {
            sb.append(", ").append(t.date(s.published()));
        }
        return sb.toString();
    }

    /** Who a claim is from: the publisher, else the source's title, else its key; then its grade: "Reuters (B)". */
    static String who(Claim c, Source s) {
        if (s == null) {
            return c.sourceKey();
        }
        return (!blank(s.publisher()) ? s.publisher() : !blank(s.title()) ? s.title() : s.key()) + grade(s);
    }

    /** " (B)" for a graded source, nothing for one not graded. */
    static String grade(Source s) {
        return s.reliability() == null ? "" : " (" + s.reliability().code() + ")";
    }

    /** "Tengrinews says: 7 killed, 2 wounded, date 2011-11-12. Note" (the parts the claim has). */
    static String claim(Claim c, Source s, Texts t) {
        List<String> parts = new ArrayList<>();
        if (c.killed() != null) {
            parts.add(t.format("claim.killed", c.killed()));
        }
        if (c.wounded() != null) {
            parts.add(t.format("claim.wounded", c.wounded()));
        }
        if (c.date() != null) {
            parts.add(t.format("claim.date", t.date(c.date())));
        }
        if (c.credibility() != null) {
            parts.add(t.format("claim.credibility", c.credibility().code()));
        }
        if (parts.isEmpty() && blank(c.note())) {
            return t.format("claim.saysNothing", who(c, s));
        }
        String said = String.join(", ", parts);
        if (!blank(c.note())) {
            said = said + (parts.isEmpty() ? "" : ". ") + c.note();
        }
        return t.format("claim.says", who(c, s), said);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
