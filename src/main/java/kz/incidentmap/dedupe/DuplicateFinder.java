package kz.incidentmap.dedupe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.DateSpan;
import kz.incidentmap.model.Incident;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;

/**
 * Finds incidents that may be one event reported more than once: their dates overlap (within
 * {@link DuplicateRules#withinDays} beyond what their precision allows), their places lie within what
 * their location precision allows (see {@link PlaceTolerance}), their types are ones reports confuse
 * (see {@link TypeFamilies}); the score then weighs how close the dates and places are, the types and
 * how alike the words are (see {@link TextKey}). Parts of one larger event (one event group) are never
 * offered: they were recorded apart on purpose. Only incidents whose dates come within reach are
 * compared: sorted by first day, each is compared with those that begin before its last day (plus the
 * tolerance) has passed, so a large record costs about as many comparisons as it has incidents times
 * the incidents of a few days.
 */
public final class DuplicateFinder {

    /** Weights of date, place, type and text in the score; they add up to 1. */
    private static final double DATE_WEIGHT = 0.2;
    private static final double PLACE_WEIGHT = 0.2;
    private static final double TYPE_WEIGHT = 0.15;
    private static final double TEXT_WEIGHT = 0.45;
    /**
     * Texts this alike (trigram Jaccard) count for nothing: unrelated reports share that much (place
     * names, words every report uses).
     */
    private static final double TEXT_UNRELATED = 0.1;
    /** Texts this alike count as fully alike: two reports of one event never share every word. */
    private static final double TEXT_ALIKE = 0.5;
    /**
     * The distance at which the place counts for half, as a share of the distance allowed: reports of one
     * event mostly put it within a few hundred metres of each other, unrelated events in one city lie
     * kilometres apart.
     */
    private static final double PLACE_HALF = 0.1;
    /** What a type of the same family (not the same type) counts for. */
    private static final double FAMILY_MATCH = 0.6;
    /** Kilometres per degree of latitude, at least: a cheap test before the geodesic. */
    private static final double KM_PER_DEGREE_LAT = 110.5;

    private final DuplicateRules rules;

