package kz.incidentmap.sync;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;

/**
 * The parts of an incident a conflict is shown and resolved by, each taken whole from one side. Parts
 * that only make sense together go together: a type with its sub-type, a place with its position, the
 * sources with the claims that cite them.
 */
public enum ConflictField {
    TITLE("Title", i -> i.title()),
    TYPE("Type", i -> i.type().code() + (i.subType() == null ? "" : " / " + i.subType().code())),
    DATE("Date", i -> text(i.date()) + (i.datePrecision() == null ? "" : " (" + i.datePrecision().code() + ")")
            + (i.time() == null ? "" : " " + i.time())),
    PLACE("Place", i -> text(i.place()) + ", " + text(i.oblast()) + " at "
            + (Double.isFinite(i.lat()) ? String.format(java.util.Locale.ROOT, "%.5f, %.5f", i.lat(), i.lon()) : "no position")
            + (i.locationPrecision() == null ? "" : " (" + i.locationPrecision().code() + ")")),
    PERPETRATOR("Perpetrator", i -> text(i.perpetrator()) + (i.claimedBy() == null ? "" : "; claimed by " + i.claimedBy())),
    CASUALTIES("Sources and casualties", ConflictField::sourcesAndClaims),
    DESCRIPTION("Description", i -> text(i.description())),
    OTHER("Event group and tags", i -> text(i.eventGroup()) + "; " + String.join(", ", i.tags()));

    private final String label;
    private final Function<Incident, String> shown;

    ConflictField(String label, Function<Incident, String> shown) {
        this.label = label;
        this.shown = shown;
    }

    public String label() {
        return label;
    }

    /** The field's value in words; "(deleted)" for a side that deleted the incident. */
    public String shown(Incident incident) {
        return incident == null ? "(deleted)" : shown.apply(incident);
    }

    /** Whether the two sides differ in this field. */
    public boolean differs(Incident a, Incident b) {
        return !Objects.equals(shown(a), shown(b));
    }

    private static String text(Object value) {
        return value == null ? "—" : value.toString();
    }

    private static String sourcesAndClaims(Incident i) {
        String sources = i.sources().stream().map(Source::key).collect(Collectors.joining(", "));
        List<Claim> claims = i.claims();
        String said = claims.stream().map(c -> c.sourceKey() + ": " + text(c.killed()) + " killed, "
                + text(c.wounded()) + " wounded").collect(Collectors.joining("; "));
        return (sources.isEmpty() ? "no sources" : sources) + (said.isEmpty() ? "" : " — " + said);
    }
}
