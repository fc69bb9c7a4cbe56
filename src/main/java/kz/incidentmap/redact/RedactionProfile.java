package kz.incidentmap.redact;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A named way of sharing incidents without exposing anyone: how coarse positions and dates become, and
 * what is left out.
 *
 * @param name what the user calls it ({@code city}, {@code grid25}, their own)
 * @param position what becomes of each position
 * @param gridKm the side of a grid cell in kilometres when {@code position} is {@link Position#GRID}, else 0
 * @param dates how precise dates stay
 * @param drops what is left out of every record
 */
public record RedactionProfile(String name, Position position, int gridKm, DateDetail dates, Set<Drop> drops) {

    /** What becomes of a position. */
    public enum Position {
        /** Kept as recorded. */
        KEEP,
        /** Moved to the centre of its grid cell (see {@link GridCells}). */
        GRID,
        /** Moved to its city's point (see {@link CityPoints}). */
        CITY
    }

    /** How precise a date stays. */
    public enum DateDetail {
        DAY, MONTH
    }

    /** What a profile can leave out. */
    public enum Drop {
        SOURCE_URLS("source URLs"),
        SOURCE_NAMES("source names"),
        DESCRIPTIONS("descriptions"),
        PERSONAL_PLACES("personal places"),
        RESTRICTED("restricted incidents");

        private final String words;

        Drop(String words) {
            this.words = words;
        }

        /** The key a profile file names it by: {@code source_urls}. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The tag that marks an incident never to be shared by a profile that drops restricted incidents. */
    public static final String RESTRICTED_TAG = "restricted";

    /** Each position to its city's point, dates to the month, source URLs and restricted incidents left out. */
    public static final RedactionProfile CITY = new RedactionProfile("city", Position.CITY, 0, DateDetail.MONTH,
            EnumSet.of(Drop.SOURCE_URLS, Drop.RESTRICTED));
    /** Positions to the centre of a 25 km cell, dates to the month, source names, URLs and restricted incidents left out. */
    public static final RedactionProfile GRID25 = new RedactionProfile("grid25", Position.GRID, 25, DateDetail.MONTH,
            EnumSet.of(Drop.SOURCE_URLS, Drop.SOURCE_NAMES, Drop.RESTRICTED));
    /** The profiles every user has. */
    public static final List<RedactionProfile> BUILT_IN = List.of(CITY, GRID25);

    public RedactionProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(dates, "dates");
        drops = drops.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(drops));
        if (position == Position.GRID && gridKm <= 0) {
            throw new IllegalArgumentException("a grid profile needs a cell size of 1 km or more");
        }
        if (position != Position.GRID) {
            gridKm = 0;
        }
    }

    public boolean drops(Drop what) {
        return drops.contains(what);
    }

    /** What the profile does, in words: "positions to 25 km, dates to the month, source names and URLs removed". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        switch (position) {
            case GRID -> parts.add("positions to " + gridKm + " km");
            case CITY -> parts.add("positions to the city");
            default -> parts.add("positions as recorded");
        }
        parts.add(dates == DateDetail.MONTH ? "dates to the month" : "dates to the day");
        List<String> gone = new ArrayList<>();
        boolean names = drops(Drop.SOURCE_NAMES);
        boolean urls = drops(Drop.SOURCE_URLS);
        if (names && urls) {
            gone.add("source names and URLs");
        } else if (names) {
            gone.add(Drop.SOURCE_NAMES.words);
        } else if (urls) {
            gone.add(Drop.SOURCE_URLS.words);
        }
        for (Drop d : List.of(Drop.DESCRIPTIONS, Drop.PERSONAL_PLACES)) {
            if (drops(d)) {
                gone.add(d.words);
            }
        }
        if (!gone.isEmpty()) {
            String last = gone.remove(gone.size() - 1);
            parts.add((gone.isEmpty() ? last : String.join(", ", gone) + " and " + last) + " removed");
        }
        if (drops(Drop.RESTRICTED)) {
            parts.add("restricted incidents left out");
        }
        return String.join(", ", parts);
    }

    /** The line printed on every output the profile shaped: "Redacted: grid25 (positions to 25 km, …)". */
    public String label() {
        return "Redacted: " + name + " (" + describe() + ")";
    }
}
