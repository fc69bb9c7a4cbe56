package kz.incidentmap.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.LongStream;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Credibility;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.PlausibleValues;
import kz.incidentmap.model.Reliability;
import kz.incidentmap.model.Source;
import kz.incidentmap.model.Tags;
import kz.incidentmap.model.Vocabulary;
import org.locationtech.jts.geom.Point;

/**
 * Reads incidents from a store's tables into model objects, each with its sources and claims in the
 * order they were written. A row the model cannot represent (an unknown type code, a broken geometry,
 * a malformed date, a count that is text or a fraction — possible after editing the file in another
 * program), or whose date or count lies outside the plausible ranges of {@link PlausibleValues}, is a
 * {@link StoreException} naming the file, the row and the field: never a value quietly made up. Points
 * in another coordinate system than WGS 84 (a GeoPackage written elsewhere) are turned into longitude
 * and latitude (see {@link LonLatTransforms}).
 */
final class IncidentReader {

    private static final String COLUMNS = "i.fid, i.geom, i.uuid, i.title, i.type, i.date, i.date_precision,"
            + " i.place, i.oblast, i.location_precision, i.perpetrator, i.claimed_by, i.description, i.event_group,"
            + " i.created, i.updated";
    /** Columns of schema version 2; a version-1 file opened read-only has none of them. */
    private static final String V2_COLUMNS = ", i.sub_type, i.time, i.tags";
    /** Above this many incidents the link tables are scanned whole rather than looked up in chunks. */
    static final int SCAN_LIMIT = 2_000;
    private static final int CHUNK = 500;

    private final Path file;
    private final Connection c;
    private final LonLatTransforms lonLat;
    /** The latest date a record may hold, taken anew at each read: the app may run past midnight. */
    private LocalDate today;
    private Boolean hasV2Columns;
    private Boolean hasGrades;

    private final Vocabulary vocabulary;

    IncidentReader(Path file, Connection c, Vocabulary vocabulary) {
        this.file = file;
        this.c = c;
        this.vocabulary = vocabulary;
        this.lonLat = new LonLatTransforms(file, c);
    }

    /**
     * Incidents matching {@code condition} (fixed SQL text using the alias {@code i} and {@code ?}
     * placeholders, or empty for all), ordered by date, title and id.
     */
    List<Incident> query(String condition, Object... params) throws SQLException, StoreException {
        today = PlausibleValues.latestToday();
        return withLinks(bare(condition, null, params));
    }

    /**
     * The incidents with these row ids, by row id; ids with no row are left out. Read in chunks, so a
     * page of a cluster's members costs a few indexed lookups.
     */
    Map<Long, Incident> byRowIds(long[] fids) throws SQLException, StoreException {
        today = PlausibleValues.latestToday();
        List<Long> rowIds = new ArrayList<>();
        List<Incident> bare = new ArrayList<>();
        for (int from = 0; from < fids.length; from += CHUNK) {
            int to = Math.min(fids.length, from + CHUNK);
            Object[] chunk = new Object[to - from];
            for (int k = from; k < to; k++) {
                chunk[k - from] = fids[k];
            }
            bare.addAll(bare("i.fid IN (" + String.join(", ", Collections.nCopies(chunk.length, "?")) + ")", rowIds, chunk));
        }
        List<Incident> linked = withLinks(bare);
        Map<Long, Incident> byRow = new HashMap<>();
        for (int k = 0; k < linked.size(); k++) {
            byRow.put(rowIds.get(k), linked.get(k));
        }
        return byRow;
    }

