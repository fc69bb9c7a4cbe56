package kz.incidentmap.model;

import java.util.Locale;

/** How precisely an incident's position is known: the point may stand for a building or a whole region. */
public enum LocationPrecision {
    EXACT, STREET, CITY, REGION;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LocationPrecision fromCode(String code) {
        for (LocationPrecision p : values()) {
            if (p.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown location precision '" + code + "' (known: exact, street, city, region)");
    }
}
