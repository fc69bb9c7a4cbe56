package kz.incidentmap.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.DateSpan;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import org.locationtech.jts.geom.Point;

/**
 * What the map draws of every incident — row id, position, type, day and casualties — and what the
 * filter reads of it — the span of days its date stands for, the casualty figures' range, sub-type and
 * location precision — in flat arrays, read in one query from the narrow {@code incident_points} table
 * (schema version 3, the filter's facts since version 4: {@link PointFacts}) so that loading a million
 * incidents does not read their titles and descriptions, nor join them with their claims. A file of an
 * older version opened for viewing lacks the table or its facts, and another program may have added or
 * deleted incident rows without it; what is missing is then read from the incidents rows and their
 * claims ({@link IncidentFacts}), more slowly.
 */
public final class IncidentPoints {

    /** Day of an incident without a date. */
    public static final int NO_DAY = Integer.MIN_VALUE;

    private static final IncidentType[] TYPES = IncidentType.values();
    private static final DatePrecision[] PRECISIONS = DatePrecision.values();
    private static final int SUB_TYPES = IncidentSubType.MOST;
    private static final int LOCATIONS = LocationPrecision.values().length;

    private long[] fids;
    private double[] lons;
    private double[] lats;
    private byte[] types;
    private int[] casualties;
    private int[] days;
    private int size;
    /** Per row: first and last day of the date's span; killed min, max, wounded min, max. */
    private int[] spans;
    private int[] figures;
    private byte[] subTypes;
    private byte[] locations;

    private IncidentPoints(int capacity) {
        int n = Math.max(16, capacity);
        fids = new long[n];
        lons = new double[n];
        lats = new double[n];
        types = new byte[n];
        casualties = new int[n];
        days = new int[n];
        spans = new int[2 * n];
        figures = new int[4 * n];
        subTypes = new byte[n];
        locations = new byte[n];
    }

    public int size() {
        return size;
    }

    public long fid(int row) {
        return fids[row];
    }

    public double lon(int row) {
        return lons[row];
    }

    public double lat(int row) {
        return lats[row];
    }

    public IncidentType type(int row) {
        return TYPES[types[row]];
    }

    /** Killed plus wounded, the largest any source reports. */
    public int casualties(int row) {
        return casualties[row];
    }

    /** Days since 1970-01-01, or {@link #NO_DAY}. */
    public int day(int row) {
        return days[row];
    }

    /** First day the incident's date may stand for (see {@link DateSpan}), or {@link #NO_DAY}. */
    public int spanStart(int row) {
        return spans[2 * row];
    }

    /** Last day the incident's date may stand for, or {@link #NO_DAY}. */
    public int spanEnd(int row) {
        return spans[2 * row + 1];
    }

    /** Smallest number killed a source gives, or -1 when none gives one. */
    public int killedMin(int row) {
        return figures[4 * row];
    }

    public int killedMax(int row) {
        return figures[4 * row + 1];
    }

    public int woundedMin(int row) {
        return figures[4 * row + 2];
    }

    public int woundedMax(int row) {
        return figures[4 * row + 3];
    }

    /** The sub-type's ordinal, or -1 for none. */
    public int subType(int row) {
        return subTypes[row];
    }

    /** The location precision's ordinal, or -1 for none. */
    public int locationPrecision(int row) {
        return locations[row];
    }

    /** Each row's facts, found by row id in facts read apart; a row without (none should be) has none. */
    private IncidentPoints withFacts(IncidentFacts facts) {
        for (int r = 0; r < size; r++) {
            int at = facts.find(fids[r]);
            setCodes(r, at < 0 ? -1 : facts.precision(at), at < 0 ? -1 : facts.subType(at),
                    at < 0 ? -1 : facts.location(at));
            for (int k = 0; k < 4; k++) {
                figures[4 * r + k] = at < 0 ? IncidentFacts.NO_FIGURE : facts.figure(at, k);
            }
        }
        return this;
    }

    /**
     * Row {@code r}'s date precision, sub-type and location precision, each an ordinal or -1 (a number
     * the model does not know is -1 too), and the span of days its date stands for.
     */
    private void setCodes(int r, int precision, int subType, int location) {
        byte p = PointFacts.ordinal(precision, PRECISIONS.length);
        DateSpan span = days[r] == NO_DAY ? null : DateSpan.of(LocalDate.ofEpochDay(days[r]), p < 0 ? null : PRECISIONS[p]);
        spans[2 * r] = span == null ? NO_DAY : (int) span.firstDay();
        spans[2 * r + 1] = span == null ? NO_DAY : (int) span.lastDay();
        subTypes[r] = PointFacts.ordinal(subType, SUB_TYPES);
        locations[r] = PointFacts.ordinal(location, LOCATIONS);
    }

