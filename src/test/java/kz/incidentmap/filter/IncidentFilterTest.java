package kz.incidentmap.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Reliability;
import kz.incidentmap.model.Source;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** What each part of a filter lets through, at its edges. */
class IncidentFilterTest {

    private static final Source BLOG = new Source("blog-2011", "Two blocks from the market", "Taraz Diary", null, null, "en");
    private static final Source NEWS = new Source("news-2011", "Group claims attack", "Central Asia News", null, null, "en");

    static Incident dated(LocalDate date, DatePrecision precision) {
        return new Incident("i-" + date + precision, "Shooting in Taraz", IncidentType.ARMED_ATTACK, date, precision,
                "Taraz, Kazybek Bi street", "Zhambyl Region", 71.36667, 42.9, LocationPrecision.STREET, "Jund al-Khilafah",
                null, "A gunman attacked the market.", null, List.of(BLOG, NEWS), List.of());
    }

    static Incident withClaims(Integer... killed) {
        List<Claim> claims = new ArrayList<>();
        for (int k = 0; k < killed.length; k++) {
            claims.add(new Claim(k == 0 ? BLOG.key() : NEWS.key(), killed[k], null, null, null));
        }
        return dated(LocalDate.of(2011, 11, 12), DatePrecision.DAY).withLinks(List.of(BLOG, NEWS), claims);
    }

