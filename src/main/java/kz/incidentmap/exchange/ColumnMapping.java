package kz.incidentmap.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which column of another program's CSV holds which of our fields (the column names of our own CSV,
 * {@code title}, {@code date}, {@code lon}, ...), as given with {@code --columns title=event_name,date=day}
 * or chosen in the import dialog. Columns not named are read past. Immutable.
 */
public final class ColumnMapping {

    /** Fields a mapping must give: without them no record can be made (the source defaults to the file). */
    public static final List<String> REQUIRED = List.of("title", "type", "date", "lon", "lat");

    private final Map<String, String> columnOf;

    private ColumnMapping(Map<String, String> columnOf) {
        this.columnOf = Map.copyOf(columnOf);
    }

    /** Every field a column can be mapped to, in the order of our CSV. */
    public static List<String> fields() {
        return IncidentCsv.COLUMNS;
    }

    /**
     * A mapping of field → column.
     *
     * @throws IllegalArgumentException a field we do not have, or a blank column, named with the known fields
     */
    public static ColumnMapping of(Map<String, String> columnOf) {
        Map<String, String> checked = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : columnOf.entrySet()) {
            String field = e.getKey().trim().toLowerCase(Locale.ROOT);
            if (!fields().contains(field)) {
                throw new IllegalArgumentException("unknown field '" + e.getKey().trim() + "' (fields: "
                        + String.join(", ", fields()) + ")");
            }
            if (e.getValue() == null || e.getValue().isBlank()) {
                throw new IllegalArgumentException("field '" + field + "' has no column name");
            }
            checked.put(field, e.getValue().trim());
        }
        return new ColumnMapping(checked);
    }

    /**
     * Reads {@code field=column,field=column}.
     *
     * @throws IllegalArgumentException an entry without '=', a field given twice or unknown
     */
    public static ColumnMapping parse(String spec) {
        Map<String, String> columnOf = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + entry.trim() + "' is not FIELD=COLUMN (e.g. date=event_date)");
            }
            String field = entry.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (columnOf.put(field, entry.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("field '" + field + "' is given twice");
            }
        }
        if (columnOf.isEmpty()) {
            throw new IllegalArgumentException("no FIELD=COLUMN pairs given");
        }
        return of(columnOf);
    }

    /** The column named for {@code field}, or null. */
    public String column(String field) {
        return columnOf.get(field);
    }

    /** Field → column, in the order of {@link #fields()}. */
    public Map<String, String> columns() {
        Map<String, String> ordered = new LinkedHashMap<>();
        fields().stream().filter(columnOf::containsKey).forEach(f -> ordered.put(f, columnOf.get(f)));
        return ordered;
    }

    /** As {@code --columns} takes it: {@code title=event_name,date=day}. */
    public String spec() {
        return columns().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /** The required fields this mapping does not give. */
    public List<String> missingFields() {
        List<String> missing = new ArrayList<>();
        REQUIRED.stream().filter(f -> !columnOf.containsKey(f)).forEach(missing::add);
        return missing;
    }

    /**
     * A short key of a header (its column names, in order), to remember the mapping chosen for files that
     * have it: the first 16 hex digits of its SHA-256.
     */
    public static String headerKey(List<String> header) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(header.stream().map(String::trim)
                    .collect(Collectors.joining("\u0000")).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnMapping m && m.columnOf.equals(columnOf);
    }

    @Override
    public int hashCode() {
        return columnOf.hashCode();
    }

    @Override
    public String toString() {
        return spec();
    }
}
