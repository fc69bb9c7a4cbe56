package kz.incidentmap.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.Vocabulary;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Reliability;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** A filter written as options, as a saved view keeps it, reads back as the same filter in the window. */
class FilterArgumentsTest {

    private static IncidentFilter roundTrip(IncidentFilter f) {
        return FilterArguments.read(FilterArguments.parse(FilterArguments.json(f)), Vocabulary.builtIn());
    }

    @Test
    void everyPartReadsBackAsWritten() {
        IncidentFilter f = IncidentFilter.builder()
                .time(LocalDate.parse("2011-05-01"), LocalDate.parse("2011-12-31"), TimeMatch.INSIDE)
                .types(Set.of(IncidentType.EXPLOSION, IncidentType.ARMED_ATTACK)).subTypes(Set.of(IncidentSubType.BUILT_IN.get(0)))
                .perpetrators(Set.of("M. K. Kariyev")).claimedBy(Set.of("Jund al-Khilafah")).killed(1, 9).wounded(null, 40)
                .agreement(SourceAgreement.EVERY_SOURCE).text("Тараз").oblasts(Set.of("Zhambyl Region"))
                .source("blog").tags(Set.of("market")).locationPrecisions(Set.of(LocationPrecision.CITY))
                .where(WhereClause.parse("killed_max - killed_min > 2")).minGrade(Reliability.B).build();
        IncidentFilter back = roundTrip(f);
        assertEquals(Reliability.B, back.minGrade());
        // The expression is compared by its text (two parses are two objects).
        assertEquals(f.where().text(), back.where().text());
        assertEquals(f.toBuilder().where(null).build(), back.toBuilder().where(null).build());
        assertEquals(FilterArguments.of(f), FilterArguments.of(back));
    }

    @Test
    void aBadGradeIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FilterArguments.read(new String[] {"--min-grade", "G"}, Vocabulary.builtIn()));
        assertEquals("--min-grade G: grade 'G' is not one of A–F", e.getMessage());
    }

    @Test
    void aDrawnAreaAndADistanceReadBackAndHoldTheSamePoints() {
        Area box = Area.inside(new Envelope(71.0, 72.0, 42.5, 43.5));
        Area back = roundTrip(IncidentFilter.builder().area(box).build()).area();
        assertTrue(back.contains(71.3667, 42.9) && !back.contains(72.1, 42.9));
        assertEquals(box.bounds(), back.bounds());
        Area near = Area.within(25, 71.36667, 42.9, "Taraz");
        Area nearBack = roundTrip(IncidentFilter.builder().area(near).build()).area();
        // 25 km east of Taraz along the parallel is about 0.307 degrees of longitude.
        assertTrue(nearBack.contains(71.36667 + 0.30, 42.9) && !nearBack.contains(71.36667 + 0.32, 42.9));
    }

    @Test
    void anOptionItCannotUseIsRefusedByName() {
        List<String[]> bad = List.of(new String[] {"--from", "2011-02-30"}, new String[] {"--type", "bombing"},
                new String[] {"--min-killed", "many"}, new String[] {"--within", "5"},
                new String[] {"--within", "5", "--of", "Taraz"}, new String[] {"--area", "POLYGON((1 2"},
                new String[] {"--where", "killed >"}, new String[] {"--city", "Taraz"}, new String[] {"--text"},
                new String[] {"--min-grade", "G"});
        for (String[] args : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FilterArguments.read(args, Vocabulary.builtIn()),
                    String.join(" ", args));
            assertTrue(e.getMessage().startsWith(args[args.length > 2 ? 2 : 0]) || e.getMessage().startsWith(args[0]),
                    e.getMessage());
        }
    }
}
