package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the tables of an incident store, laid out as an OGC GeoPackage 1.2: the core {@code gpkg_*}
 * tables with the three required spatial reference systems, the feature table {@code incidents} with a
 * POINT geometry in EPSG:4326 and its R-tree spatial index (extension {@code gpkg_rtree_index}, kept
 * up to date by the standard triggers), the attributes tables {@code sources}, {@code incident_sources}
 * and {@code claims}, and our own {@code kim_metadata} table holding the application schema version.
 * Version 2 added the incident columns {@code sub_type}, {@code time} and {@code tags} (see
 * {@link StoreMigrations}); they come last so that a new store and an upgraded one have the same layout.
 * Version 3 added {@code incident_points}: per incident only what the map draws (position, type, day,
 * casualties) in a narrow table that the writers keep in step, so that the app loads a million points
 * without reading the titles and descriptions in the incidents rows.
 * Version 4 added to {@code incident_points} what the filter reads (see {@link PointFacts}): date and
 * location precision, sub-type, and the smallest and largest killed and wounded figures of the claims,
 * last again, so that loading needs no join of the incidents with their claims.
 * Version 5 added {@code incident_vocabulary} ({@link VocabularyTable}): the sub-types as data, a store's own
 * beside the built-in ones; the grades (a source's reliability A–F, a claim's credibility 1–6, last in their
 * tables) and {@code source_copies}, the local copies of sources' documents (see {@link SourceCopies}).
 * Version 6 added {@code kim_my_places} ({@link MyPlaces}): the user's own places, never exported.
 * Version 7 added {@code events} and {@code event_members} ({@link EventTables}): events and campaigns as
 * records, their incidents in order.
 * Values go in through prepared statements; only the fixed DDL is plain text.
 */
public final class GeoPackageSchema {

    /** "GPKG" in the SQLite header's application_id field. */
    public static final int APPLICATION_ID = 0x47504B47;
    /** GeoPackage 1.2.0, as written to the SQLite header's user_version field. */
    public static final int USER_VERSION = 10200;
    /** Version of our own tables; migrations move a store from one version to the next. */
    public static final int SCHEMA_VERSION = 7;
    public static final int WGS84 = 4326;

    public static final String INCIDENTS = "incidents";
    public static final String GEOMETRY_COLUMN = "geom";
    public static final String RTREE = "rtree_incidents_geom";
    public static final String METADATA = "kim_metadata";
    /**
     * Narrow copy of what the map draws and the filter reads, one row per incident with a position
     * (schema version 3; the filter's facts since version 4).
     */
    public static final String POINTS = "incident_points";
    /** Local copies of sources' documents (schema version 5). */
    public static final String COPIES = "source_copies";
    /** Tables a store must have; checked when a file is opened. */
    public static final List<String> REQUIRED_TABLES = List.of("gpkg_spatial_ref_sys", "gpkg_contents",
            "gpkg_geometry_columns", "gpkg_extensions", INCIDENTS, "sources", "incident_sources", "claims",
            RTREE, METADATA);

    static final String WGS84_WKT = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
            + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,"
            + "AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
            + "AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]";

    private static final String CORE_TABLES = """
            CREATE TABLE gpkg_spatial_ref_sys (
              srs_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL PRIMARY KEY,
              organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL,
              definition TEXT NOT NULL,
              description TEXT);
            CREATE TABLE gpkg_contents (
              table_name TEXT NOT NULL PRIMARY KEY,
              data_type TEXT NOT NULL,
              identifier TEXT UNIQUE,
              description TEXT DEFAULT '',
              last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
              srs_id INTEGER,
              CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (
              table_name TEXT NOT NULL,
              column_name TEXT NOT NULL,
              geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL,
              z TINYINT NOT NULL,
              m TINYINT NOT NULL,
              CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
              CONSTRAINT uk_gc_table_name UNIQUE (table_name),
              CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
              CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_extensions (
              table_name TEXT,
              column_name TEXT,
              extension_name TEXT NOT NULL,
              definition TEXT NOT NULL,
              scope TEXT NOT NULL,
              CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))
            """;

