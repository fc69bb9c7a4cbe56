package kz.incidentmap.filter;

import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;

/**
 * The parts of a filter the incident index holds (types, sub-types, location precision, days, casualty
 * figures), made ready once to be asked of many incidents: sets become tables by ordinal and days
 * numbers, so that a million rows are tested without a lookup or a date computed per row. The one place
 * those parts are decided, for {@link IncidentFilter#test} and {@link RowMask} alike.
 */
final class FactTest {

    /** The day number given for an incident without a date. */
    static final long UNDATED = Long.MIN_VALUE;

    private final boolean byType;
    private final boolean[] types = new boolean[IncidentType.values().length];
    private final boolean[] subTypes = new boolean[IncidentSubType.MOST];
    private final boolean byLocation;
    private final boolean[] locations = new boolean[LocationPrecision.values().length];
    private final boolean timed;
    private final boolean inside;
    private final long lo;
    private final long hi;
    private final Integer minKilled;
    private final Integer maxKilled;
    private final Integer minWounded;
    private final Integer maxWounded;
    private final boolean every;

    FactTest(IncidentFilter f) {
        byType = !f.types().isEmpty() || !f.subTypes().isEmpty();
        f.types().forEach(t -> types[t.ordinal()] = true);
        f.subTypes().forEach(s -> subTypes[s.ordinal()] = true);
        byLocation = !f.locationPrecisions().isEmpty();
        f.locationPrecisions().forEach(p -> locations[p.ordinal()] = true);
        timed = f.from() != null || f.to() != null;
        inside = f.timeMatch() == TimeMatch.INSIDE;
        lo = f.from() == null ? Long.MIN_VALUE : f.from().toEpochDay();
        hi = f.to() == null ? Long.MAX_VALUE : f.to().toEpochDay();
        minKilled = f.minKilled();
        maxKilled = f.maxKilled();
        minWounded = f.minWounded();
        maxWounded = f.maxWounded();
        every = f.agreement() == SourceAgreement.EVERY_SOURCE;
    }

    /**
     * Whether an incident passes: ordinals (-1 for none), the date's first and last day ({@link #UNDATED}
     * when there is none), the smallest and largest figures its sources give (-1 when none gives one).
     */
    boolean passes(int type, int subType, long firstDay, long lastDay, int killedMin, int killedMax,
            int woundedMin, int woundedMax, int location) {
        if (byType && !types[type] && !(subType >= 0 && subTypes[subType])) {
            return false;
        }
        if (byLocation && (location < 0 || !locations[location])) {
            return false;
        }
        return passesTime(firstDay, lastDay) && passesFigures(minKilled, maxKilled, killedMin, killedMax)
                && passesFigures(minWounded, maxWounded, woundedMin, woundedMax);
    }

    private boolean passesTime(long first, long last) {
        if (!timed) {
            return true;
        }
        if (first == UNDATED) {
            return false;
        }
        return inside ? first >= lo && last <= hi : last >= lo && first <= hi;
    }

    /** A bound on one figure, given the smallest and largest any source gives (-1: none gives one). */
    private boolean passesFigures(Integer atLeast, Integer atMost, int smallest, int largest) {
        if (atLeast == null && atMost == null) {
            return true;
        }
        if (smallest < 0) {
            return false;
        }
        return (atLeast == null || (every ? smallest : largest) >= atLeast)
                && (atMost == null || (every ? largest : smallest) <= atMost);
    }
}
