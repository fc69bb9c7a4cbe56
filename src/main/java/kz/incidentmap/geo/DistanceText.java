package kz.incidentmap.geo;

import kz.incidentmap.i18n.Texts;

/** Distances and areas as people say them: "180 m", "2.4 km", "3.1 ha", "12.5 km²" (in Russian "2,4 км"). */
public final class DistanceText {

    private DistanceText() {
    }

    /** Whole metres under 1 km, kilometres with one decimal from there. */
    public static String of(double metres) {
        return of(metres, Texts.ENGLISH);
    }

    /** The same in the language of {@code texts}: its unit words and its decimal sign. */
    public static String of(double metres, Texts texts) {
        long whole = Math.round(metres);
        if (whole < 1000) {
            return texts.format("unit.m", texts.number(whole));
        }
        return texts.format("unit.km", texts.number(metres / 1000, 1));
    }

    /** Square metres under a hectare, hectares under a square kilometre, then km² with one decimal. */
    public static String area(double squareMetres) {
        return area(squareMetres, Texts.ENGLISH);
    }

    public static String area(double squareMetres, Texts texts) {
        if (squareMetres < 10_000) {
            return texts.format("unit.m2", texts.number(Math.round(squareMetres)));
        }
        if (squareMetres < 1_000_000) {
            return texts.format("unit.ha", texts.number(squareMetres / 10_000, 1));
        }
        return texts.format("unit.km2", texts.number(squareMetres / 1_000_000, 1));
    }
}