    private static final String USER_TABLES = """
            CREATE TABLE incidents (
              fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
              geom POINT,
              uuid TEXT NOT NULL UNIQUE,
              title TEXT NOT NULL,
              type TEXT NOT NULL,
              date DATE,
              date_precision TEXT,
              place TEXT,
              oblast TEXT,
              location_precision TEXT,
              perpetrator TEXT,
              claimed_by TEXT,
              description TEXT,
              event_group TEXT,
              created DATETIME NOT NULL,
              updated DATETIME NOT NULL,
              sub_type TEXT,
              time TEXT,
              tags TEXT);
            CREATE TABLE sources (
              fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
              key TEXT NOT NULL UNIQUE,
              title TEXT NOT NULL,
              publisher TEXT,
              url TEXT,
              published DATE,
              language TEXT);
            CREATE TABLE incident_sources (
              fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
              incident_uuid TEXT NOT NULL REFERENCES incidents(uuid) ON UPDATE CASCADE ON DELETE CASCADE,
              source_key TEXT NOT NULL REFERENCES sources(key) ON UPDATE CASCADE,
              seq INTEGER NOT NULL,
              UNIQUE (incident_uuid, source_key));
            CREATE TABLE claims (
              fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
              incident_uuid TEXT NOT NULL REFERENCES incidents(uuid) ON UPDATE CASCADE ON DELETE CASCADE,
              source_key TEXT NOT NULL REFERENCES sources(key) ON UPDATE CASCADE,
              seq INTEGER NOT NULL,
              killed MEDIUMINT CHECK (killed IS NULL OR killed >= 0),
              wounded MEDIUMINT CHECK (wounded IS NULL OR wounded >= 0),
              date DATE,
              note TEXT);
            CREATE TABLE incident_points (
              fid INTEGER PRIMARY KEY REFERENCES incidents(fid) ON DELETE CASCADE,
              lon REAL NOT NULL,
              lat REAL NOT NULL,
              type TEXT NOT NULL,
              day INTEGER,
              casualties INTEGER NOT NULL,
              date_precision INTEGER,
              sub_type INTEGER,
              location_precision INTEGER,
              killed_min INTEGER,
              killed_max INTEGER,
              wounded_min INTEGER,
              wounded_max INTEGER);
            CREATE TABLE kim_metadata (
              fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
              key TEXT NOT NULL UNIQUE,
              value TEXT)
            """;

    /**
     * Version 5: the Admiralty grades, a source's reliability as its letter and a claim's credibility as
     * its number, both blank when not graded. Added last in a new store as in an upgraded one.
     */
    static final String V5_GRADE_COLUMNS = """
            ALTER TABLE sources ADD COLUMN reliability TEXT
              CHECK (reliability IS NULL OR reliability IN ('A', 'B', 'C', 'D', 'E', 'F'));
            ALTER TABLE claims ADD COLUMN credibility INTEGER
              CHECK (credibility IS NULL OR credibility BETWEEN 1 AND 6)""";

    /**
     * Version 5: the local copies of sources' documents, the bytes with the SHA-256 taken when they were
     * saved, so that a copy damaged since is told when it is opened.
     */
    static final String V5_SOURCE_COPIES = """
            CREATE TABLE source_copies (
              fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
              source_key TEXT NOT NULL REFERENCES sources(key) ON UPDATE CASCADE ON DELETE CASCADE,
              file_name TEXT NOT NULL,
              media_type TEXT NOT NULL,
              bytes BLOB NOT NULL,
              sha256 TEXT NOT NULL,
              saved_at DATETIME NOT NULL);
            CREATE INDEX source_copies_key ON source_copies(source_key)""";

    /**
     * kim_metadata as earlier versions made it, keyed by its text: a GeoPackage attributes table needs an
     * integer primary key, so it is made again in the layout above before it is registered. Versions
     * that read the old layout read the new one alike, by key.
     */
    private static final String METADATA_WITH_ROW_IDS = """
            CREATE TABLE kim_metadata_new (
              fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
              key TEXT NOT NULL UNIQUE,
              value TEXT);
            INSERT INTO kim_metadata_new (key, value) SELECT key, value FROM kim_metadata ORDER BY key;
            DROP TABLE kim_metadata;
            ALTER TABLE kim_metadata_new RENAME TO kim_metadata""";

    /**
     * Our tables beyond the incidents and their sources, with what they hold. They are registered in
     * gpkg_contents as attributes tables like the others: QGIS offers every table of the file, and one
     * that is not registered there fails to load ("layer not valid"), while GDAL lists only registered
     * tables. Stores of earlier versions get them registered when next opened for editing.
     */
    static final Map<String, String> HELPER_TABLES = orderedMap(
            POINTS, "What the map draws and filters of each incident (position, type, day, casualties,"
                    + " precisions, sub-type, killed and wounded ranges), kept in step with incidents and claims"
                    + " by the Kazakhstan Incident Map",
            METADATA, "Settings of the Kazakhstan Incident Map for this file, such as its schema version",
            VocabularyTable.NAME, VocabularyTable.DESCRIPTION,
            COPIES, "Local copies of sources' documents (file name, media type, bytes, SHA-256, when saved),"
                    + " kept by the Kazakhstan Incident Map",
            DuplicateTables.ALIASES, DuplicateTables.ALIASES_DESCRIPTION,
            DuplicateTables.NOT_DUPLICATES, DuplicateTables.NOT_DUPLICATES_DESCRIPTION,
            MyPlaces.TABLE, MyPlaces.DESCRIPTION,
            EventTables.EVENTS, EventTables.EVENTS_DESCRIPTION,
            EventTables.MEMBERS, EventTables.MEMBERS_DESCRIPTION);

