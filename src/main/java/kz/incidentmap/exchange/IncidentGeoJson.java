package kz.incidentmap.exchange;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.incidentmap.edit.FieldProblem;
import kz.incidentmap.edit.IncidentDraft;
import kz.incidentmap.edit.IncidentValidator;
import kz.incidentmap.edit.SourceDraft;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;

/**
 * GeoJSON (RFC 7946): a FeatureCollection with one Point feature per incident, the feature id its UUID,
 * the record's fields as properties with {@code sources} and {@code claims} as arrays of objects (the
 * seed file's layout). {@code killed} and {@code wounded} give the range over the sources for tools that
 * only show flat properties; they are not read back. Problems name the line where the feature starts.
 */
final class IncidentGeoJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern SOURCE_FIELD = Pattern.compile("sources\\[(\\d+)]\\.(\\w+)");

    private IncidentGeoJson() {
    }

    /** Writes the incidents, with a top-level {@code redaction} member unless {@code note} is empty. */
    static int write(Collection<Incident> incidents, OutputStream out, Progress progress, String note)
            throws IOException, CancelledException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            if (!note.isEmpty()) {
                g.writeStringField("redaction", note);
            }
            g.writeArrayFieldStart("features");
            int n = 0;
            for (Incident i : incidents) {
                if (progress.isCancelled()) {
                    throw new CancelledException("export cancelled");
                }
                feature(g, i);
                progress.report(++n, incidents.size());
            }
            g.writeEndArray();
            g.writeEndObject();
            return n;
        }
    }

    private static void feature(JsonGenerator g, Incident i) throws IOException {
        IncidentDraft d = IncidentDraft.of(i);
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", i.id());
        g.writeObjectFieldStart("geometry");
        g.writeStringField("type", "Point");
        g.writeArrayFieldStart("coordinates");
        g.writeNumber(i.lon());
        g.writeNumber(i.lat());
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("id", i.id());
        g.writeStringField("title", i.title());
        g.writeStringField("type", d.type());
        text(g, "sub_type", d.subType());
        text(g, "date", d.date());
        text(g, "date_precision", d.datePrecision());
        text(g, "time", d.time());
        g.writeStringField("place", i.place());
        g.writeStringField("oblast", i.oblast());
        text(g, "location_precision", d.locationPrecision());
        g.writeStringField("killed", i.killedRange());
        g.writeStringField("wounded", i.woundedRange());
        g.writeStringField("perpetrator", i.perpetrator());
        g.writeStringField("claimed_by", i.claimedBy());
        g.writeStringField("description", i.description());
        g.writeStringField("event_group", i.eventGroup());
        g.writeArrayFieldStart("tags");
        for (String t : i.tags()) {
            g.writeString(t);
        }
        g.writeEndArray();
        text(g, "created", d.created());
        text(g, "updated", d.updated());
        g.writeArrayFieldStart("sources");
        for (Source s : i.sources()) {
            g.writeStartObject();
            g.writeStringField("key", s.key());
            g.writeStringField("title", s.title());
            g.writeStringField("publisher", s.publisher());
            g.writeStringField("url", s.url());
            g.writeStringField("published", s.published() == null ? null : s.published().toString());
            g.writeStringField("language", s.language());
            g.writeStringField("reliability", s.reliability() == null ? null : s.reliability().code());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("claims");
        for (Claim c : i.claims()) {
            g.writeStartObject();
            g.writeStringField("source", c.sourceKey());
            number(g, "killed", c.killed());
            number(g, "wounded", c.wounded());
            g.writeStringField("date", c.date() == null ? null : c.date().toString());
            g.writeStringField("note", c.note());
            number(g, "credibility", c.credibility() == null ? null : c.credibility().code());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, String name, String value) throws IOException {
        g.writeStringField(name, value == null || value.isEmpty() ? null : value);
    }

    private static void number(JsonGenerator g, String name, Integer value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    static ParsedRecords read(Path file, String text, IncidentValidator validator, LocalDate today, Progress progress)
            throws ImportException, CancelledException {
        ParsedRecords parsed = new ParsedRecords();
        try (JsonParser p = MAPPER.createParser(text)) {
            try {
                collection(file, p, text.length(), validator, today, progress, parsed);
            } catch (StreamConstraintsException e) {
                throw refusal(file, p, JsonLimits.describe(e, p.streamReadConstraints()));
            }
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new ImportException(new ImportProblem(file + at, null, "not valid JSON: " + JsonLimits.plain(e)));
        } catch (IOException e) {
            throw new ImportException(new ImportProblem(file.toString(), null, "cannot read: " + e.getMessage()));
        }
        return parsed;
    }

    /** Reads the FeatureCollection {@code p} is at the start of. */
    private static void collection(Path file, JsonParser p, int length, IncidentValidator validator, LocalDate today,
            Progress progress, ParsedRecords parsed) throws IOException, ImportException, CancelledException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw refusal(file, p, "expected a GeoJSON FeatureCollection object");
        }
        boolean sawFeatures = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if ("features".equals(name)) {
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    throw refusal(file, p, "\"features\" must be an array");
                }
                sawFeatures = true;
                int index = 0;
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    if (progress.isCancelled()) {
                        throw new CancelledException("import cancelled");
                    }
                    int line = p.currentLocation().getLineNr();
                    String where = file + ":" + line + " (feature " + index + ")";
                    JsonNode feature;
                    try {
                        feature = MAPPER.readTree(p);
                    } catch (StreamConstraintsException e) {
                        throw new ImportException(new ImportProblem(where, null, JsonLimits.describe(e,
                                p.streamReadConstraints()) + " at line " + p.currentLocation().getLineNr()));
                    }
                    feature(where, feature, validator, today, parsed);
                    index++;
                    progress.report(p.currentLocation().getCharOffset(), length);
                }
                if (p.currentToken() != JsonToken.END_ARRAY) {
                    throw refusal(file, p, "every element of \"features\" must be a Feature object");
                }
            } else {
                p.skipChildren();
            }
        }
        if (!sawFeatures) {
            throw new ImportException(new ImportProblem(file.toString(), "features",
                    "not a GeoJSON FeatureCollection (no \"features\" array)"));
        }
    }

    private static ImportException refusal(Path file, JsonParser p, String reason) {
        return new ImportException(new ImportProblem(file + ":" + p.currentLocation().getLineNr(), null, reason));
    }

    private static void feature(String where, JsonNode f, IncidentValidator validator, LocalDate today,
            ParsedRecords parsed) {
        JsonNode geometry = f.path("geometry");
        JsonNode coords = geometry.path("coordinates");
        if (!"Point".equals(geometry.path("type").asText()) || !coords.isArray() || coords.size() < 2) {
            parsed.records++;
            parsed.errors.add(new ImportProblem(where, "geometry", "expected a Point with [longitude, latitude]"));
            return;
        }
        JsonNode props = f.path("properties");
        List<SourceDraft> rows = new ArrayList<>();
        JsonNode claims = props.path("claims");
        for (JsonNode s : props.path("sources")) {
            String key = str(s, "key");
            boolean any = false;
            for (JsonNode c : claims) {
                if (key.equals(str(c, "source"))) {
                    rows.add(row(s, c));
                    any = true;
                }
            }
            if (!any) {
                rows.add(row(s, null));
            }
        }
        for (int n = 0; n < claims.size(); n++) {
            String key = str(claims.get(n), "source");
            boolean known = false;
            for (JsonNode s : props.path("sources")) {
                known |= key.equals(str(s, "key"));
            }
            if (!known) {
                parsed.records++;
                parsed.errors.add(new ImportProblem(where, "claims[" + n + "].source",
                        "source '" + key + "' is not among the incident's sources"));
                return;
            }
        }
        List<String> tags = new ArrayList<>();
        props.path("tags").forEach(t -> tags.add(t.asText()));
        IncidentDraft d = new IncidentDraft(props.hasNonNull("id") ? str(props, "id") : f.path("id").asText(""),
                str(props, "title"), str(props, "type"), str(props, "sub_type"), str(props, "date"),
                str(props, "date_precision"), str(props, "time"), str(props, "place"), str(props, "oblast"),
                coords.get(0).asText(), coords.get(1).asText(), str(props, "location_precision"),
                str(props, "perpetrator"), str(props, "claimed_by"), str(props, "description"),
                str(props, "event_group"), String.join("; ", tags), str(props, "created"), str(props, "updated"), rows);
        parsed.add(validator, d, where, p -> locate(where, p), today);
    }

    private static SourceDraft row(JsonNode s, JsonNode c) {
        return new SourceDraft(str(s, "key"), str(s, "title"), str(s, "publisher"), str(s, "url"), str(s, "published"),
                str(s, "language"), c == null ? "" : str(c, "killed"), c == null ? "" : str(c, "wounded"),
                c == null ? "" : str(c, "date"), c == null ? "" : str(c, "note"), str(s, "reliability"),
                c == null ? "" : str(c, "credibility"));
    }

    private static ImportProblem locate(String where, FieldProblem p) {
        Matcher m = SOURCE_FIELD.matcher(p.field());
        String field = p.field();
        if (m.matches() && List.of("killed", "wounded", "date", "note", "credibility").contains(m.group(2))) {
            field = "claims (source row " + m.group(1) + ")." + m.group(2);
        }
        return new ImportProblem(where, field, p.message());
    }

    private static String str(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
