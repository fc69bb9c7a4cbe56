package kz.incidentmap.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.Source;
import kz.incidentmap.model.SourceCopy;

/**
 * The list of sources: each document the report's incidents cite, once, with its URL and the SHA-256 of
 * every local copy the store keeps of it (what lets a reader check that a copy is the one cited).
 */
final class SourceList {

    /** A source as the report prints it, and the hashes of its copies (none when the redaction withholds them). */
    record Entry(Source source, List<SourceCopy> copies) {
    }

    private SourceList() {
    }

    /** Each source once, by what the report prints of it, in the order first cited. */
    static List<Entry> unique(List<Entry> cited) {
        Map<List<Object>, Entry> seen = new LinkedHashMap<>();
        for (Entry e : cited) {
            Source s = e.source();
            List<Object> key = java.util.Arrays.asList(s.title(), s.publisher(), s.url(), s.published());
            seen.merge(key, e, (a, b) -> a.copies().isEmpty() ? b : a);
        }
        return new ArrayList<>(seen.values());
    }

    static void draw(Pages p, List<Entry> entries, boolean withheld, Texts texts, DayWords days) throws IOException {
        if (withheld) {
            p.paragraph(texts.text("report.sources.withheld"), Pages.LEFT, Pages.WIDTH, false, 9, Pages.MUTED);
            return;
        }
        if (entries.isEmpty()) {
            p.paragraph(texts.text("report.sources.none"), Pages.LEFT, Pages.WIDTH, false, 9, Pages.MUTED);
            return;
        }
        int n = 1;
        for (Entry e : entries) {
            Source s = e.source();
            p.ensure(36);
            String head = n++ + ". " + Objects.toString(s.title(), "") + (s.publisher() == null || s.publisher().isBlank()
                    ? "" : " \u2014 " + s.publisher()) + (s.published() == null ? "" : ", " + days.of(s.published()));
            p.paragraph(head, Pages.LEFT, Pages.WIDTH, true, 8.5f, Pages.INK);
            p.paragraph(s.url() == null || s.url().isBlank() ? texts.text("report.sources.noUrl") : s.url(),
                    Pages.LEFT + 12, Pages.WIDTH - 12, false, 8, Pages.INK);
            if (e.copies().isEmpty()) {
                p.paragraph(texts.text("report.sources.noCopy"), Pages.LEFT + 12, Pages.WIDTH - 12, false, 7.5f, Pages.MUTED);
            }
            for (SourceCopy c : e.copies()) {
                p.paragraph(texts.format("report.sources.copy", c.sha256(), c.fileName(), c.mediaType()),
                        Pages.LEFT + 12, Pages.WIDTH - 12, false, 7.5f, Pages.MUTED);
            }
            p.down(4);
        }
    }
}
