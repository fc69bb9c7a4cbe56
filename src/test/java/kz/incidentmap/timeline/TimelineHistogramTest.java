package kz.incidentmap.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimelineHistogramTest {

    private static long day(String iso) {
        return LocalDate.parse(iso).toEpochDay();
    }

    @Test
    void aDayCountsWholeInItsBin() {
        TimelineHistogram.Builder b = new TimelineHistogram.Builder(LocalDate.parse("2011-01-01"),
                LocalDate.parse("2011-12-31"), TimeBin.MONTH);
        b.add(day("2011-05-17"), day("2011-05-17"), 1);
        b.add(day("2011-11-12"), day("2011-11-12"), 7);
        TimelineHistogram h = b.build();
        assertEquals(12, h.size());
        assertEquals(1, h.exact(4));
        assertEquals(7, h.exact(10));
        assertEquals(8, h.sum(), 1e-9);
        assertEquals(LocalDate.parse("2011-05-31"), h.end(4));
    }

    @Test
    void aMonthIsExactInMonthBinsAndSpreadInWeekBins() {
        LocalDate from = LocalDate.parse("2011-05-01");
        LocalDate to = LocalDate.parse("2011-05-31");
        TimelineHistogram.Builder months = new TimelineHistogram.Builder(from, to, TimeBin.MONTH);
        months.add(day("2011-05-01"), day("2011-05-31"), 1);
        TimelineHistogram m = months.build();
        assertEquals(1, m.exact(0));
        assertEquals(0, m.spread(0));

        TimelineHistogram.Builder weeks = new TimelineHistogram.Builder(from, to, TimeBin.WEEK);
        weeks.add(day("2011-05-01"), day("2011-05-31"), 31);
        TimelineHistogram w = weeks.build();
        // 1 May 2011 was a Sunday: the first week bin starts on Monday 25 April and holds one day of May.
        assertEquals(LocalDate.parse("2011-04-25"), w.start(0));
        assertEquals(1, w.spread(0), 1e-9);
        assertEquals(7, w.spread(1), 1e-9);
        assertEquals(0, w.exact(1));
        assertEquals(31, w.sum(), 1e-9);
    }

    @Test
    void aSpanPartlyOutsideAddsOnlyItsShareInside() {
        TimelineHistogram.Builder b = new TimelineHistogram.Builder(LocalDate.parse("2011-01-01"),
                LocalDate.parse("2011-12-31"), TimeBin.YEAR);
        // A 2010–2011 span of 730 days: half of it lies in 2011.
        b.add(day("2010-01-01"), day("2011-12-31"), 2);
        b.add(day("2009-01-01"), day("2009-12-31"), 5);
        TimelineHistogram h = b.build();
        assertEquals(1, h.size());
        assertEquals(1.0, h.total(0), 1e-9);
    }

    @Test
    void spreadingKeepsTheTotalOfWhatLiesInside() {
        Random r = new Random(16);
        LocalDate from = LocalDate.parse("2000-01-01");
        LocalDate to = LocalDate.parse("2024-12-31");
        for (TimeBin bin : TimeBin.values()) {
            TimelineHistogram.Builder b = new TimelineHistogram.Builder(from, to, bin);
            // The bins end on the last day of the bin holding 31 Dec 2024 (a Tuesday: the week runs on).
            long lastDay = bin.next(bin.start(to)).toEpochDay() - 1;
            double expected = 0;
            for (int i = 0; i < 2000; i++) {
                long s = from.toEpochDay() + r.nextInt(9200);
                long e = s + (r.nextBoolean() ? 0 : r.nextInt(400));
                b.add(s, e, 1);
                expected += (double) Math.max(0, Math.min(e, lastDay) - s + 1) / (e - s + 1);
            }
            TimelineHistogram h = b.build();
            assertEquals(lastDay, h.end(h.size() - 1).toEpochDay(), bin.word());
            assertEquals(expected, h.sum(), 1e-6, bin.word());
        }
    }

    @Test
    void binOfFindsTheBarOfADay() {
        TimelineHistogram h = new TimelineHistogram.Builder(LocalDate.parse("2011-01-01"),
                LocalDate.parse("2011-12-31"), TimeBin.MONTH).build();
        assertEquals(10, h.binOf(LocalDate.parse("2011-11-12")));
        assertEquals(-1, h.binOf(LocalDate.parse("2012-01-01")));
    }

    @Test
    void theZoomChoosesTheFinestReadableBin() {
        assertEquals(TimeBin.DAY, TimeBin.forZoom(200, 1000));
        assertEquals(TimeBin.WEEK, TimeBin.forZoom(1000, 1000));
        assertEquals(TimeBin.MONTH, TimeBin.forZoom(3650, 1000));
        assertEquals(TimeBin.YEAR, TimeBin.forZoom(25 * 366, 1000));
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TimelineHistogram.Builder(
                LocalDate.parse("2012-01-01"), LocalDate.parse("2011-01-01"), TimeBin.DAY));
    }
}
