package kz.incidentmap.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentEvent;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.PlausibleValues;
import kz.incidentmap.model.Source;
import kz.incidentmap.model.Vocabulary;

/**
 * Turns the JSON tree of a seed file into {@link SeedData}, checking every field on the way. It does
 * not stop at the first problem: it collects them all, each naming the file, the record (index and id
 * or key) and the field, so that one run shows everything to fix.
 */
final class SeedParser {

    static final List<String> SOURCE_FIELDS = List.of("key", "title", "publisher", "url", "published", "language");
    static final List<String> INCIDENT_FIELDS = List.of("id", "title", "type", "date", "date_precision", "place",
            "oblast", "lon", "lat", "location_precision", "perpetrator", "claimed_by", "description", "event_group",
            "sub_type", "time", "tags", "sources", "claims");
    static final List<String> CLAIM_FIELDS = List.of("source", "killed", "wounded", "date", "note");

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Path file;
    private final LocalDate today = PlausibleValues.latestToday();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private String where = "";

    SeedParser(Path file) {
        this.file = file;
    }

    /** The data, or null when problems were found (see {@link #problems()}). */
    SeedData parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            problems.add(file + ": expected a JSON object with \"sources\" and \"incidents\"");
            return null;
        }
        where = "top level";
        unknownFields(root, List.of("sources", "incidents", "events"));
        JsonNode sourceArray = array(root, "sources");
        JsonNode incidentArray = array(root, "incidents");
        for (int i = 0; sourceArray != null && i < sourceArray.size(); i++) {
            parseSource(i, sourceArray.get(i));
        }
        List<Incident> incidents = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; incidentArray != null && i < incidentArray.size(); i++) {
            Incident incident = parseIncident(i, incidentArray.get(i), ids);
            if (incident != null) {
                incidents.add(incident);
            }
        }
        List<IncidentEvent> events = root.has("events") ? new SeedEvents(this::eventProblem).parse(array(root, "events"), ids)
                : List.of();
        return problems.isEmpty() ? new SeedData(List.copyOf(sources.values()), incidents, events) : null;
    }

    List<String> problems() {
        return problems;
    }

    private void parseSource(int index, JsonNode node) {
        where = "sources[" + index + "]" + label(node, "key");
        if (!isObject(node)) {
            return;
        }
        int before = problems.size();
        unknownFields(node, SOURCE_FIELDS);
        String key = text(node, "key", true, "");
        String title = text(node, "title", true, "");
        String publisher = text(node, "publisher", false, "");
        String url = text(node, "url", false, "");
        LocalDate published = date(node, "published", false, "");
        String language = text(node, "language", false, "");
        if (key != null && sources.containsKey(key)) {
            problem("key", "duplicate source key '" + key + "'");
        }
        if (problems.size() == before) {
            sources.put(key, new Source(key, title, publisher, url, published, language));
        }
    }

    private Incident parseIncident(int index, JsonNode node, Set<String> ids) {
        where = "incidents[" + index + "]" + label(node, "id");
        if (!isObject(node)) {
            return null;
        }
        int before = problems.size();
        unknownFields(node, INCIDENT_FIELDS);
        String id = text(node, "id", true, "");
        if (id != null && !UUID_TEXT.matcher(id).matches()) {
            problem("id", "'" + id + "' is not a UUID (expected 8-4-4-4-12 hexadecimal digits)");
        } else if (id != null && !ids.add(id.toLowerCase(Locale.ROOT))) {
            problem("id", "duplicate incident id '" + id + "'");
        }
        String title = text(node, "title", true, "");
        IncidentType type = code(node, "type", IncidentType::fromCode);
        LocalDate date = date(node, "date", true, "");
        DatePrecision datePrecision = code(node, "date_precision", DatePrecision::fromCode);
        checkPrecision(date, datePrecision);
        Double lon = coordinate(node, "lon", 180);
        Double lat = coordinate(node, "lat", 90);
        LocationPrecision locationPrecision = code(node, "location_precision", LocationPrecision::fromCode);
        IncidentSubType subType = subType(node, type);
        LocalTime time = time(node);
        List<String> tags = tags(node);
        List<Source> cited = citedSources(node);
        List<Claim> claims = claims(node, cited);
        if (problems.size() != before) {
            return null;
        }
        return new Incident(id, title, type, date, datePrecision, text(node, "place", false, ""),
                text(node, "oblast", false, ""), lon, lat, locationPrecision, text(node, "perpetrator", false, ""),
                text(node, "claimed_by", false, ""), text(node, "description", false, ""),
                text(node, "event_group", false, ""), cited, claims, subType, time, tags, null, null);
    }

    /** Optional; without it the type's default sub-type. */
    private IncidentSubType subType(JsonNode node, IncidentType type) {
        if (type == null) {
            return null;
        }
        String s = text(node, "sub_type", false, "");
        if (s == null) {
            return IncidentSubType.defaultFor(type);
        }
        try {
            IncidentSubType sub = Vocabulary.builtIn().require(s);
            if (sub.type() != type) {
                problem("sub_type", "'" + s + "' is a sub-type of '" + sub.type().code() + "', not of '" + type.code() + "'");
                return null;
            }
            return sub;
        } catch (IllegalArgumentException e) {
            problem("sub_type", e.getMessage());
            return null;
        }
    }

    private LocalTime time(JsonNode node) {
        String s = text(node, "time", false, "");
        try {
            return s == null ? null : LocalTime.parse(s);
        } catch (DateTimeParseException e) {
            problem("time", "'" + s + "' is not a time of day (expected HH:mm)");
            return null;
        }
    }

    private List<String> tags(JsonNode node) {
        List<String> tags = new ArrayList<>();
        JsonNode v = node.get("tags");
        if (v == null || v.isNull()) {
            return tags;
        }
        if (!v.isArray()) {
            problem("tags", "expected an array of strings, found " + kind(v));
            return tags;
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual() || v.get(i).asText().isBlank() || v.get(i).asText().contains(";")) {
                problem("tags[" + i + "]", "expected a non-empty string without ';', found " + kind(v.get(i)));
            } else {
                tags.add(v.get(i).asText().strip());
            }
        }
        return tags;
    }

    private void checkPrecision(LocalDate date, DatePrecision precision) {
        if (date == null || precision == null) {
            return;
        }
        if (precision == DatePrecision.MONTH && date.getDayOfMonth() != 1) {
            problem("date", date + " is not the first day of a month, as date_precision 'month' requires");
        } else if (precision == DatePrecision.YEAR && date.getDayOfYear() != 1) {
            problem("date", date + " is not 1 January, as date_precision 'year' requires");
        }
    }

    private List<Source> citedSources(JsonNode node) {
        JsonNode keys = array(node, "sources");
        List<Source> cited = new ArrayList<>();
        if (keys == null) {
            return cited;
        }
        if (keys.isEmpty()) {
            problem("sources", "an incident needs at least one source");
        }
        for (int i = 0; i < keys.size(); i++) {
            String field = "sources[" + i + "]";
            JsonNode k = keys.get(i);
            if (!k.isTextual()) {
                problem(field, "expected a source key (string), found " + kind(k));
            } else if (!sources.containsKey(k.asText())) {
                problem(field, "unknown source key '" + k.asText() + "'");
            } else if (cited.contains(sources.get(k.asText()))) {
                problem(field, "source '" + k.asText() + "' is listed twice");
            } else {
                cited.add(sources.get(k.asText()));
            }
        }
        return cited;
    }

    private List<Claim> claims(JsonNode node, List<Source> cited) {
        JsonNode array = array(node, "claims");
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            String prefix = "claims[" + i + "].";
            JsonNode c = array.get(i);
            if (!c.isObject()) {
                problem("claims[" + i + "]", "expected an object, found " + kind(c));
                continue;
            }
            int before = problems.size();
            c.fieldNames().forEachRemaining(name -> {
                if (!CLAIM_FIELDS.contains(name)) {
                    problem(prefix + name, "unknown field");
                }
            });
            String key = text(c, "source", true, prefix);
            if (key != null && !sources.containsKey(key)) {
                problem(prefix + "source", "unknown source key '" + key + "'");
            } else if (key != null && cited.stream().noneMatch(s -> s.key().equals(key))) {
                problem(prefix + "source", "source '" + key + "' is not among the incident's sources");
            }
            Integer killed = count(c, "killed", prefix);
            Integer wounded = count(c, "wounded", prefix);
            LocalDate date = date(c, "date", false, prefix);
            String note = text(c, "note", false, prefix);
            if (problems.size() == before) {
                claims.add(new Claim(key, killed, wounded, date, note));
            }
        }
        return claims;
    }

    // Field readers: each reports its own problems and returns null when the value is unusable.

    private String text(JsonNode node, String field, boolean required, String prefix) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problem(prefix + field, v == null ? "missing" : "is null");
            }
            return null;
        }
        if (!v.isTextual()) {
            problem(prefix + field, "expected a string, found " + kind(v));
            return null;
        }
        if (required && v.asText().isBlank()) {
            problem(prefix + field, "is empty");
            return null;
        }
        return v.asText();
    }

    private LocalDate date(JsonNode node, String field, boolean required, String prefix) {
        String s = text(node, field, required, prefix);
        if (s == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problem(prefix + field, "'" + s + "' is not a valid date (expected yyyy-MM-dd)");
            return null;
        }
        String outside = PlausibleValues.dateProblem(date, today);
        if (outside != null) {
            problem(prefix + field, outside);
            return null;
        }
        return date;
    }

    private <T> T code(JsonNode node, String field, Function<String, T> fromCode) {
        String s = text(node, field, true, "");
        if (s == null) {
            return null;
        }
        try {
            return fromCode.apply(s);
        } catch (IllegalArgumentException e) {
            problem(field, e.getMessage());
            return null;
        }
    }

    private Double coordinate(JsonNode node, String field, double limit) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            problem(field, v == null ? "missing" : "is null");
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            problem(field, "expected a number, found " + kind(v));
            return null;
        }
        double d = v.asDouble();
        if (d < -limit || d > limit) {
            problem(field, v.asText() + " is outside " + (int) -limit + ".." + (int) limit);
            return null;
        }
        return d;
    }

    private Integer count(JsonNode node, String field, String prefix) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            problem(prefix + field, "expected a whole number or null, found " + kind(v));
            return null;
        }
        String outside = v.canConvertToLong() ? PlausibleValues.countProblem(v.asLong())
                : v.asText() + " is far outside 0.." + PlausibleValues.MAX_COUNT;
        if (outside != null) {
            problem(prefix + field, outside);
            return null;
        }
        return v.asInt();
    }

    private JsonNode array(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) {
            problem(field, v == null ? "missing (expected an array)" : "expected an array, found " + kind(v));
            return null;
        }
        return v;
    }

    private boolean isObject(JsonNode node) {
        if (!node.isObject()) {
            problems.add(file + ": " + where + ": expected an object, found " + kind(node));
            return false;
        }
        return true;
    }

    private void unknownFields(JsonNode node, List<String> known) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problem(name, "unknown field (known: " + String.join(", ", known) + ")");
            }
        });
    }

    private void eventProblem(String where, String field, String what) {
        problems.add(file + ": " + where + ": field '" + field + "': " + what);
    }

    private void problem(String field, String what) {
        problems.add(file + ": " + where + ": field '" + field + "': " + what);
    }

    private static String label(JsonNode node, String idField) {
        JsonNode id = node.isObject() ? node.get(idField) : null;
        return id != null && id.isTextual() ? " (" + idField + " " + id.asText() + ")" : "";
    }

    private static String kind(JsonNode v) {
        if (v.isTextual()) {
            return "string \"" + v.asText() + "\"";
        }
        return v.isNull() ? "null" : v.getNodeType().name().toLowerCase(Locale.ROOT) + " " + v;
    }
}
