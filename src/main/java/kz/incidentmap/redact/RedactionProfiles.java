package kz.incidentmap.redact;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kz.incidentmap.redact.RedactionProfile.DateDetail;
import kz.incidentmap.redact.RedactionProfile.Drop;
import kz.incidentmap.redact.RedactionProfile.Position;

/**
 * The profiles a user can choose: the built-in {@code city} and {@code grid25}, then those of the user's
 * file {@code $XDG_CONFIG_HOME/kz-incident-map/redaction-profiles.json} (by default under
 * {@code ~/.config}), a JSON array of profiles; or one profile read from a file of its own. A profile is
 * an object such as
 * {@code {"name": "grid5", "position": "grid", "grid_km": 5, "dates": "month", "drop": ["source_urls"]}}.
 * A bad file is refused with its name, the profile and the field.
 */
public final class RedactionProfiles {

    public static final String FILE_NAME = "redaction-profiles.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> FIELDS = Set.of("name", "position", "grid_km", "dates", "drop");

    private final Path userFile;

    /** The profiles of the user whose own are in {@code userFile} (which need not exist). */
    public RedactionProfiles(Path userFile) {
        this.userFile = userFile;
    }

    /** The user's profile file, under {@code XDG_CONFIG_HOME} when set, else {@code ~/.config}. */
    public static Path userFile(Map<String, String> env, Path userHome) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".config");
        return base.resolve("kz-incident-map").resolve(FILE_NAME);
    }

    /** The user file of the user running the app. */
    public static RedactionProfiles ofUser() {
        return new RedactionProfiles(userFile(System.getenv(), Path.of(System.getProperty("user.home"))));
    }

    /** The built-in profiles, then the user's. */
    public List<RedactionProfile> all() throws RedactionProfileException {
        List<RedactionProfile> out = new ArrayList<>(RedactionProfile.BUILT_IN);
        if (Files.isRegularFile(userFile)) {
            JsonNode root = read(userFile);
            if (!root.isArray()) {
                throw new RedactionProfileException(userFile + ": must be a JSON array of profiles, e.g. [{\"name\":"
                        + " \"grid5\", \"position\": \"grid\", \"grid_km\": 5, \"dates\": \"month\", \"drop\": []}]");
            }
            for (int k = 0; k < root.size(); k++) {
                RedactionProfile p = profile(userFile + ": profile " + (k + 1), root.get(k));
                if (out.stream().anyMatch(o -> o.name().equalsIgnoreCase(p.name()))) {
                    throw new RedactionProfileException(userFile + ": profile " + (k + 1) + ", field 'name': '" + p.name()
                            + "' is taken (by a built-in profile or an earlier one); choose another name");
                }
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The profile {@code nameOrFile} names: a profile's name, or a {@code .json} file holding one profile
     * object.
     */
    public RedactionProfile choose(String nameOrFile) throws RedactionProfileException {
        String given = nameOrFile.strip();
        if (given.toLowerCase(Locale.ROOT).endsWith(".json")) {
            Path file = Path.of(given);
            JsonNode root = read(file);
            return profile(file.toString(), root);
        }
        List<RedactionProfile> all = all();
        return all.stream().filter(p -> p.name().equalsIgnoreCase(given)).findFirst()
                .orElseThrow(() -> new RedactionProfileException("'" + given + "': no such redaction profile (there are "
                        + String.join(", ", all.stream().map(RedactionProfile::name).toList())
                        + "; or give a FILE.json holding one)"));
    }

    private static JsonNode read(Path file) throws RedactionProfileException {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new RedactionProfileException(file + ": no such file", e);
        } catch (JsonParseException e) {
            throw new RedactionProfileException(file + ":" + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr() + ": not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RedactionProfileException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** One profile object; {@code where} names the file (and the profile's place in it) for messages. */
    static RedactionProfile profile(String where, JsonNode node) throws RedactionProfileException {
        if (node == null || !node.isObject()) {
            throw new RedactionProfileException(where + ": must be an object with name, position, dates and drop");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String f = names.next();
            if (!FIELDS.contains(f)) {
                throw new RedactionProfileException(where + ", field '" + f + "': unknown field (known: name, position,"
                        + " grid_km, dates, drop)");
            }
        }
        String name = text(where, node, "name");
        if (!name.matches("[\\p{L}\\d_-]{1,40}")) {
            throw new RedactionProfileException(where + ", field 'name': '" + name
                    + "' must be 1 to 40 letters, digits, '-' or '_'");
        }
        String at = where + " ('" + name + "')";
        Position position = switch (text(at, node, "position").toLowerCase(Locale.ROOT)) {
            case "none", "keep" -> Position.KEEP;
            case "grid" -> Position.GRID;
            case "city" -> Position.CITY;
            default -> throw new RedactionProfileException(at + ", field 'position': '" + node.get("position").asText()
                    + "' must be none, grid or city");
        };
        int km = 0;
        if (position == Position.GRID) {
            JsonNode k = node.get("grid_km");
            if (k == null || !k.canConvertToInt() || !k.isIntegralNumber() || k.asInt() < 1 || k.asInt() > 500) {
                throw new RedactionProfileException(at + ", field 'grid_km': " + (k == null ? "missing" : "'" + k + "'")
                        + "; a grid profile needs the cell size, a whole number of kilometres from 1 to 500");
            }
            km = k.asInt();
        } else if (node.has("grid_km")) {
            throw new RedactionProfileException(at + ", field 'grid_km': only a profile with position grid has a cell size");
        }
        DateDetail dates = switch (text(at, node, "dates").toLowerCase(Locale.ROOT)) {
            case "day" -> DateDetail.DAY;
            case "month" -> DateDetail.MONTH;
            default -> throw new RedactionProfileException(at + ", field 'dates': '" + node.get("dates").asText()
                    + "' must be day or month");
        };
        Set<Drop> drops = EnumSet.noneOf(Drop.class);
        JsonNode list = node.get("drop");
        if (list != null && !list.isArray()) {
            throw new RedactionProfileException(at + ", field 'drop': must be an array such as [\"source_urls\"]");
        }
        if (list != null) {
            for (JsonNode d : list) {
                drops.add(drop(at, d.asText()));
            }
        }
        return new RedactionProfile(name, position, km, dates, drops);
    }

    private static Drop drop(String at, String key) throws RedactionProfileException {
        for (Drop d : Drop.values()) {
            if (d.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new RedactionProfileException(at + ", field 'drop': '" + key + "' is not one of "
                + String.join(", ", java.util.Arrays.stream(Drop.values()).map(Drop::key).toList()));
    }

    private static String text(String at, JsonNode node, String field) throws RedactionProfileException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new RedactionProfileException(at + ", field '" + field + "': " + (v == null ? "missing" : "must be text"));
        }
        return v.asText().strip();
    }
}
