package kz.incidentmap.sync;

import java.util.Map;
import kz.incidentmap.model.Incident;

/**
 * How a conflict is settled: all theirs, all mine, or field by field. The result is what the copy then
 * holds and what is written to the server over its current version.
 */
public final class ConflictResolution {

    /** The side a field is taken from. */
    public enum Side { THEIRS, MINE }

    private ConflictResolution() {
    }

    /**
     * The record with each field from the side {@code choices} names (a field not named is theirs). When
     * both sides deleted, or the side chosen for every field deleted, the result is null: deleted.
     */
    public static Incident merge(Conflict conflict, Map<ConflictField, Side> choices) {
        Incident theirs = conflict.theirs() == null ? null : conflict.theirs().incident();
        Incident mine = conflict.mine();
        if (theirs == null || mine == null) {
            // A deletion is not a field: the side chosen for most fields decides whether the record stays.
            long mineChosen = choices.values().stream().filter(s -> s == Side.MINE).count();
            return mineChosen * 2 > ConflictField.values().length ? mine : theirs;
        }
        Incident t = theirs;
        Incident m = mine;
        Incident from;
        from = pick(choices, ConflictField.TITLE, t, m);
        String title = from.title();
        from = pick(choices, ConflictField.TYPE, t, m);
        var type = from.type();
        var subType = from.subType();
        from = pick(choices, ConflictField.DATE, t, m);
        var date = from.date();
        var datePrecision = from.datePrecision();
        var time = from.time();
        from = pick(choices, ConflictField.PLACE, t, m);
        Incident place = from;
        from = pick(choices, ConflictField.PERPETRATOR, t, m);
        String perpetrator = from.perpetrator();
        String claimedBy = from.claimedBy();
        from = pick(choices, ConflictField.CASUALTIES, t, m);
        var sources = from.sources();
        var claims = from.claims();
        String description = pick(choices, ConflictField.DESCRIPTION, t, m).description();
        from = pick(choices, ConflictField.OTHER, t, m);
        return new Incident(t.id(), title, type, date, datePrecision, place.place(), place.oblast(), place.lon(),
                place.lat(), place.locationPrecision(), perpetrator, claimedBy, description, from.eventGroup(),
                sources, claims, subType, time, from.tags(), t.created(), mine.updated());
    }

    /** All of theirs. */
    public static Incident theirs(Conflict conflict) {
        return conflict.theirs() == null ? null : conflict.theirs().incident();
    }

    /** All of mine. */
    public static Incident mine(Conflict conflict) {
        return conflict.mine();
    }

    private static Incident pick(Map<ConflictField, Side> choices, ConflictField field, Incident theirs,
            Incident mine) {
        return choices.getOrDefault(field, Side.THEIRS) == Side.MINE ? mine : theirs;
    }
}
