package kz.incidentmap.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a whole store, more thoroughly than opening it does: SQLite's full {@code integrity_check} and
 * its foreign-key check; every spatial index against its table (each row with a geometry has exactly
 * one entry, no entry lacks its row, and the entry's box holds the geometry); the narrow
 * {@code incident_points} in step with the incidents; every kept copy of a source against its SHA-256;
 * the events' parents campaigns and their members' positions each taken once;
 * and every table registered in gpkg_contents, so
 * that QGIS and GDAL open all of them. Reads only, on a read-only connection: checking never changes the
 * file. What {@code kz-incident-map check} runs, and what the fault tests ask after a crash.
 */
public final class StoreVerifier {

    /** Degrees an R-tree entry may lie outside its geometry's box: far more than 32-bit rounding. */
    private static final double HAIR = 1e-4;
    /** Problems of one kind quoted before the rest are only counted. */
    private static final int QUOTED = 5;

    private StoreVerifier() {
    }

    /**
     * The problems found in the store at {@code file}, each a line naming the table or index; empty when
     * the store is whole. A file that is no store at all is a {@link StoreException}, as on opening.
     */
    public static List<String> problems(Path file) throws StoreException {
        InterruptedWrite.recoverWithoutEditing(file);
        StoreFileCheck.checkHeader(file);
        try (Connection c = StoreConnections.openReadOnly(file)) {
            List<String> problems = new ArrayList<>();
            // Damage is a finding here, not a refusal as on opening.
            Optional<String> damage = IntegrityCheck.report(c, "integrity_check");
            if (damage.isPresent()) {
                problems.add("SQLite's integrity check: " + damage.get());
                problems.add("the other checks are not made on a damaged file; use a backup copy, or 'sqlite3 "
                        + file.getFileName() + " .recover' to save what is still readable");
                return problems;
            }
            StoreFileCheck.checkContent(file, c, false);
            foreignKeys(c, problems);
            for (String[] index : spatialIndexes(c)) {
                spatialIndex(c, index[0], index[1], problems);
            }
            points(c, problems);
            pointFacts(c, problems);
            copies(c, problems);
            events(c, problems);
            for (String table : tablesWithoutRowIds(c)) {
                problems.add("table " + table + " has no INTEGER primary key, which a GeoPackage table needs"
                        + " (opening the store for editing in this version mends the app's own tables)");
            }
            for (String table : unregisteredTables(c)) {
                problems.add("table " + table + " is not registered in gpkg_contents, so QGIS offers it but cannot open"
                        + " it (opening the store for editing in this version registers the app's own tables)");
            }
            return problems;
        } catch (SQLException e) {
            throw StoreConnections.failure(file, "cannot check the store", e);
        }
    }

    /** Every kept copy of a source against the SHA-256 taken when it was saved. */
    private static void copies(Connection c, List<String> problems) throws SQLException {
        if (!SourceCopies.exists(c)) {
            return;
        }
        int n = 0;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT fid, source_key, file_name, sha256, bytes FROM source_copies")) {
            while (rs.next()) {
                Object value = rs.getObject(5);
                byte[] bytes = value instanceof byte[] b ? b : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
                if (!SourceCopies.sha256(bytes).equalsIgnoreCase(String.valueOf(rs.getString(4))) && n++ < QUOTED) {
                    problems.add("copy " + rs.getLong(1) + " (" + rs.getString(3) + ") of source '" + rs.getString(2)
                            + "' in source_copies is damaged: its bytes no longer have the SHA-256 taken when it was saved");
                }
            }
        }
        if (n > QUOTED) {
            problems.add((n - QUOTED) + " more copies of sources are damaged");
        }
    }

    /**
     * What the foreign keys of the events tables do not say: an event's parent must be a campaign, and no
     * two members of an event may share a position (their order would be left to chance).
     */
    private static void events(Connection c, List<String> problems) throws SQLException {
        if (!EventTables.exists(c)) {
            return;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT e.event_id, e.parent_id FROM events e JOIN events p ON p.event_id = e.parent_id"
                        + " WHERE p.kind <> 'campaign' ORDER BY e.event_id LIMIT " + QUOTED)) {
            while (rs.next()) {
                problems.add("event '" + rs.getString(1) + "' in events names '" + rs.getString(2)
                        + "' as its campaign, but that is no campaign");
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT event_id, position FROM event_members GROUP BY event_id, position HAVING count(*) > 1"
                        + " ORDER BY event_id LIMIT " + QUOTED)) {
            while (rs.next()) {
                problems.add("event '" + rs.getString(1) + "' in event_members has two members at position "
                        + rs.getInt(2) + ", so their order is not known");
            }
        }
    }

    private static void foreignKeys(Connection c, List<String> problems) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
            int n = 0;
            while (rs.next()) {
                if (n++ < QUOTED) {
                    problems.add("row " + rs.getLong(2) + " of " + rs.getString(1) + " refers to a missing row of "
                            + rs.getString(3));
                }
            }
            if (n > QUOTED) {
                problems.add((n - QUOTED) + " more rows refer to missing rows");
            }
        }
    }

    /** (table, geometry column) of every spatial index the file declares. */
    private static List<String[]> spatialIndexes(Connection c) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT table_name, column_name"
                + " FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index' ORDER BY table_name")) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return out;
    }

    /**
     * The R-tree of {@code table}.{@code column} against the table, in one pass over the table joined to
     * its R-tree (the geometries decoded here: SQL functions of ours per row took four times as long).
     * The R-tree keeps 32-bit bounds rounded outwards, so an entry's box must hold the geometry's box
     * and be no wider than a hair around it.
     */
    private static void spatialIndex(Connection c, String table, String column, List<String> problems)
            throws SQLException {
        String rtree = quote("rtree_" + table + "_" + column);
        String t = quote(table);
        String fid = primaryKey(c, table);
        long missing = 0;
        long wrong = 0;
        long unreadable = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT f." + quote(column)
                + ", r.id, r.minx, r.maxx, r.miny, r.maxy FROM " + t + " f LEFT JOIN " + rtree + " r ON r.id = f." + fid
                + " WHERE f." + quote(column) + " NOT NULL")) {
            while (rs.next()) {
                double[] box;
                try {
                    box = GeoPackageGeometry.envelope(rs.getBytes(1));
                } catch (RuntimeException e) {
                    unreadable++;
                    continue;
                }
                if (box == null) {
                    continue; // an empty geometry has no entry
                }
                if (rs.getObject(2) == null) {
                    missing++;
                    continue;
                }
                for (int k = 0; k < 4; k++) {
                    double entry = rs.getDouble(3 + k);
                    // minx, maxx, miny, maxy: an entry's minimum lies at or below, its maximum at or above.
                    double outwards = k % 2 == 0 ? box[k] - entry : entry - box[k];
                    if (outwards < -HAIR || outwards > HAIR) {
                        wrong++;
                        break;
                    }
                }
            }
        }
        long orphans = count(c, "SELECT count(*) FROM " + rtree + " r WHERE NOT EXISTS (SELECT 1 FROM " + t
                + " f WHERE f." + fid + " = r.id AND f." + quote(column) + " NOT NULL)");
        if (unreadable > 0) {
            problems.add(table + ": " + unreadable + " rows have a geometry that is not a GeoPackage geometry");
        }
        if (missing > 0) {
            problems.add("spatial index of " + table + ": " + missing + " rows with a geometry have no entry");
        }
        if (orphans > 0) {
            problems.add("spatial index of " + table + ": " + orphans + " entries have no row with a geometry");
        }
        if (wrong > 0) {
            problems.add("spatial index of " + table + ": " + wrong + " entries do not hold their row's geometry");
        }
    }

    /** incident_points against the incidents: one row per incident with a point, at that point, of its type. */
    private static void points(Connection c, List<String> problems) throws SQLException {
        if (count(c, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '"
                + GeoPackageSchema.POINTS + "'") == 0) {
            return; // a store of schema version 1 or 2, read as it is
        }
        long missing = 0;
        long moved = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT i.geom, i.type, p.fid, p.lon,"
                + " p.lat, p.type FROM incidents i LEFT JOIN incident_points p ON p.fid = i.fid WHERE i.geom NOT NULL")) {
            while (rs.next()) {
                double[] box = envelope(rs.getBytes(1));
                if (box == null) {
                    continue; // empty, or unreadable: reported with the spatial index
                }
                if (rs.getObject(3) == null) {
                    missing++;
                } else if (rs.getDouble(4) != box[0] || rs.getDouble(5) != box[2]
                        || !rs.getString(2).equals(rs.getString(6))) {
                    moved++;
                }
            }
        }
        long extra = count(c, "SELECT count(*) FROM incident_points p WHERE NOT EXISTS (SELECT 1 FROM incidents i"
                + " WHERE i.fid = p.fid AND i.geom NOT NULL)");
        if (missing + extra + moved > 0) {
            problems.add("incident_points is out of step with incidents: " + missing + " missing, " + extra
                    + " without their incident, " + moved + " at another position or type (the app then reads"
                    + " the positions from incidents; saving an incident in the app mends its row)");
        }
    }

    /**
     * The facts in incident_points (version 4 on) against what the incidents rows and their claims give:
     * date and location precision, sub-type, the killed and wounded ranges, and the day and casualties
     * drawn from the same rows. A row another program left behind misleads the filter, not the drawing.
     */
    private static void pointFacts(Connection c, List<String> problems) throws SQLException {
        if (!PointFacts.stored(c)) {
            return; // a store of version 3 or older, read as it is
        }
        StringBuilder differs = new StringBuilder("p.day IS NOT CAST(julianday(i.date) - 2440587.5 AS INTEGER)"
                + " OR p.casualties IS NOT coalesce(f.killed_max, 0) + coalesce(f.wounded_max, 0)");
        for (String column : PointFacts.COLUMNS) {
            differs.append(" OR p.").append(column).append(" IS NOT f.").append(column);
        }
        long other = count(c, "SELECT count(*) FROM incident_points p JOIN (" + PointFacts.fromIncidents(VocabularyTable.numberOf(c, "i.sub_type"))
                + ") f ON f.fid = p.fid JOIN incidents i ON i.fid = p.fid WHERE " + differs);
        if (other > 0) {
            problems.add("incident_points is out of step with incidents and claims: " + other + " rows with another"
                    + " day, casualty figure, precision or sub-type than their incident and its claims give (the"
                    + " filter reads these; saving an incident in the app mends its row)");
        }
    }

    /** The geometry's box, null for an empty or unreadable one. */
    private static double[] envelope(byte[] blob) {
        try {
            return blob == null ? null : GeoPackageGeometry.envelope(blob);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Tables of the file that gpkg_contents does not list, leaving out what GeoPackage readers never
     * offer: SQLite's and the GeoPackage's own tables and the R-tree indexes' tables.
     */
    static List<String> unregisteredTables(Connection c) throws SQLException {
        return names(c, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                + " AND name NOT LIKE 'sqlite!_%' ESCAPE '!' AND name NOT LIKE 'gpkg!_%' ESCAPE '!'"
                + " AND name NOT LIKE 'rtree!_%' ESCAPE '!' AND name NOT IN (SELECT table_name FROM gpkg_contents)"
                + " ORDER BY name");
    }

    /** Tables gpkg_contents lists whose primary key is not one INTEGER column (GeoPackage 1.2, req. 29 and 119). */
    static List<String> tablesWithoutRowIds(Connection c) throws SQLException {
        return names(c, "SELECT table_name FROM gpkg_contents WHERE data_type IN ('features', 'attributes')"
                + " AND table_name NOT IN (SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p"
                + " WHERE m.type = 'table' AND p.pk = 1 AND upper(p.type) = 'INTEGER') ORDER BY table_name");
    }

    private static List<String> names(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String primaryKey(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM pragma_table_info(?) WHERE pk = 1")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return Optional.ofNullable(rs.next() ? rs.getString(1) : null).map(StoreVerifier::quote).orElse("rowid");
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
