package kz.incidentmap.report;

import java.util.OptionalInt;
import kz.incidentmap.model.Incident;

/**
 * Incidents counted with their killed and wounded summed as ranges: the sum of the lowest figure any
 * source gives for each, to the sum of the highest. An incident no source gives a figure for adds
 * nothing, and a row where none does says so.
 */
final class Tally {

    private int count;
    private long killedMin;
    private long killedMax;
    private boolean killedKnown;
    private long woundedMin;
    private long woundedMax;
    private boolean woundedKnown;

    void add(Incident i) {
        count++;
        OptionalInt k = i.minKilled();
        if (k.isPresent()) {
            killedKnown = true;
            killedMin += k.getAsInt();
            killedMax += i.maxKilled().getAsInt();
        }
        OptionalInt w = i.minWounded();
        if (w.isPresent()) {
            woundedKnown = true;
            woundedMin += w.getAsInt();
            woundedMax += i.maxWounded().getAsInt();
        }
    }

    int count() {
        return count;
    }

    /** "12–15", "12" when sources agree, "–" when none gives a figure. */
    String killed() {
        return range(killedKnown, killedMin, killedMax);
    }

    String wounded() {
        return range(woundedKnown, woundedMin, woundedMax);
    }

    private static String range(boolean known, long min, long max) {
        if (!known) {
            return "\u2013";
        }
        return min == max ? Long.toString(min) : min + "\u2013" + max;
    }
}