    /**
     * Points read elsewhere than from a GeoPackage (a record on a server), one row at a time in the
     * numbers incident_points stores: type, date precision, sub-type and location precision as their
     * ordinals (-1 for none), a missing day {@link #NO_DAY}, a missing figure -1.
     */
    public static final class Builder {

        private final IncidentPoints points;

        /** Room for {@code expected} rows, so that a known count never copies the arrays. */
        public Builder(int expected) {
            points = new IncidentPoints(expected);
        }

        /** Adds a row; a type number the model does not know is refused. */
        public void add(long fid, double lon, double lat, int type, int casualties, int day, int precision,
                int subType, int location, int killedMin, int killedMax, int woundedMin, int woundedMax) {
            if (type < 0 || type >= TYPES.length) {
                throw new IllegalArgumentException("incident " + fid + ": unknown type number " + type);
            }
            int r = points.size;
            points.add(fid, lon, lat, TYPES[type], casualties, day);
            points.setCodes(r, precision, subType, location);
            points.figures[4 * r] = killedMin;
            points.figures[4 * r + 1] = killedMax;
            points.figures[4 * r + 2] = woundedMin;
            points.figures[4 * r + 3] = woundedMax;
        }

        public IncidentPoints build() {
            return points;
        }
    }

    /** Whether the incident has a position the map can draw. */
    public static boolean hasPosition(Incident i) {
        return Double.isFinite(i.lon()) && Double.isFinite(i.lat());
    }

    /** Killed plus wounded, each the largest any source reports: the figure markers are sized by. */
    public static int casualties(Incident i) {
        return i.maxKilled().orElse(0) + i.maxWounded().orElse(0);
    }

    private void add(long fid, double lon, double lat, IncidentType type, int casualty, int day) {
        if (size == fids.length) {
            int n = size * 2;
            fids = Arrays.copyOf(fids, n);
            lons = Arrays.copyOf(lons, n);
            lats = Arrays.copyOf(lats, n);
            types = Arrays.copyOf(types, n);
            casualties = Arrays.copyOf(casualties, n);
            days = Arrays.copyOf(days, n);
            spans = Arrays.copyOf(spans, 2 * n);
            figures = Arrays.copyOf(figures, 4 * n);
            subTypes = Arrays.copyOf(subTypes, n);
            locations = Arrays.copyOf(locations, n);
        }
        fids[size] = fid;
        lons[size] = lon;
        lats[size] = lat;
        types[size] = (byte) type.ordinal();
        casualties[size] = casualty;
        days[size] = day;
        size++;
    }