    /** Rows without their sources and claims; their row ids go to {@code rowIds} when it is given. */
    private List<Incident> bare(String condition, List<Long> rowIds, Object... params) throws SQLException, StoreException {
        String sql = "SELECT " + COLUMNS + (hasV2Columns() ? V2_COLUMNS : "") + " FROM incidents i"
                + (condition.isEmpty() ? "" : " WHERE " + condition)
                + " ORDER BY i.date, i.title, i.uuid";
        List<Incident> bare = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int n = 0; n < params.length; n++) {
                ps.setObject(n + 1, params[n]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bare.add(row(rs));
                    if (rowIds != null) {
                        rowIds.add(rs.getLong("fid"));
                    }
                }
            }
        }
        return bare;
    }

    private Incident row(ResultSet rs) throws SQLException, StoreException {
        long fid = rs.getLong("fid");
        String uuid = rs.getString("uuid");
        String where = "incidents row fid " + fid + (uuid == null ? "" : " (uuid " + uuid + ")");
        Point point = point(where, rs.getBytes("geom"));
        double lon = point == null ? Double.NaN : point.getX();
        double lat = point == null ? Double.NaN : point.getY();
        if (uuid == null) {
            throw StoreException.of(file, where + ": field 'uuid': is null");
        }
        IncidentType type = code(where, "type", rs.getString("type"), IncidentType::fromCode);
        IncidentSubType subType = hasV2Columns
                ? code(where, "sub_type", rs.getString("sub_type"), vocabulary::require) : null;
        if (subType != null && subType.type() != type) {
            throw StoreException.of(file, where + ": field 'sub_type': '" + subType.code()
                    + "' is not a sub-type of '" + type.code() + "'");
        }
        return new Incident(uuid, rs.getString("title"), type,
                date(where, "date", rs.getString("date")),
                code(where, "date_precision", rs.getString("date_precision"), DatePrecision::fromCode),
                rs.getString("place"), rs.getString("oblast"), lon, lat,
                code(where, "location_precision", rs.getString("location_precision"), LocationPrecision::fromCode),
                rs.getString("perpetrator"), rs.getString("claimed_by"), rs.getString("description"),
                rs.getString("event_group"), List.of(), List.of(), subType,
                hasV2Columns ? time(where, rs.getString("time")) : null,
                hasV2Columns ? Tags.split(rs.getString("tags")) : List.of(),
                instant(where, "created", rs.getString("created")), instant(where, "updated", rs.getString("updated")));
    }

    /** The point of a geom blob in longitude and latitude; null for none. */
    private Point point(String where, byte[] geom) throws StoreException {
        Point p;
        try {
            p = geom == null ? null : GeoPackageGeometry.decodePoint(geom);
        } catch (IllegalArgumentException e) {
            throw StoreException.of(file, where + ": field 'geom': " + e.getMessage());
        }
        return p == null ? null : lonLat.toLonLat(p, where);
    }

    /**
     * The row ids of the incidents whose position passes {@code where}, in the order {@link #query}
     * gives. With {@link IncidentScan.Where#ANYWHERE} no geometry is read.
     */
    long[] rowIds(IncidentScan.Where where) throws SQLException, StoreException {
        boolean anywhere = where == IncidentScan.Where.ANYWHERE;
        String sql = "SELECT i.fid" + (anywhere ? "" : ", i.geom") + " FROM incidents i ORDER BY i.date, i.title, i.uuid";
        LongStream.Builder ids = LongStream.builder();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long fid = rs.getLong(1);
                Point p = anywhere ? null : point("incidents row fid " + fid, rs.getBytes(2));
                if (anywhere || (p == null ? where.test(Double.NaN, Double.NaN) : where.test(p.getX(), p.getY()))) {
                    ids.add(fid);
                }
            }
        }
        return ids.build().toArray();
    }

    /** The connection this reader reads through. */
    Connection connection() {
        return c;
    }

    private boolean hasGrades() throws SQLException {
        if (hasGrades == null) {
            hasGrades = GradeColumns.present(c);
        }
        return hasGrades;
    }

    private boolean hasV2Columns() throws SQLException {
        if (hasV2Columns == null) {
            boolean found = false;
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM pragma_table_info('incidents')");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found |= "sub_type".equals(rs.getString(1));
                }
            }
            hasV2Columns = found;
        }
        return hasV2Columns;
    }

    private LocalTime time(String where, String text) throws StoreException {
        try {
            return text == null ? null : LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw StoreException.of(file, where + ": field 'time': '" + text + "' is not a time of day");
        }
    }

    private Instant instant(String where, String field, String text) throws StoreException {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw StoreException.of(file, where + ": field '" + field + "': '" + text + "' is not a timestamp");
        }
    }

    private List<Incident> withLinks(List<Incident> bare) throws SQLException, StoreException {
        if (bare.isEmpty()) {
            return bare;
        }
        Map<String, List<String>> citedKeys = new HashMap<>();
        Map<String, List<Claim>> claims = new HashMap<>();
        List<String> uuids = bare.stream().map(Incident::id).toList();
        String linkSql = "SELECT incident_uuid, source_key FROM incident_sources";
        String claimSql = "SELECT incident_uuid, source_key, killed, wounded, date, note, "
                + GradeColumns.credibility(hasGrades()) + " FROM claims";
        if (uuids.size() > SCAN_LIMIT) {
            Set<String> wanted = new HashSet<>(uuids);
            readLinks(linkSql + " ORDER BY incident_uuid, seq", List.of(), wanted, citedKeys);
            readClaims(claimSql + " ORDER BY incident_uuid, seq", List.of(), wanted, claims);
        } else {
            for (int from = 0; from < uuids.size(); from += CHUNK) {
                List<String> chunk = uuids.subList(from, Math.min(uuids.size(), from + CHUNK));
                String in = " WHERE incident_uuid IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                        + ") ORDER BY incident_uuid, seq";
                readLinks(linkSql + in, chunk, null, citedKeys);
                readClaims(claimSql + in, chunk, null, claims);
            }
        }
        // A few incidents (a click, a page of a cluster or of an export) read only the sources they cite.
        Map<String, Source> sources = uuids.size() > SCAN_LIMIT ? sources("", List.of()) : sourcesByKey(citedKeys);
        List<Incident> result = new ArrayList<>(bare.size());
        for (Incident i : bare) {
            List<Source> cited = new ArrayList<>();
            for (String key : citedKeys.getOrDefault(i.id(), List.of())) {
                Source s = sources.get(key);
                if (s != null) {
                    cited.add(s);
                }
            }
            result.add(i.withLinks(cited, claims.getOrDefault(i.id(), List.of())));
        }
        return result;
    }

    /** The sources with the keys these links cite, by key. */
    private Map<String, Source> sourcesByKey(Map<String, List<String>> citedKeys) throws SQLException, StoreException {
        List<String> keys = citedKeys.values().stream().flatMap(List::stream).distinct().toList();
        Map<String, Source> sources = new HashMap<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            sources.putAll(sources(" WHERE key IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                    chunk));
        }
        return sources;
    }

    /** The sources {@code condition} (empty, or a WHERE clause with {@code params}) selects, by key. */
    private Map<String, Source> sources(String condition, List<String> params) throws SQLException, StoreException {
        Map<String, Source> sources = new LinkedHashMap<>();
        try (PreparedStatement ps = prepare(
                "SELECT key, title, publisher, url, published, language, " + GradeColumns.reliability(hasGrades())
                        + " FROM sources" + condition + " ORDER BY fid",
                params);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String key = rs.getString("key");
                sources.put(key, new Source(key, rs.getString("title"), rs.getString("publisher"),
                        rs.getString("url"), date("sources row key " + key, "published", rs.getString("published")),
                        rs.getString("language"), code("sources row key " + key, "reliability",
                                rs.getString("reliability"), Reliability::fromCode)));
            }
        }
        return sources;
    }

    /** The source keys each wanted incident cites, in their order. */
    private void readLinks(String sql, List<String> params, Set<String> wanted, Map<String, List<String>> into)
            throws SQLException {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String uuid = rs.getString(1);
                if (wanted == null || wanted.contains(uuid)) {
                    into.computeIfAbsent(uuid, k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
    }

    private void readClaims(String sql, List<String> params, Set<String> wanted, Map<String, List<Claim>> into)
            throws SQLException, StoreException {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String uuid = rs.getString(1);
                if (wanted != null && !wanted.contains(uuid)) {
                    continue;
                }
                String where = "claims of incident " + uuid + " (source " + rs.getString(2) + ")";
                into.computeIfAbsent(uuid, k -> new ArrayList<>()).add(new Claim(rs.getString(2),
                        count(where, "killed", rs, 3), count(where, "wounded", rs, 4), date(where, "date",
                                rs.getString(5)), rs.getString(6), code(where, "credibility", rs.getString(7),
                                Credibility::fromCode)));
            }
        }
    }

    private PreparedStatement prepare(String sql, List<String> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int n = 0; n < params.size(); n++) {
            ps.setString(n + 1, params.get(n));
        }
        return ps;
    }

    /**
     * A count of killed or wounded. SQLite keeps whatever another program wrote ('many', 7.5) beside the
     * integers: such a value is refused here, where reading it as a number would have made it 0.
     */
    private Integer count(String where, String field, ResultSet rs, int column) throws SQLException, StoreException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        long n;
        if (value instanceof Integer || value instanceof Long) {
            n = ((Number) value).longValue();
        } else if (value instanceof Double d && d == Math.rint(d)) {
            n = d.longValue(); // 7.0 is 7; beyond the range of a long it saturates, far out of range anyway
        } else {
            String shown = value instanceof byte[] b ? "a blob of " + b.length + " bytes" : "'" + value + "'";
            throw StoreException.of(file, where + ": field '" + field + "': " + shown + " is not a whole number");
        }
        String problem = PlausibleValues.countProblem(n);
        if (problem != null) {
            throw StoreException.of(file, where + ": field '" + field + "': " + problem);
        }
        return (int) n;
    }

    private LocalDate date(String where, String field, String text) throws StoreException {
        if (text == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw StoreException.of(file, where + ": field '" + field + "': '" + text + "' is not a date");
        }
        String problem = PlausibleValues.dateProblem(date, today);
        if (problem != null) {
            throw StoreException.of(file, where + ": field '" + field + "': " + problem);
        }
        return date;
    }

    private <T> T code(String where, String field, String text, Function<String, T> fromCode) throws StoreException {
        if (text == null && !"type".equals(field)) {
            return null;
        }
        try {
            return fromCode.apply(text);
        } catch (IllegalArgumentException e) {
            throw StoreException.of(file, where + ": field '" + field + "': " + e.getMessage());
        }
    }
}
