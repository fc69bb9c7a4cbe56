package kz.incidentmap.view;

import java.util.ArrayList;
import java.util.List;
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
    static String line(Source s) {
        StringBuilder sb = new StringBuilder(blank(s.title()) ? s.key() : s.title());
        if (!blank(s.publisher())) {
            sb.append(" \u2014 ").append(s.publisher());
        }
        sb.append(grade(s));
        if (s.published() != null) {
            sb.append(", ").append(s.published());
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
    static String claim(Claim c, Source s) {
        List<String> parts = new ArrayList<>();
        if (c.killed() != null) {
            parts.add(c.killed() + " killed");
        }
        if (c.wounded() != null) {
            parts.add(c.wounded() + " wounded");
        }
        if (c.date() != null) {
            parts.add("date " + c.date());
        }
        if (c.credibility() != null) {
            parts.add("credibility " + c.credibility().code());
        }
        StringBuilder sb = new StringBuilder(who(c, s)).append(" says: ").append(String.join(", ", parts));
        if (!blank(c.note())) {
            sb.append(parts.isEmpty() ? "" : ". ").append(c.note());
        } else if (parts.isEmpty()) {
            sb.setLength(sb.length() - 2); // "says" with nothing after it
            sb.append(" nothing on the figures");
        }
        return sb.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