    public DuplicateFinder(DuplicateRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** Every pair of {@code incidents} at or above the rules' score, best first, except the pairs {@code skip} names (by {@link DuplicatePair#key}). */
    public List<DuplicatePair> find(List<Incident> incidents, Set<String> skip) {
        return find(incidents, skip, (a, b) -> true);
    }

    /**
     * {@link #find(List, Set)} of the pairs {@code wanted} accepts (it is asked before the pair is
     * scored: an import asks only for pairs with a new incident).
     */
    public List<DuplicatePair> find(List<Incident> incidents, Set<String> skip, BiPredicate<Incident, Incident> wanted) {
        List<Candidate> sorted = new ArrayList<>(incidents.size());
        for (Incident i : incidents) {
            DateSpan span = DateSpan.of(i);
            if (span != null && !Double.isNaN(i.lon()) && !Double.isNaN(i.lat())) {
                sorted.add(new Candidate(i, span));
            }
        }
        sorted.sort(Comparator.comparingLong((Candidate c) -> c.span.firstDay()).thenComparing(c -> c.incident.id()));
        List<DuplicatePair> pairs = new ArrayList<>();
        for (int a = 0; a < sorted.size(); a++) {
            Candidate x = sorted.get(a);
            long reach = x.span.lastDay() + rules.withinDays();
            for (int b = a + 1; b < sorted.size() && sorted.get(b).span.firstDay() <= reach; b++) {
                Candidate y = sorted.get(b);
                if (wanted.test(x.incident, y.incident) && (skip.isEmpty()
                        || !skip.contains(DuplicatePair.key(x.incident.id(), y.incident.id())))) {
                    DuplicatePair p = compare(x, y);
                    if (p != null && p.score() >= rules.minScore()) {
                        pairs.add(p);
                    }
                }
            }
        }
        pairs.sort(Comparator.comparingDouble((DuplicatePair p) -> p.score()).reversed().thenComparing(p -> p.key()));
        return pairs;
    }

    /** The two incidents as a pair, or null when a date, the place or the type rules them out. */
    public DuplicatePair compare(Incident a, Incident b) {
        DateSpan sa = DateSpan.of(a);
        DateSpan sb = DateSpan.of(b);
        if (sa == null || sb == null) {
            return null;
        }
        Candidate x = new Candidate(a, sa);
        Candidate y = new Candidate(b, sb);
        return x.span.firstDay() <= y.span.firstDay() ? compare(x, y) : compare(y, x);
    }

    private DuplicatePair compare(Candidate x, Candidate y) {
        Incident a = x.incident;
        Incident b = y.incident;
        long gap = Math.max(0, Math.max(x.span.firstDay(), y.span.firstDay()) - Math.min(x.span.lastDay(), y.span.lastDay()));
        if (gap > rules.withinDays()) {
            return null;
        }
        if (!TypeFamilies.compatible(a.type(), b.type())) {
            return null;
        }
        if (a.eventGroup() != null && a.eventGroup().equals(b.eventGroup())) {
            return null; // parts of one larger event, kept apart on purpose (the Taraz attack's five)
        }
        double allowed = PlaceTolerance.allowedKm(a.locationPrecision(), b.locationPrecision(), rules.withinKm());
        // Degrees first: most pairs of a day lie in different cities, and the geodesic costs far more.
        double dLat = Math.abs(a.lat() - b.lat()) * KM_PER_DEGREE_LAT;
        double dLon = Math.abs(a.lon() - b.lon()) * KM_PER_DEGREE_LAT * Math.cos(Math.toRadians(Math.max(
                Math.abs(a.lat()), Math.abs(b.lat()))));
        if (dLat > allowed || dLon > allowed * 1.01 || Math.hypot(dLat, dLon) > allowed * 1.01) {
            return null;
        }
        double km = Geodesic.WGS84.Inverse(a.lat(), a.lon(), b.lat(), b.lon(), GeodesicMask.DISTANCE).s12 / 1000;
        if (km > allowed) {
            return null;
        }
        double text = x.text().similarity(y.text());
        double dateFactor = (1 - (double) gap / (rules.withinDays() + 1)) * looseness(a, b);
        double placeFactor = allowed == 0 ? 1 : Math.pow(0.5, km / (PLACE_HALF * allowed));
        double typeFactor = a.type() == b.type() ? 1 : FAMILY_MATCH;
        double score = DATE_WEIGHT * dateFactor + PLACE_WEIGHT * placeFactor + TYPE_WEIGHT * typeFactor
                + TEXT_WEIGHT * Math.max(0, Math.min(1, (text - TEXT_UNRELATED) / (TEXT_ALIKE - TEXT_UNRELATED)));
        List<String> reasons = List.of(dates(a, b, gap), distance(km), TypeFamilies.describe(a.type(), b.type()),
                String.format(Locale.ROOT, "text %d%% alike", Math.round(text * 100)));
        return new DuplicatePair(a, b, Math.round(score * 1000) / 1000.0, reasons);
    }

    /** Dates known to the day say more when they agree than dates known to the month or the year. */
    private static double looseness(Incident a, Incident b) {
        return switch (coarser(a.datePrecision(), b.datePrecision())) {
            case DAY -> 1;
            case MONTH -> 0.6;
            case YEAR, APPROXIMATE -> 0.3;
        };
    }

    private static DatePrecision coarser(DatePrecision a, DatePrecision b) {
        DatePrecision pa = a == null ? DatePrecision.DAY : a;
        DatePrecision pb = b == null ? DatePrecision.DAY : b;
        return pa.ordinal() >= pb.ordinal() ? pa : pb;
    }

    private static String dates(Incident a, Incident b, long gap) {
        DatePrecision p = coarser(a.datePrecision(), b.datePrecision());
        if (p != DatePrecision.DAY) {
            return gap == 0 ? "dates overlap (known to the " + (p == DatePrecision.MONTH ? "month" : "year") + ")"
                    : "dates " + gap + " day" + (gap == 1 ? "" : "s") + " apart (known to the "
                    + (p == DatePrecision.MONTH ? "month" : "year") + ")";
        }
        return gap == 0 ? "same day" : gap + " day" + (gap == 1 ? "" : "s") + " apart";
    }

    private static String distance(double km) {
        return km < 10 ? String.format(Locale.ROOT, "%.1f km apart", km)
                : String.format(Locale.ROOT, "%d km apart", Math.round(km));
    }

    /** An incident with its date span and, once asked for, its words. */
    private static final class Candidate {
        final Incident incident;
        final DateSpan span;
        private TextKey text;

        Candidate(Incident incident, DateSpan span) {
            this.incident = incident;
            this.span = span;
        }

        TextKey text() {
            if (text == null) {
                text = TextKey.of(incident.title(), incident.place(), incident.description());
            }
            return text;
        }
    }
}
