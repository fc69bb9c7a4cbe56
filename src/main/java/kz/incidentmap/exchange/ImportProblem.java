package kz.incidentmap.exchange;

/**
 * Why one record (or a whole file) cannot be imported, and where.
 *
 * @param location the file and where in it: {@code file.csv:12}, {@code file.geojson:40 (feature 3)}
 * @param field the column or property, or null when the problem is not one field's
 * @param reason what is wrong
 */
public record ImportProblem(String location, String field, String reason) {

    @Override
    public String toString() {
        return location + ": " + (field == null ? "" : "field '" + field + "': ") + reason;
    }
}
