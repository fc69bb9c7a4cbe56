package kz.incidentmap.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaybackTest {

    @Test
    void monthByMonthWithAOneMonthWindow() {
        List<Playback.Frame> f = new Playback(LocalDate.parse("2011-01-01"), LocalDate.parse("2011-12-31"),
                TimeBin.MONTH, 1).frames();
        assertEquals(12, f.size());
        assertEquals(LocalDate.parse("2011-11-01"), f.get(10).first());
        assertEquals(LocalDate.parse("2011-11-30"), f.get(10).last());
        assertEquals("November 2011", f.get(10).label(TimeBin.MONTH, 1));
    }

    @Test
    void aSlidingWindowReachesBackButNotBeforeTheStart() {
        List<Playback.Frame> f = new Playback(LocalDate.parse("2011-01-15"), LocalDate.parse("2011-06-30"),
                TimeBin.MONTH, 3).frames();
        assertEquals(LocalDate.parse("2011-01-15"), f.get(0).first());
        assertEquals(LocalDate.parse("2011-01-31"), f.get(0).last());
        assertEquals(LocalDate.parse("2011-04-01"), f.get(5).first());
        assertEquals(LocalDate.parse("2011-06-30"), f.get(5).last());
        assertEquals("1 Apr \u2013 30 Jun 2011", f.get(5).label(TimeBin.MONTH, 3));
        // A partial first month is not labelled as the whole month.
        assertEquals("15 Jan \u2013 31 Jan 2011", f.get(0).label(TimeBin.MONTH, 1));
    }

    @Test
    void rangesReadAsPeopleWriteThem() {
        assertEquals("12 Nov 2011", new DateRange(LocalDate.parse("2011-11-12"), LocalDate.parse("2011-11-12")).label());
        assertEquals("1 Dec 2010 \u2013 3 Jan 2011",
                new DateRange(LocalDate.parse("2010-12-01"), LocalDate.parse("2011-01-03")).label());
        assertEquals("2011", new Playback(LocalDate.parse("2011-01-01"), LocalDate.parse("2011-12-31"), TimeBin.YEAR, 1)
                .frames().get(0).label(TimeBin.YEAR, 1));
    }

    @Test
    void cumulativeFramesAllStartAtTheBeginning() {
        List<Playback.Frame> f = new Playback(LocalDate.parse("2011-01-01"), LocalDate.parse("2011-03-10"),
                TimeBin.WEEK, 0).frames();
        assertTrue(f.stream().allMatch(x -> x.first().equals(LocalDate.parse("2011-01-01"))));
        assertEquals(LocalDate.parse("2011-03-10"), f.get(f.size() - 1).last());
        assertEquals(f.size(), f.get(f.size() - 1).number());
    }

    @Test
    void tooManyFramesAreRefusedWithTheirCount() {
        Playback p = new Playback(LocalDate.parse("1900-01-01"), LocalDate.parse("2025-12-31"), TimeBin.DAY, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, p::frames);
        assertTrue(e.getMessage().contains("more than 20000 frames"), e.getMessage());
    }
}
