package kz.incidentmap.store;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.EventMember;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentEvent;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.Source;

/**
 * Reads and writes the curated incident file ({@code data/incidents.json}):
 * {@code {"sources": [...], "incidents": [...], "events": [...]}} (events optional) with snake_case keys in a fixed order, pretty-printed
 * with two-space indents so that diffs stay small and reviewable. Reading validates everything (see
 * {@link SeedParser}); writing what was read gives back the same text.
 */
public final class SeedFile {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private SeedFile() {
    }

    /** Reads and validates a seed file; every problem names the file, the record and the field. */
    public static SeedData read(Path json) throws StoreException {
        JsonNode root;
        try {
            byte[] bytes = Files.readAllBytes(json);
            if (bytes.length == 0) {
                throw StoreException.of(json, "empty file (expected a JSON object)");
            }
            root = MAPPER.readTree(bytes);
        } catch (NoSuchFileException e) {
            throw StoreException.of(json, "no such file");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String position = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new StoreException(json + ": not valid JSON" + position + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw StoreException.of(json, "cannot read", e);
        }
        SeedParser parser = new SeedParser(json);
        SeedData data = parser.parse(root);
        if (data == null) {
            throw new StoreException(parser.problems());
        }
        return data;
    }

    /** Writes {@code data} in the seed file format (UTF-8, LF line ends, trailing newline). */
    public static void write(Path json, SeedData data) throws StoreException {
        try {
            Files.writeString(json, toJson(data), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw StoreException.of(json, "cannot write", e);
        }
    }

    /** The text {@link #write} writes. */
    public static String toJson(SeedData data) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ArrayNode sources = root.putArray("sources");
        for (Source s : data.sources()) {
            ObjectNode o = sources.addObject();
            o.put("key", s.key());
            o.put("title", s.title());
            o.put("publisher", s.publisher());
            o.put("url", s.url());
            o.put("published", iso(s.published()));
            o.put("language", s.language());
        }
        ArrayNode incidents = root.putArray("incidents");
        for (Incident i : data.incidents()) {
            ObjectNode o = incidents.addObject();
            o.put("id", i.id());
            o.put("title", i.title());
            o.put("type", i.type().code());
            o.put("date", iso(i.date()));
            o.put("date_precision", i.datePrecision() == null ? null : i.datePrecision().code());
            o.put("place", i.place());
            o.put("oblast", i.oblast());
            o.put("lon", i.lon());
            o.put("lat", i.lat());
            o.put("location_precision", i.locationPrecision() == null ? null : i.locationPrecision().code());
            o.put("perpetrator", i.perpetrator());
            o.put("claimed_by", i.claimedBy());
            o.put("description", i.description());
            o.put("event_group", i.eventGroup());
            // Optional fields are written only when they say more than their default, so older files stay as they are.
            if (i.subType() != null && i.subType() != IncidentSubType.defaultFor(i.type())) {
                o.put("sub_type", i.subType().code());
            }
            if (i.time() != null) {
                o.put("time", i.time().toString());
            }
            if (!i.tags().isEmpty()) {
                i.tags().forEach(o.withArray("tags")::add);
            }
            ArrayNode keys = o.putArray("sources");
            i.sources().forEach(s -> keys.add(s.key()));
            ArrayNode claims = o.putArray("claims");
            for (Claim c : i.claims()) {
                ObjectNode co = claims.addObject();
                co.put("source", c.sourceKey());
                co.put("killed", c.killed());
                co.put("wounded", c.wounded());
                co.put("date", iso(c.date()));
                co.put("note", c.note());
            }
        }
        if (!data.events().isEmpty()) {
            ArrayNode events = root.putArray("events");
            for (IncidentEvent e : data.events()) {
                ObjectNode o = events.addObject();
                o.put("id", e.id());
                o.put("title", e.title());
                o.put("kind", e.kind().code());
                o.put("parent", e.parentId());
                o.put("start", iso(e.start()));
                o.put("end", iso(e.end()));
                ArrayNode members = o.putArray("members");
                for (EventMember m : e.members()) {
                    ObjectNode mo = members.addObject();
                    mo.put("incident", m.incidentId());
                    mo.put("time", m.time() == null ? null : m.timeText());
                }
            }
        }
        try {
            return MAPPER.writer(printer()).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise seed data", e);
        }
    }

    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayEmptySeparator("")
                .withObjectEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