    /** Indexes that only speed up reads, by name: a bulk load into an empty store builds them at the end. */
    static final Map<String, String> SECONDARY_INDEXES = orderedMap(
            "incidents_date_title", "CREATE INDEX incidents_date_title ON incidents(date, title)",
            "claims_incident", "CREATE INDEX claims_incident ON claims(incident_uuid)");

    /** The R-tree and the six triggers of the GeoPackage 1.2 R-tree extension for incidents.geom. */
    static final String RTREE_INSERT_TRIGGER = """
            CREATE TRIGGER rtree_incidents_geom_insert AFTER INSERT ON incidents
              WHEN (NEW.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))
            BEGIN
              INSERT OR REPLACE INTO rtree_incidents_geom VALUES (NEW.fid,
                ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom));
            END""";

    private static final String RTREE_INDEX = """
            CREATE VIRTUAL TABLE rtree_incidents_geom USING rtree(id, minx, maxx, miny, maxy);
            """ + RTREE_INSERT_TRIGGER + """
            ;
            CREATE TRIGGER rtree_incidents_geom_update1 AFTER UPDATE OF geom ON incidents
              WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
            BEGIN
              INSERT OR REPLACE INTO rtree_incidents_geom VALUES (NEW.fid,
                ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom));
            END;
            CREATE TRIGGER rtree_incidents_geom_update2 AFTER UPDATE OF geom ON incidents
              WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
            BEGIN
              DELETE FROM rtree_incidents_geom WHERE id = OLD.fid;
            END;
            CREATE TRIGGER rtree_incidents_geom_update3 AFTER UPDATE ON incidents
              WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
            BEGIN
              DELETE FROM rtree_incidents_geom WHERE id = OLD.fid;
              INSERT OR REPLACE INTO rtree_incidents_geom VALUES (NEW.fid,
                ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom));
            END;
            CREATE TRIGGER rtree_incidents_geom_update4 AFTER UPDATE ON incidents
              WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
            BEGIN
              DELETE FROM rtree_incidents_geom WHERE id IN (OLD.fid, NEW.fid);
            END;
            CREATE TRIGGER rtree_incidents_geom_delete AFTER DELETE ON incidents
              WHEN OLD.geom NOT NULL
            BEGIN
              DELETE FROM rtree_incidents_geom WHERE id = OLD.fid;
            END
            """;

    /** Degrees around an R-tree extreme within which a row may hold the exact extreme. */
    private static final double HAIR = 0.001;

    private GeoPackageSchema() {
    }

