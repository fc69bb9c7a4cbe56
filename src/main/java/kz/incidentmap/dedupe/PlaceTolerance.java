package kz.incidentmap.dedupe;

import kz.incidentmap.model.LocationPrecision;

/**
 * How far apart two reports of one event may place it, given how precisely each knows the place: a
 * point known to the building may still be a kilometre off in another report, a city's point stands for
 * anywhere in it (Almaty is some 25 km across), a region's for much of an oblast.
 */
final class PlaceTolerance {

    private PlaceTolerance() {
    }

    /** Kilometres a point of this precision may lie from the event (a missing precision counts as a city). */
    static double radiusKm(LocationPrecision p) {
        return switch (p == null ? LocationPrecision.CITY : p) {
            case EXACT -> 1;
            case STREET -> 5;
            case CITY -> 25;
            case REGION -> 300;
        };
    }

    /** The distance two points may lie apart: the looser of the two precisions, capped by {@code capKm} (NaN: no cap). */
    static double allowedKm(LocationPrecision a, LocationPrecision b, double capKm) {
        double r = Math.max(radiusKm(a), radiusKm(b));
        return Double.isNaN(capKm) ? r : Math.min(r, capKm);
    }
}