    private static IncidentFilter time(String from, String to, TimeMatch match) {
        return IncidentFilter.builder().time(from == null ? null : LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to), match).build();
    }

    @Test
    void aMonthOverlapsARangeThatMeetsItsLastDayButIsInsideOnlyARangeHoldingAllOfIt() {
        Incident may = dated(LocalDate.of(2011, 5, 1), DatePrecision.MONTH);
        assertTrue(time("2011-05-31", "2011-06-30", TimeMatch.OVERLAPS).test(may), "31 May is in May");
        assertFalse(time("2011-06-01", "2011-06-30", TimeMatch.OVERLAPS).test(may), "June is not");
        assertFalse(time("2011-05-02", "2011-06-30", TimeMatch.INSIDE).test(may), "1 May is outside the range");
        assertTrue(time("2011-05-01", "2011-05-31", TimeMatch.INSIDE).test(may), "exactly May");
        assertTrue(time(null, "2011-05-01", TimeMatch.OVERLAPS).test(may), "an open start: up to its first day");
        assertFalse(time(null, "2011-05-30", TimeMatch.INSIDE).test(may), "not all of May is before the 31st");
        // A month known from a day in the middle of it still stands for the whole month.
        assertTrue(time("2011-05-01", "2011-05-01", TimeMatch.OVERLAPS)
                .test(dated(LocalDate.of(2011, 5, 17), DatePrecision.MONTH)));
    }

    @Test
    void aYearAndAnApproximateDateStandForTheWholeYear() {
        for (DatePrecision p : List.of(DatePrecision.YEAR, DatePrecision.APPROXIMATE)) {
            Incident y = dated(LocalDate.of(2011, 1, 1), p);
            assertTrue(time("2011-12-31", null, TimeMatch.OVERLAPS).test(y), p + ": its last day");
            assertFalse(time("2012-01-01", null, TimeMatch.OVERLAPS).test(y), p.name());
            assertFalse(time("2011-01-01", "2011-12-30", TimeMatch.INSIDE).test(y), p.name());
            assertTrue(time("2010-12-31", "2011-12-31", TimeMatch.INSIDE).test(y), p.name());
        }
    }

    @Test
    void aDayIsInsideWhereverItOverlapsAndAnUndatedIncidentFailsEveryRange() {
        Incident day = dated(LocalDate.of(2011, 11, 12), DatePrecision.DAY);
        for (TimeMatch m : TimeMatch.values()) {
            assertTrue(time("2011-11-12", "2011-11-12", m).test(day), m.name());
            assertFalse(time("2011-11-13", null, m).test(day), m.name());
            assertFalse(time("2000-01-01", null, m).test(dated(null, null)), m.name());
        }
        assertTrue(IncidentFilter.ALL.test(dated(null, null)), "no range, no test");
    }

    @Test
    void anySourceTakesTheLargestFigureForAtLeastEverySourceTheSmallest() {
        Incident disputed = withClaims(6, 7);
        IncidentFilter atLeast7 = IncidentFilter.builder().killed(7, null).build();
        assertTrue(atLeast7.test(disputed), "one source says 7");
        assertFalse(atLeast7.toBuilder().agreement(SourceAgreement.EVERY_SOURCE).build().test(disputed), "one says 6");
        IncidentFilter atMost6 = IncidentFilter.builder().killed(null, 6).build();
        assertTrue(atMost6.test(disputed), "one source says 6");
        assertFalse(atMost6.toBuilder().agreement(SourceAgreement.EVERY_SOURCE).build().test(disputed));
        assertTrue(IncidentFilter.builder().killed(6, 7).agreement(SourceAgreement.EVERY_SOURCE).build().test(disputed));
    }

    @Test
    void aSourceThatGivesNoFigureIsNotCountedAndAnIncidentWithoutFiguresFailsABound() {
        IncidentFilter every = IncidentFilter.builder().killed(5, null).agreement(SourceAgreement.EVERY_SOURCE).build();
        assertTrue(every.test(withClaims(5, null)), "the source without a figure says nothing against it");
        assertFalse(every.test(withClaims(null, null)));
        assertFalse(IncidentFilter.builder().killed(null, 100).build().test(withClaims()), "no claims at all");
        assertFalse(IncidentFilter.builder().killed(0, null).build().test(withClaims()), "not even 'at least 0'");
    }

    @Test
    void textIsFoundInAnyCaseAndAcrossLatinAndCyrillic() {
        Incident latin = dated(LocalDate.of(2011, 11, 12), DatePrecision.DAY);
        Incident cyrillic = new Incident("c", "Стрельба в Таразе", IncidentType.ARMED_ATTACK, null, null,
                "Тараз, улица Казыбек би", null, 71.3, 42.9, LocationPrecision.CITY, null, null, "Ёлка у рынка", null,
                List.of(), List.of());
        assertTrue(text("TARAZ").test(latin));
        assertTrue(text("kazybek BI").test(latin), "in the place");
        assertTrue(text("Тараз").test(latin), "Cyrillic query, Latin text");
        assertTrue(text("taraz").test(cyrillic), "Latin query, Cyrillic text");
        assertTrue(text("ТАРАЗ").test(cyrillic), "Cyrillic, other case");
        assertTrue(text("елка").test(cyrillic), "ё and е are one letter");
        assertTrue(text("elka").test(cyrillic), "ё spelt in Latin as е is");
        assertFalse(text("Shymkent").test(latin));
        assertFalse(text("Шымкент").test(cyrillic));
    }

    private static IncidentFilter text(String s) {
        return IncidentFilter.builder().text(s).build();
    }

    @Test
    void namesOblastsSourcesAndTagsIgnoreCaseAndSpelling() {
        Incident i = dated(LocalDate.of(2011, 11, 12), DatePrecision.DAY);
        Incident tagged = new Incident(i.id(), i.title(), i.type(), i.date(), i.datePrecision(), i.place(), i.oblast(),
                i.lon(), i.lat(), i.locationPrecision(), i.perpetrator(), i.claimedBy(), i.description(), null,
                i.sources(), i.claims(), IncidentSubType.ATTACK_ON_CIVILIANS, null, List.of("market", "Gunman"), null, null);
        assertTrue(IncidentFilter.builder().perpetrators(Set.of("JUND AL-KHILAFAH")).build().test(i));
        assertFalse(IncidentFilter.builder().perpetrators(Set.of("Jund")).build().test(i), "exact, not contains");
        for (String oblast : List.of("Zhambyl", "zhambyl region", "Zhambyl Oblast", "Жамбыл облысы")) {
            assertTrue(IncidentFilter.builder().oblasts(Set.of(oblast)).build().test(i), oblast);
        }
        assertFalse(IncidentFilter.builder().oblasts(Set.of("Almaty")).build().test(i));
        assertTrue(IncidentFilter.builder().source("central asia").build().test(i), "publisher");
        assertTrue(IncidentFilter.builder().source("BLOG-2011").build().test(i), "key");
        assertFalse(IncidentFilter.builder().source("reuters").build().test(i));
        assertTrue(IncidentFilter.builder().tags(Set.of("gunman", "MARKET")).build().test(tagged));
        assertFalse(IncidentFilter.builder().tags(Set.of("gunman", "court")).build().test(tagged), "all must be there");
        assertTrue(IncidentFilter.builder().subTypes(Set.of(IncidentSubType.ATTACK_ON_CIVILIANS)).build().test(tagged));
        assertTrue(IncidentFilter.builder().types(Set.of(IncidentType.EXPLOSION))
                .subTypes(Set.of(IncidentSubType.ATTACK_ON_CIVILIANS)).build().test(tagged), "a type or a sub-type");
        assertFalse(IncidentFilter.builder().types(Set.of(IncidentType.EXPLOSION)).build().test(tagged));
        assertTrue(IncidentFilter.builder().locationPrecisions(Set.of(LocationPrecision.STREET)).build().test(i));
        assertFalse(IncidentFilter.builder().locationPrecisions(Set.of(LocationPrecision.EXACT)).build().test(i));
    }

    @Test
    void withinKilometresIsMeasuredOnTheEllipsoid() {
        // One degree of longitude on the equator is a/180·π = 111,319.49 m on WGS 84 (a sphere of the
        // mean radius gives 111,194.93 m); one of latitude from the equator 110,574.39 m.
        assertEquals(111_319.49, Area.distanceMetres(0, 0, 1, 0), 0.01);
        assertEquals(110_574.39, Area.distanceMetres(0, 0, 0, 1), 0.01);
        Incident atEquator = dated(null, null).withPosition(1, 0);
        assertTrue(IncidentFilter.builder().area(Area.within(111.32, 0, 0, "0, 0")).build().test(atEquator));
        assertFalse(IncidentFilter.builder().area(Area.within(111.3, 0, 0, "0, 0")).build().test(atEquator));
        assertFalse(IncidentFilter.builder().area(Area.within(5000, 0, 0, "0, 0")).build()
                .test(dated(null, null).withPosition(Double.NaN, Double.NaN)), "no position, in no area");
        Area box = Area.inside(new Envelope(70, 72, 42, 44));
        assertTrue(IncidentFilter.builder().area(box).build().test(dated(null, null)), "Taraz is in it");
        assertTrue(IncidentFilter.builder().area(box).build().test(dated(null, null).withPosition(72, 44)), "its corner");
        assertFalse(IncidentFilter.builder().area(box).build().test(dated(null, null).withPosition(72.01, 44)));
    }

    @Test
    void anExpressionIsEvaluatedOverTheNamedAttributes() {
        Incident i = withClaims(6, 7);
        assertTrue(where("killed_max - killed_min = 1 AND date > 2011-11-01").test(i));
        assertTrue(where("title ILIKE '%taraz%' AND oblast = 'Zhambyl Region'").test(i));
        assertTrue(where("sources LIKE '%Central Asia News%'").test(i));
        assertFalse(where("wounded_max > 0").test(i), "no source gives a wounded figure: null");
        assertTrue(where("DWITHIN(geom, POINT(71.4 42.9), 10, kilometers)").test(i));
    }

    private static IncidentFilter where(String ecql) {
        return IncidentFilter.builder().where(WhereClause.parse(ecql)).build();
    }

    @Test
    void aSyntaxErrorSaysWhereAndAnUnknownAttributeIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WhereClause.parse("killed_max >= "));
        assertTrue(e.getMessage().startsWith("at column 12: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WhereClause.parse("killed > 3 AND title = 'x'"));
        assertTrue(e.getMessage().startsWith("unknown attribute 'killed' (known: id, title"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WhereClause.parse("  "));
    }

    @Test
    void contradictoryPartsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> time("2011-05-02", "2011-05-01", TimeMatch.OVERLAPS));
        assertThrows(IllegalArgumentException.class, () -> IncidentFilter.builder().killed(5, 4).build());
        assertThrows(IllegalArgumentException.class, () -> IncidentFilter.builder().wounded(-1, null).build());
        assertThrows(IllegalArgumentException.class, () -> Area.within(0, 71, 43, "Taraz"));
    }

    @Test
    void theFilterInWords() {
        IncidentFilter f = IncidentFilter.builder().time(LocalDate.of(2011, 5, 1), LocalDate.of(2011, 12, 31), null)
                .types(Set.of(IncidentType.EXPLOSION, IncidentType.SUICIDE_BOMBING)).oblasts(Set.of("Zhambyl")).build();
        assertEquals("1 May \u2013 31 Dec 2011 \u00b7 Suicide bombing, Explosion \u00b7 Zhambyl \u00b7 7 of 16 incidents",
                f.describe(7, 16));
        assertEquals("at least 5 killed by every source \u00b7 \u201cmarket\u201d", IncidentFilter.builder().killed(5, null)
                .agreement(SourceAgreement.EVERY_SOURCE).text("market").build().describe(0, -1));
        assertEquals("16 of 16 incidents", IncidentFilter.ALL.describe(16, 16));
        assertTrue(Arrays.stream(IncidentFilter.ALL.describe(1, 1).split(" ")).anyMatch("incident"::equals));
    }

    /** The Taraz record with the blog graded {@code blog} and the news graded {@code news}: 7 and 5 killed. */
    private static Incident graded(Reliability blog, Reliability news) {
        Source b = BLOG.withReliability(blog);
        Source n = NEWS.withReliability(news);
        return dated(LocalDate.of(2011, 11, 12), DatePrecision.DAY).withLinks(List.of(b, n),
                List.of(new Claim(b.key(), 7, 2, null, null), new Claim(n.key(), 5, null, null, null)));
    }

    private static IncidentFilter atLeast(Reliability g) {
        return IncidentFilter.builder().minGrade(g).build();
    }

    @Test
    void aMinimumGradeNeedsOneSourceGradedThatOrBetter() {
        assertTrue(atLeast(Reliability.B).test(graded(Reliability.D, Reliability.A)), "A is better than B");
        assertTrue(atLeast(Reliability.B).test(graded(Reliability.B, null)), "B is B or better");
        assertFalse(atLeast(Reliability.B).test(graded(Reliability.C, Reliability.E)), "neither is");
        assertFalse(atLeast(Reliability.B).test(graded(null, null)), "a source not graded is not shown to be any good");
        assertFalse(atLeast(Reliability.E).test(graded(Reliability.F, null)), "F, not judged, is not better than E");
        assertTrue(atLeast(Reliability.F).test(graded(Reliability.F, null)), "F asks for F");
        assertTrue(atLeast(Reliability.E).test(graded(Reliability.E, null)));
        assertTrue(atLeast(Reliability.B).needsRecords());
    }

    @Test
    void withAMinimumGradeTheCasualtyBoundsCountOnlyTheGradedSources() {
        Incident i = graded(Reliability.D, Reliability.B); // the blog (D) says 7 killed, the news (B) 5
        IncidentFilter six = IncidentFilter.builder().killed(6, null).build();
        assertTrue(six.test(i), "the blog's 7 is at least 6");
        assertFalse(six.toBuilder().minGrade(Reliability.B).build().test(i), "only the news counts: 5");
        assertTrue(IncidentFilter.builder().killed(null, 5).agreement(SourceAgreement.EVERY_SOURCE)
                .minGrade(Reliability.B).build().test(i), "every graded source says at most 5");
        assertFalse(IncidentFilter.builder().wounded(1, null).minGrade(Reliability.B).build().test(i),
                "only the blog, graded D, gives a wounded figure");
        IncidentFilter b = atLeast(Reliability.B);
        assertEquals("5", b.counted(i).killedRange(), "the range shown is over the graded sources");
        assertEquals("unknown", b.counted(i).woundedRange());
        assertEquals("5\u20137", IncidentFilter.ALL.counted(i).killedRange(), "without a grade, over all");
        assertEquals(2, b.counted(i).sources().size(), "the sources stay; only the figures are narrowed");
        assertEquals("at least 6 killed \u00b7 sources graded B or better",
                six.toBuilder().minGrade(Reliability.B).build().describe(0, -1));
    }
}
