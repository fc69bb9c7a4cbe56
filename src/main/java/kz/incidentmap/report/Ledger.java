package kz.incidentmap.report;

import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Source;

/** A source and a claim in words, with their grades (Admiralty: reliability A–F, credibility 1–6). */
final class Ledger {

    private Ledger() {
    }

    /** "[key] Title — Publisher, 12 Nov 2011 · graded B (usually reliable)". */
    static String source(Source s, Texts texts, DayWords days) {
        StringBuilder b = new StringBuilder("[").append(s.key()).append("] ").append(s.title() == null ? "" : s.title());
        if (s.publisher() != null && !s.publisher().isBlank()) {
            b.append(" \u2014 ").append(s.publisher());
        }
        if (s.published() != null) {
            b.append(", ").append(days.of(s.published()));
        }
        b.append(" \u00b7 ").append(s.reliability() == null ? texts.text("report.notGraded")
                : texts.format("report.graded", s.reliability().code(), texts.text("grade." + s.reliability().code()
                .toLowerCase(java.util.Locale.ROOT))));
        return b.toString();
    }

    /** "claims 7 killed, 3 wounded, on 12 Nov 2011 · credibility 2 (probably true) · note". */
    static String claim(Claim c, Texts texts, DayWords days) {
        List<String> parts = new ArrayList<>();
        if (c.killed() != null) {
            parts.add(texts.format("report.claim.killed", c.killed()));
        }
        if (c.wounded() != null) {
            parts.add(texts.format("report.claim.wounded", c.wounded()));
        }
        if (c.date() != null) {
            parts.add(texts.format("report.claim.date", days.of(c.date())));
        }
        String what = parts.isEmpty() ? texts.text("report.claim.nothing") : String.join(", ", parts);
        String grade = c.credibility() == null ? texts.text("report.notGraded")
                : texts.format("report.credibility", c.credibility().code(), texts.text("credibility." + c.credibility().code()));
        return texts.format("report.claim", what) + " \u00b7 " + grade
                + (c.note() == null || c.note().isBlank() ? "" : " \u00b7 " + c.note());
    }
}