    /** Every point of the store {@code c} is open on. */
    static IncidentPoints read(Path file, Connection c) throws SQLException, StoreException {
        int expected = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT max(fid) FROM incidents"); ResultSet rs = ps.executeQuery()) {
            expected = rs.next() ? (int) Math.min(Integer.MAX_VALUE - 8, rs.getLong(1)) : 0;
        }
        IncidentPoints points = new IncidentPoints(expected);
        if (hasTable(c, GeoPackageSchema.POINTS) && inStep(c)) {
            boolean stored = PointFacts.stored(c);
            points.readPoints(file, c, stored);
            return stored ? points : points.withFacts(IncidentFacts.read(c));
        }
        // An older file opened for viewing, or rows added elsewhere: the same figures from the incidents rows
        // and their claims.
        try (PreparedStatement ps = c.prepareStatement("SELECT i.fid, i.geom, i.type, i.date,"
                + " coalesce((SELECT max(killed) FROM claims WHERE incident_uuid = i.uuid), 0)"
                + " + coalesce((SELECT max(wounded) FROM claims WHERE incident_uuid = i.uuid), 0)"
                + " FROM incidents i WHERE i.geom NOT NULL");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long fid = rs.getLong(1);
                Point p;
                try {
                    p = GeoPackageGeometry.decodePoint(rs.getBytes(2));
                } catch (IllegalArgumentException e) {
                    throw StoreException.of(file, "incidents row fid " + fid + ": field 'geom': " + e.getMessage());
                }
                if (!Double.isFinite(p.getX()) || !Double.isFinite(p.getY())) {
                    continue; // an empty point: nothing to draw
                }
                points.add(fid, p.getX(), p.getY(), type(file, fid, rs.getString(3)), rs.getInt(5),
                        day(file, fid, rs.getString(4)));
            }
        }
        return points.withFacts(IncidentFacts.read(c));
    }

    /**
     * Reads incident_points whole; its facts too when it has them ({@code withFacts}: version 4 on).
     * Type codes become their numbers and a missing day or figure -1 in SQL: a million rows then cost no
     * strings and no null checks on this side. A type code that is not matched exactly is matched as
     * every reader of the store matches it (Codes.lookUp: blanks trimmed, case ignored), in a second
     * CASE that only such rows reach: trimming and lowering every row cost a fifth more.
     */
    private void readPoints(Path file, Connection c, boolean withFacts) throws SQLException, StoreException {
        String typeNumber = "CASE type" + typeCases() + " ELSE CASE lower(trim(type))" + typeCases() + " ELSE -1 END END";
        String facts = withFacts ? PointFacts.COLUMNS.stream().map(column -> ", coalesce(" + column + ", -1)")
                .collect(Collectors.joining()) : "";
        try (PreparedStatement ps = c.prepareStatement("SELECT fid, lon, lat, " + typeNumber
                + ", coalesce(day, " + NO_DAY + "), casualties" + facts + " FROM incident_points");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long fid = rs.getLong(1);
                int type = rs.getInt(4);
                // A code SQL did not match is refused with its reason (or, should SQL's trim and case
                // differ from Java's for it, found).
                IncidentType t = type >= 0 ? TYPES[type] : typeOfRow(file, c, fid);
                int r = size;
                add(fid, rs.getDouble(2), rs.getDouble(3), t, rs.getInt(6), rs.getInt(5));
                if (withFacts) {
                    setCodes(r, rs.getInt(7), rs.getInt(8), rs.getInt(9));
                    for (int k = 0; k < 4; k++) {
                        figures[4 * r + k] = rs.getInt(10 + k);
                    }
                }
            }
        }
    }

    /**
     * Whether incident_points has a row for each incident with a position, counted by the R-tree (which
     * every GeoPackage writer keeps, and which is far smaller than the incidents table): another program
     * that added or deleted incident rows leaves incident_points behind, and then the rows are read.
     */
    private static boolean inStep(Connection c) throws SQLException {
        // The R-tree's own table of row ids counts in a fraction of the time the R-tree does.
        String rtree = hasTable(c, "rtree_incidents_geom_rowid") ? "rtree_incidents_geom_rowid" : "rtree_incidents_geom";
        try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT count(*) FROM incident_points)"
                + " = (SELECT count(*) FROM " + rtree + ")"); ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    static boolean hasTable(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** " WHEN 'code' THEN ordinal" for every incident type. */
    private static String typeCases() {
        StringBuilder cases = new StringBuilder();
        for (IncidentType t : TYPES) {
            cases.append(" WHEN '").append(t.code()).append("' THEN ").append(t.ordinal());
        }
        return cases.toString();
    }

    /** The type of a row whose code the SQL did not match, read alone: the row is refused, or found by Java's rules. */
    private static IncidentType typeOfRow(Path file, Connection c, long fid) throws SQLException, StoreException {
        try (PreparedStatement ps = c.prepareStatement("SELECT type FROM incident_points WHERE fid = ?")) {
            ps.setLong(1, fid);
            try (ResultSet rs = ps.executeQuery()) {
                return type(file, fid, rs.next() ? rs.getString(1) : null);
            }
        }
    }

    private static IncidentType type(Path file, long fid, String code) throws StoreException {
        try {
            return IncidentType.fromCode(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw StoreException.of(file, "incidents row fid " + fid + ": field 'type': unknown type '" + code + "'");
        }
    }

    private static int day(Path file, long fid, String date) throws StoreException {
        try {
            return date == null ? NO_DAY : (int) LocalDate.parse(date).toEpochDay();
        } catch (DateTimeParseException e) {
            throw StoreException.of(file, "incidents row fid " + fid + ": field 'date': '" + date + "' is not a date");
        }
    }
}
