package kz.incidentmap.geo;

import java.util.Locale;

/** Distances and areas as people say them: "180 m", "2.4 km", "3.1 ha", "12.5 km²". */
public final class DistanceText {

    private DistanceText() {
    }

    /** Whole metres under 1 km, kilometres with one decimal from there. */
    public static String of(double metres) {
        long whole = Math.round(metres);
        if (whole < 1000) {
            return whole + " m";
        }
        return String.format(Locale.ROOT, "%.1f km", metres / 1000);
    }

    /** Square metres under a hectare, hectares under a square kilometre, then km² with one decimal. */
    public static String area(double squareMetres) {
        if (squareMetres < 10_000) {
            return Math.round(squareMetres) + " m²";
        }
        if (squareMetres < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f ha", squareMetres / 10_000);
        }
        return String.format(Locale.ROOT, "%.1f km²", squareMetres / 1_000_000);
    }
}
