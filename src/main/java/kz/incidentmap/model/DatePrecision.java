package kz.incidentmap.model;

import java.util.Locale;

/** How precisely an incident's date is known. */
public enum DatePrecision {
    DAY, MONTH, YEAR, APPROXIMATE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DatePrecision fromCode(String code) {
        for (DatePrecision p : values()) {
            if (p.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown date precision '" + code + "' (known: day, month, year, approximate)");
    }
}