    /**
     * Creates every table in an empty database. Runs in the caller's transaction; the connection must
     * have {@link SpatialFunctions} registered before rows are inserted.
     */
    public static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + APPLICATION_ID);
            s.execute("PRAGMA user_version = " + USER_VERSION);
            runScript(s, CORE_TABLES);
            runScript(s, USER_TABLES);
            runStatements(s, V5_GRADE_COLUMNS);
            runStatements(s, V5_SOURCE_COPIES);
            runScript(s, DuplicateTables.CREATE);
            s.execute(MyPlaces.CREATE);
            runStatements(s, EventTables.CREATE);
            for (String ddl : SECONDARY_INDEXES.values()) {
                s.execute(ddl);
            }
            runScript(s, RTREE_INDEX);
        }
        VocabularyTable.create(c);
        insert(c, "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
                "Undefined cartesian SRS", -1, "NONE", -1, "undefined",
                "undefined cartesian coordinate reference system");
        insert(c, "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
                "Undefined geographic SRS", 0, "NONE", 0, "undefined",
                "undefined geographic coordinate reference system");
        insert(c, "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
                "WGS 84 geodetic", WGS84, "EPSG", WGS84, WGS84_WKT,
                "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid");
        String contents = "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)"
                + " VALUES (?, ?, ?, ?, ?)";
        insert(c, contents, INCIDENTS, "features", INCIDENTS,
                "Security incidents in Kazakhstan, one point per incident or part of an incident", WGS84);
        insert(c, contents, "sources", "attributes", "sources", "Documents that report on incidents", null);
        insert(c, contents, "incident_sources", "attributes", "incident_sources",
                "Which sources report which incident (incident uuid, source key)", null);
        insert(c, contents, "claims", "attributes", "claims",
                "What each source says of an incident: killed, wounded, date, note", null);
        repairLayout(c); // registers the helper tables
        insert(c, "INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, ?, ?)",
                INCIDENTS, GEOMETRY_COLUMN, "POINT", WGS84, 0, 0);
        insert(c, "INSERT INTO gpkg_extensions VALUES (?, ?, ?, ?, ?)", INCIDENTS, GEOMETRY_COLUMN,
                "gpkg_rtree_index", "http://www.geopackage.org/spec120/#extension_rtree", "write-only");
        insert(c, "INSERT INTO kim_metadata (key, value) VALUES (?, ?)", "schema_version",
                Integer.toString(SCHEMA_VERSION));
    }

    /**
     * Sets the extent of {@code incidents} in gpkg_contents to the exact extent of its rows (the R-tree
     * holds bounds rounded to 32-bit floats) and marks the change. Needs {@link SpatialFunctions}.
     */
    public static void updateExtent(Connection c) throws SQLException {
        // Only the rows whose rounded R-tree bounds lie within a hair of the extreme are decoded, so this
        // stays fast at a million rows; the hair is far wider than the 32-bit rounding. The extremes
        // come from the R-tree's root node.
        float[] box = RtreeBounds.of(c, RTREE);
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE gpkg_contents SET
                  min_x = (SELECT min(ST_MinX(geom)) FROM incidents WHERE fid IN (SELECT id FROM rtree_incidents_geom
                    WHERE minx <= ?)),
                  max_x = (SELECT max(ST_MaxX(geom)) FROM incidents WHERE fid IN (SELECT id FROM rtree_incidents_geom
                    WHERE maxx >= ?)),
                  min_y = (SELECT min(ST_MinY(geom)) FROM incidents WHERE fid IN (SELECT id FROM rtree_incidents_geom
                    WHERE miny <= ?)),
                  max_y = (SELECT max(ST_MaxY(geom)) FROM incidents WHERE fid IN (SELECT id FROM rtree_incidents_geom
                    WHERE maxy >= ?)),
                  last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now')
                WHERE table_name = ?""")) {
            for (int k = 0; k < 4; k++) {
                // An empty R-tree: no row qualifies and every bound becomes NULL, as min() of nothing is.
                ps.setObject(k + 1, box == null ? null : box[k] + (k % 2 == 0 ? HAIR : -HAIR));
            }
            ps.setString(5, INCIDENTS);
            ps.executeUpdate();
        }
    }

    /**
     * Whether the file has tables of ours that GeoPackage readers cannot open: helper tables that
     * gpkg_contents does not list, or a kim_metadata without an integer primary key.
     */
    static boolean needsLayoutRepair(Connection c) throws SQLException {
        return !unregistered(c).isEmpty() || !metadataHasRowIds(c);
    }

    /**
     * Makes kim_metadata an attributes table with an integer primary key, and registers the helper
     * tables in gpkg_contents as attributes tables. In the caller's transaction; a file in good order is
     * left as it is.
     */
    static void repairLayout(Connection c) throws SQLException {
        if (!metadataHasRowIds(c)) {
            try (Statement s = c.createStatement()) {
                for (String statement : METADATA_WITH_ROW_IDS.split(";\\s*\\n")) {
                    s.execute(statement.strip());
                }
            }
        }
        for (String table : unregistered(c)) {
            insert(c, "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES (?, ?, ?, ?)",
                    table, "attributes", table, HELPER_TABLES.get(table));
        }
    }

    private static boolean metadataHasRowIds(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pragma_table_info(?)"
                + " WHERE pk = 1 AND upper(type) = 'INTEGER'")) {
            ps.setString(1, METADATA);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    /** The {@link #HELPER_TABLES} this file has but gpkg_contents does not list. */
    private static List<String> unregistered(Connection c) throws SQLException {
        List<String> missing = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                + " AND name = ? AND name NOT IN (SELECT table_name FROM gpkg_contents)")) {
            for (String table : HELPER_TABLES.keySet()) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getInt(1) > 0) {
                        missing.add(table);
                    }
                }
            }
        }
        return missing;
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    private static void runScript(Statement s, String script) throws SQLException {
        // Every statement starts with CREATE at the start of a line; trigger bodies never do.
        for (String statement : script.split(";\\s*\\n(?=CREATE )")) {
            s.execute(statement.strip());
        }
    }

    /** Runs a script of statements each ending in a semicolon at the end of a line. */
    static void runStatements(Statement s, String script) throws SQLException {
        for (String statement : script.split(";\\s*\\n")) {
            s.execute(statement.strip());
        }
    }

    private static void insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    /** See {@link IncidentStore#describeAsRedacted}. */
    static void describeRedacted(Connection c, String words) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE gpkg_contents SET description = ? WHERE table_name = ?")) {
            ps.setString(1, words);
            ps.setString(2, INCIDENTS);
            ps.executeUpdate();
        }
        try (Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE gpkg_contents SET last_change = substr(last_change, 1, 8) || '01T00:00:00.000Z'");
        }
    }
}
