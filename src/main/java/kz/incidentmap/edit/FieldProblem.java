package kz.incidentmap.edit;

/**
 * What is wrong (or only doubtful) with one field of a record.
 *
 * @param field the field's name as in files and forms ({@code lat}, {@code sources[1].url})
 * @param message what is wrong, in words a user can act on
 * @param warning true for a doubt that does not stop saving (a point outside Kazakhstan)
 */
public record FieldProblem(String field, String message, boolean warning) {

    static FieldProblem error(String field, String message) {
        return new FieldProblem(field, message, false);
    }

    static FieldProblem warning(String field, String message) {
        return new FieldProblem(field, message, true);
    }

    @Override
    public String toString() {
        return "field '" + field + "': " + message;
    }
}
