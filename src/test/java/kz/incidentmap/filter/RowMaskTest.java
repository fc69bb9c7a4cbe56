package kz.incidentmap.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.IncidentRecords;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Reliability;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.tools.SyntheticIncidents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * The map's fast path (the index's columns and one scan of the records) lets through exactly the
 * incidents the exact test does, over random filters on a generated store with every part varied (the
 * sources graded A to F or not at all, and a minimum grade among the filters).
 */
class RowMaskTest {

    private static final MapProjection PROJECTION = MapProjection.kazakhstan();

    @TempDir
    static Path dir;

    private static List<Incident> incidents;
    private static Path db;

    @BeforeAll
    static void store() throws Exception {
        SyntheticIncidents generator = SyntheticIncidents.forMaps(Path.of("maps"), 21);
        incidents = VariedIncidents.of(generator, 1_000, 5);
        db = dir.resolve("varied.gpkg");
        IncidentStore.createBulk(db, VariedIncidents.sources(generator), incidents.iterator(), n -> { });
    }

    @Test
    void theMaskAgreesWithTheExactTestOverRandomFilters() throws Exception {
        try (IncidentStore store = IncidentStore.openForViewing(db)) {
            IncidentIndex index = IncidentIndex.of(store.points(), PROJECTION);
            assertEquals(incidents.size(), index.size());
            long[] fids = new long[index.size()];
            for (int r = 0; r < fids.length; r++) {
                fids[r] = index.fid(r);
            }
            Map<Long, Incident> byRow = store.byRowIds(fids);
            IncidentRecords records = IncidentRecords.of(store);
            Random rnd = new Random(99);
            Set<Integer> counts = new HashSet<>();
            for (int k = 0; k < 80; k++) {
                IncidentFilter f = randomFilter(rnd);
                RowMask mask = RowMask.of(f, index, RecordMatches.scan(f, records), PROJECTION);
                int passed = 0;
                for (int r = 0; r < index.size(); r++) {
                    Incident i = byRow.get(index.fid(r));
                    boolean exact = f.test(i);
                    assertEquals(exact, mask.test(r), () -> f + "\non " + i);
                    passed += exact ? 1 : 0;
                }
                assertEquals(passed, mask.count());
                counts.add(passed);
            }
            assertTrue(counts.size() > 20, "the filters let different numbers through: " + counts);
        }
    }

    private static IncidentFilter randomFilter(Random rnd) {
        IncidentFilter.Builder b = IncidentFilter.builder();
        if (rnd.nextInt(3) == 0) {
            LocalDate from = LocalDate.of(2000, 1, 1).plusDays(rnd.nextInt(9000));
            LocalDate to = from.plusDays(rnd.nextInt(800));
            b.time(rnd.nextInt(4) == 0 ? null : from, rnd.nextInt(4) == 0 ? null : to,
                    TimeMatch.values()[rnd.nextInt(2)]);
        }
        if (rnd.nextInt(4) == 0) {
            b.types(some(rnd, IncidentType.class));
        }
        if (rnd.nextInt(4) == 0) {
            b.subTypes(IncidentSubType.BUILT_IN.stream().filter(s -> rnd.nextInt(3) == 0).collect(java.util.stream.Collectors.toSet()));
        }
        if (rnd.nextInt(5) == 0) {
            b.locationPrecisions(some(rnd, LocationPrecision.class));
        }
        if (rnd.nextInt(3) == 0) {
            Integer lo = rnd.nextBoolean() ? rnd.nextInt(8) : null;
            b.killed(lo, rnd.nextBoolean() ? (lo == null ? 0 : lo) + rnd.nextInt(6) : null);
        }
        if (rnd.nextInt(4) == 0) {
            b.wounded(rnd.nextBoolean() ? rnd.nextInt(20) : null, null);
        }
        if (rnd.nextBoolean()) {
            b.agreement(SourceAgreement.EVERY_SOURCE);
        }
        if (rnd.nextInt(4) == 0) {
            b.minGrade(Reliability.values()[rnd.nextInt(Reliability.values().length)]);
        }
        Incident some = incidents.get(rnd.nextInt(incidents.size()));
        switch (rnd.nextInt(12)) {
            case 0 -> b.text(rnd.nextBoolean() ? "Нападение" : some.place());
            case 1 -> b.perpetrators(Set.of(VariedIncidents.PERPETRATORS.get(rnd.nextInt(3)).toLowerCase()));
            case 2 -> b.oblasts(Set.of(some.oblast()));
            case 3 -> b.tags(Set.of(VariedIncidents.TAGS.get(rnd.nextInt(4))));
            case 4 -> b.where(WhereClause.parse("killed_max > " + rnd.nextInt(6) + " OR title LIKE 'Н%'"));
            case 5 -> b.source(some.sources().isEmpty() ? "a" : some.sources().get(0).publisher());
            case 6 -> b.area(Area.within(5 + rnd.nextInt(300), some.lon(), some.lat(), some.place()));
            case 7 -> b.area(Area.inside(new Envelope(some.lon() - 2, some.lon() + 1, some.lat() - 1, some.lat() + 2)));
            default -> { }
        }
        return b.build();
    }

    private static <E extends Enum<E>> Set<E> some(Random rnd, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (E e : type.getEnumConstants()) {
            if (rnd.nextInt(3) == 0) {
                set.add(e);
            }
        }
        return set;
    }
}
