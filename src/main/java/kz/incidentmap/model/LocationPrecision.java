package kz.incidentmap.model;

/** How precisely an incident's position is known: the point may stand for a building or a whole region. */
public enum LocationPrecision {
    EXACT, STREET, CITY, REGION;

    public String code() {
        return Codes.of(this);
    }

    public static LocationPrecision fromCode(String code) {
        return Codes.lookUp(LocationPrecision.class, "location precision", code);
    }
}
