package kz.incidentmap.model;

/** How precisely an incident's date is known. */
public enum DatePrecision {
    DAY, MONTH, YEAR, APPROXIMATE;

    public String code() {
        return Codes.of(this);
    }

    public static DatePrecision fromCode(String code) {
        return Codes.lookUp(DatePrecision.class, "date precision", code);
    }
}
