package kz.incidentmap.report;

import java.awt.Color;
import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.TreeMap;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;

/**
 * The timeline: one bar per month from the first incident's to the last one's, its height the number
 * of incidents of that month, drawn as vector paths; over fifteen years, one bar per year. Incidents
 * known to the year only, or not dated, are said under it rather than drawn in a month they may not be.
 */
final class TimelineChart {

    static final float HEIGHT = 130;
    private static final int MAX_MONTH_BARS = 180;
    private static final Color BAR = new Color(0xb03a2e);
    private static final Color GRID = new Color(0xd8d8d8);

    private TimelineChart() {
    }

    static void draw(Pages p, List<Incident> incidents, Texts texts) throws IOException {
        TreeMap<YearMonth, Integer> months = new TreeMap<>();
        int left = 0;
        for (Incident i : incidents) {
            if (i.date() == null || i.datePrecision() == DatePrecision.YEAR
                    || i.datePrecision() == DatePrecision.APPROXIMATE) {
                left++;
            } else {
                months.merge(YearMonth.from(i.date()), 1, Integer::sum);
            }
        }
        p.ensure(HEIGHT + 40);
        if (months.isEmpty()) {
            p.paragraph(texts.text("report.noDatedIncidents"), Pages.LEFT, Pages.WIDTH, false, 9, Pages.MUTED);
            return;
        }
        YearMonth first = months.firstKey();
        YearMonth last = months.lastKey();
        boolean byYear = first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1 > MAX_MONTH_BARS;
        TreeMap<Integer, Integer> bars = new TreeMap<>();
        int n;
        if (byYear) {
            months.forEach((m, c) -> bars.merge(m.getYear(), c, Integer::sum));
            n = last.getYear() - first.getYear() + 1;
        } else {
            months.forEach((m, c) -> bars.merge((int) first.until(m, java.time.temporal.ChronoUnit.MONTHS), c,
                    Integer::sum));
            n = (int) first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
        }
        int max = bars.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        int top = niceTop(max);
        float axisW = 26;
        float x0 = Pages.LEFT + axisW;
        float plotW = Pages.WIDTH - axisW;
        float base = p.y() - HEIGHT + 16;
        float plotH = HEIGHT - 26;
        // The months' labels come first in the text, the counts after them: a count read just before a
        // month ("10 May 2011") would make a day of it.
        labels(p, first, n, byYear, x0, plotW / n, base - 9, texts);
        // Grid lines and counts at 0, half and the top.
        for (int k = 0; k <= 2; k++) {
            float gy = base + plotH * k / 2f;
            p.rule(x0, Pages.RIGHT, gy, k == 0 ? Pages.MUTED : GRID, k == 0 ? 0.8f : 0.4f);
            p.textRight(x0 - 4, gy - 2.5f, Integer.toString(top * k / 2), false, 7, Pages.MUTED);
        }
        float slot = plotW / n;
        float barW = Math.max(0.6f, slot * 0.8f);
        for (var e : bars.entrySet()) {
            int index = byYear ? e.getKey() - first.getYear() : e.getKey();
            float h = plotH * e.getValue() / top;
            p.box(x0 + index * slot + (slot - barW) / 2, base, barW, h, BAR);
        }
        p.down(HEIGHT);
        String note = byYear ? texts.text("report.chart.byYear") : texts.text("report.chart.byMonth");
        if (left > 0) {
            note += " " + texts.format("report.chart.left", left);
        }
        p.paragraph(note, Pages.LEFT, Pages.WIDTH, false, 7.5f, Pages.MUTED);
        p.down(8);
    }

    /** Years under their first bar; months too when the chart spans two years or less. */
    private static void labels(Pages p, YearMonth first, int n, boolean byYear, float x0, float slot, float at,
            Texts texts) throws IOException {
        float lastEnd = -1;
        for (int k = 0; k < n; k++) {
            YearMonth m = byYear ? YearMonth.of(first.getYear() + k, 1) : first.plusMonths(k);
            String label;
            if (byYear) {
                label = Integer.toString(m.getYear());
            } else if (n <= 24) {
                label = texts.datePattern(m.getMonthValue() == 1 || k == 0 ? "LLL yyyy" : "LLL").format(m.atDay(1));
            } else if (m.getMonthValue() == 1 || k == 0) {
                label = Integer.toString(m.getYear());
            } else {
                continue;
            }
            float x = x0 + k * slot + 1;
            float w = p.width(label, false, 6.5f);
            if (x > lastEnd + 3 && x + w <= Pages.RIGHT + 10) {
                p.text(x, at, label, false, 6.5f, Pages.MUTED);
                lastEnd = x + w;
            }
        }
    }

    /** 1, 2, 5, 10, 20, 50 … at or above {@code max}, so that half of it is a round number too. */
    static int niceTop(int max) {
        int step = 1;
        while (true) {
            for (int f : new int[] {2, 4, 10}) {
                if (step * f >= max) {
                    return step * f;
                }
            }
            step *= 10;
        }
    }
}
