package kz.incidentmap.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Upgrades a store written by an older version of the application to {@link GeoPackageSchema#SCHEMA_VERSION}.
 * First a byte-for-byte backup is copied beside the file ({@code incidents.gpkg.bak-v1}, never over an
 * existing backup), then every step runs in one transaction: a failure leaves the file exactly as it
 * was. Migrations only add to our own tables; tables they do not know (street layers, a user's own
 * tables) are left alone.
 */
final class StoreMigrations {

    /** Version 1 → 2: sub-type, time of day and tags; the sub-type is derived from the version-1 type. */
    private static final String V1_TO_V2 = """
            ALTER TABLE incidents ADD COLUMN sub_type TEXT;
            ALTER TABLE incidents ADD COLUMN time TEXT;
            ALTER TABLE incidents ADD COLUMN tags TEXT;
            UPDATE incidents SET sub_type = CASE type
              WHEN 'suicide_bombing' THEN 'suicide_bomb'
              WHEN 'explosion' THEN 'ied'
              WHEN 'armed_attack' THEN 'attack_on_civilians'
              WHEN 'armed_clash' THEN 'armed_clash'
              WHEN 'security_operation' THEN 'government_regains_territory'
              WHEN 'threat' THEN 'threat'
              WHEN 'claim' THEN 'claim_of_responsibility'
              WHEN 'policy' THEN 'law_or_policy'
              END""";

    /**
     * Version 2 → 3: the narrow incident_points table, filled from the incidents rows and their claims.
     * Dates are ISO days, so julianday gives the day number; a row without a point gets none.
     */
    private static final String V2_TO_V3 = """
            CREATE TABLE incident_points (
              fid INTEGER PRIMARY KEY REFERENCES incidents(fid) ON DELETE CASCADE,
              lon REAL NOT NULL,
              lat REAL NOT NULL,
              type TEXT NOT NULL,
              day INTEGER,
              casualties INTEGER NOT NULL);
            INSERT INTO incident_points (fid, lon, lat, type, day, casualties)
              SELECT i.fid, ST_MinX(i.geom), ST_MinY(i.geom), i.type,
                CAST(julianday(i.date) - 2440587.5 AS INTEGER),
                coalesce((SELECT max(killed) FROM claims WHERE incident_uuid = i.uuid), 0)
                  + coalesce((SELECT max(wounded) FROM claims WHERE incident_uuid = i.uuid), 0)
              FROM incidents i WHERE i.geom NOT NULL AND NOT ST_IsEmpty(i.geom)""";

    /**
     * Version 3 → 4: the filter's facts in incident_points (see {@link PointFacts}), filled in one pass
     * over the incidents and their claims; what loading a store did on every opening before.
     */
    private static String v3ToV4(Connection c) throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (String column : PointFacts.COLUMNS) {
            sql.append("ALTER TABLE incident_points ADD COLUMN ").append(column).append(" INTEGER;\n");
        }
        sql.append("UPDATE incident_points SET ")
                .append(String.join(", ", PointFacts.COLUMNS.stream().map(column -> column + " = f." + column).toList()))
                .append(" FROM (").append(PointFacts.fromIncidents(VocabularyTable.numberOf(c, "i.sub_type"))).append(") f WHERE f.fid = incident_points.fid");
        return sql.toString();
    }

    private StoreMigrations() {
    }

    /**
     * Backs the file up and upgrades it from {@code version}. The caller holds the store's lock and no
     * other connection of ours is open. Returns the backup's path.
     */
    static Path upgrade(Path file, int version, StoreLock held) throws StoreException {
        Path backup = backupPath(file, version);
        long size = sizeOf(file);
        try {
            Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            deleteQuietly(backup);
            if (DiskSpace.isFull(e)) {
                throw DiskSpace.full(file, size, "write the backup " + backup + " before upgrading the store", e);
            }
            throw StoreException.of(file, "cannot write the backup " + backup
                    + " before upgrading the store from version " + version + "; the store is unchanged", e);
        }
        String what = "upgrade the store from schema version " + version;
        held.noteWrite(what);
        try (Connection c = StoreConnections.openReadWrite(file)) {
            Transaction.run(c, () -> {
                if (version < 2) {
                    run(c, V1_TO_V2);
                }
                if (version < 3) {
                    run(c, V2_TO_V3);
                }
                if (version < 4) {
                    run(c, v3ToV4(c));
                    describePoints(c);
                }
                if (version < 5) {
                    // The sub-types as data: the numbers incident_points holds are the built-in ones'.
                    VocabularyTable.create(c);
                    run(c, GeoPackageSchema.V5_GRADE_COLUMNS);
                    run(c, GeoPackageSchema.V5_SOURCE_COPIES);
                    run(c, DuplicateTables.CREATE);
                    // Registers incident_vocabulary, source_copies and the tables of merged duplicates.
                    GeoPackageSchema.repairLayout(c);
                }
                if (version < 6) {
                    run(c, MyPlaces.CREATE);
                    GeoPackageSchema.repairLayout(c); // registers kim_my_places
                }
                if (version < 7) {
                    // Each event_group value becomes an event; event_group itself stays for what reads it.
                    EventTables.create(c);
                    EventTables.fromEventGroups(c);
                    GeoPackageSchema.repairLayout(c); // registers events and event_members
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE kim_metadata SET value = ? WHERE key = ?")) {
                    ps.setString(1, Integer.toString(GeoPackageSchema.SCHEMA_VERSION));
                    ps.setString(2, "schema_version");
                    ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            if (DiskSpace.isFull(e)) {
                throw DiskSpace.full(file, size, what + " (a copy of it as it was is in " + backup + ")", e);
            }
            throw StoreConnections.failure(file, "cannot " + what + " (unchanged; a copy is in " + backup + ")", e);
        } finally {
            held.clearNote();
        }
        return backup;
    }

    /** The description gpkg_contents gives incident_points, as a new store has it. */
    private static void describePoints(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE gpkg_contents SET description = ? WHERE table_name = ?")) {
            ps.setString(1, GeoPackageSchema.HELPER_TABLES.get(GeoPackageSchema.POINTS));
            ps.setString(2, GeoPackageSchema.POINTS);
            ps.executeUpdate();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a partial backup is only a waste of room; the message says the upgrade was not done
        }
    }

    /** {@code name.bak-vN}, or {@code name.bak-vN-2}, {@code -3}… when that exists already. */
    static Path backupPath(Path file, int version) {
        String base = file.getFileName() + ".bak-v" + version;
        Path candidate = file.resolveSibling(base);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = file.resolveSibling(base + "-" + n);
        }
        return candidate;
    }

    private static void run(Connection c, String script) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String statement : script.split(";\\s*\\n")) {
                s.execute(statement.strip());
            }
        }
    }
}
