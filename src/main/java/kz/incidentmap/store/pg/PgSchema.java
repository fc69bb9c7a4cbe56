package kz.incidentmap.store.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.store.StoreException;

/**
 * The tables of a record on PostgreSQL/PostGIS and the steps from one schema version to the next, as
 * the GeoPackage's migrations do: {@code kim_schema} holds the version; each step runs in the caller's
 * transaction (PostgreSQL's DDL is transactional), so a failure leaves the database as it was. The
 * tables hold what the GeoPackage's do, with the same meanings: {@code incidents} with a
 * {@code geometry(Point,4326)} and a GiST index, {@code incident_points} with the codes as the numbers
 * of the model's constants exactly as the GeoPackage's incident_points stores them, sources, their links
 * and claims, the vocabulary of sub-types and the saved views. Each incident also carries a
 * {@code version} (raised by every write, for saving over a newer version to be noticed) and who wrote
 * it last and when on the server ({@code updated_by}, {@code updated_at}).
 *
 * <p>Version 2 adds what several windows on one record need: {@code kim_history}, every version of
 * every incident with who wrote it and when (the record as jsonb, made by {@code kim_incident_record}),
 * and a trigger that tells listening windows of each written incident,
 * {@code pg_notify('kim_changes', uuid || ':' || version)}, delivered when the write commits (a deletion
 * counts as the version after the last, as in the history).
 *
 * <p>Version 3 adds the rest of what a GeoPackage holds, so that a record is copied whole (events, kept
 * copies of sources, the user's places, duplicates' aliases and pairs, the OpenStreetMap tables), the
 * column {@code incidents.restricted} and the row-level security of {@link PgRowSecurity}.
 */
final class PgSchema {

    /** Version of the server's tables. */
    static final int SCHEMA_VERSION = 3;

    /** The roles {@link #createRoles} makes: read, edit, and own the record. */
    static final List<String> ROLES = List.of("kim_viewer", "kim_editor", "kim_admin");

    /** The tables of version 1, for the grants. */
    private static final List<String> TABLES = List.of("kim_schema", "sources", "incidents", "incident_sources",
            "claims", "incident_points", "incident_vocabulary", "kim_views", "kim_history");

    /** The tables of version 3, for the grants: editors write them all. */
    private static final List<String> V3_TABLES = List.of("events", "event_members", "source_copies", "kim_my_places",
            "incident_aliases", "not_duplicates", "osm_roads", "osm_buildings", "osm_landuse", "osm_water", "osm_pois",
            "osm_overview_lines", "osm_overview_areas", "osm_regional_lines", "osm_regional_areas", "osm_local_lines",
            "osm_local_areas", "osm_admin", "osm_places");

    /** The channel the trigger of version 2 notifies: {@code uuid:version} of each written incident. */
    static final String CHANNEL = "kim_changes";

    /**
     * Version 2, statement by statement (the function bodies hold semicolons). The history's record is the
     * incident's row without its geometry, with lon and lat, its sources' keys and its claims in order:
     * what {@link PgHistory} reads back into an incident with the same columns as the tables.
     */
    private static final List<String> V2 = List.of("""
            CREATE TABLE kim_history (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              incident_uuid text NOT NULL,
              version integer NOT NULL,
              changed_by text NOT NULL DEFAULT current_user,
              changed_at timestamptz NOT NULL DEFAULT now(),
              operation text NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),
              record jsonb NOT NULL)""",
            "CREATE INDEX kim_history_incident ON kim_history (incident_uuid, version)",
            """
            CREATE FUNCTION kim_incident_record(wanted text) RETURNS jsonb LANGUAGE sql STABLE AS $$
              SELECT (to_jsonb(i) - 'geom') || jsonb_build_object(
                'lon', ST_X(i.geom), 'lat', ST_Y(i.geom),
                'sources', COALESCE((SELECT jsonb_agg(l.source_key ORDER BY l.seq) FROM incident_sources l
                                     WHERE l.incident_uuid = i.uuid), '[]'::jsonb),
                'claims', COALESCE((SELECT jsonb_agg(to_jsonb(c) - 'fid' - 'incident_uuid' ORDER BY c.seq)
                                    FROM claims c WHERE c.incident_uuid = i.uuid), '[]'::jsonb))
              FROM incidents i WHERE i.uuid = wanted
            $$""",
            """
            CREATE FUNCTION kim_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'DELETE' THEN
                PERFORM pg_notify('kim_changes', OLD.uuid || ':' || (OLD.version + 1));
              ELSE
                PERFORM pg_notify('kim_changes', NEW.uuid || ':' || NEW.version);
              END IF;
              RETURN NULL;
            END
            $$""",
            """
            CREATE TRIGGER incidents_notify AFTER INSERT OR UPDATE OR DELETE ON incidents
              FOR EACH ROW EXECUTE FUNCTION kim_notify_change()""",
            // The versions already there become the first entries of their history.
            """
            INSERT INTO kim_history (incident_uuid, version, changed_by, changed_at, operation, record)
              SELECT uuid, version, updated_by, updated_at, 'insert', kim_incident_record(uuid) FROM incidents""");

    /** Between two statements of one entry of {@link #V3} (function bodies hold semicolons). */
    private static final String BREAK = "\n;;\n";

    /** The columns of a street layer's table after its geometry. */
    private static final String STREET_COLUMNS = "osm_id text NOT NULL UNIQUE, kind text NOT NULL, type text NOT NULL,"
            + " name text, name_ru text, name_kk text";
    /** The columns of a generalised level's table after its geometry. */
    private static final String LEVEL_COLUMNS = "kind text NOT NULL, type text NOT NULL, name text, ref text";

    /**
     * Version 3, what a GeoPackage holds beside the incidents, so that {@code copy} carries a record whole
     * (see {@code store.CarriedTable}), each table with the GeoPackage's columns and row ids: events and
     * their members, kept copies of sources' documents (bytes and SHA-256), the user's places, merged
     * duplicates' aliases and pairs said not to be duplicates, and the OpenStreetMap tables.
     *
     * <p>The OpenStreetMap tables are PostGIS geometry tables in EPSG:4326 with a GiST index, each column
     * typed as the GeoPackage declares it, rather than WKB in bytea: QGIS and GDAL list them as layers of
     * the database as they do the GeoPackage's, and the server can answer a box query on them. They are
     * made empty here, so that the schema is the same in every database; a file copied back gets them
     * when they hold any row, as an import makes them.
     *
     * <p>And the column {@code incidents.restricted}, kept by the server from the tags (a tag
     * "restricted", in any case, as a redaction profile reads it), for the row-level security of
     * {@link PgRowSecurity}: a stored generated column, so that no writer can forget it and a policy
     * reads one boolean.
     */
    private static final List<String> V3 = List.of("""
            CREATE TABLE events (
              fid bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
              event_id text NOT NULL UNIQUE,
              title text NOT NULL,
              kind text NOT NULL CHECK (kind IN ('event', 'campaign')),
              parent_id text REFERENCES events(event_id) ON UPDATE CASCADE ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
              start_date date,
              end_date date)""",
            """
            CREATE TABLE event_members (
              fid bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
              event_id text NOT NULL REFERENCES events(event_id) ON UPDATE CASCADE ON DELETE CASCADE,
              incident_uuid text NOT NULL REFERENCES incidents(uuid) ON UPDATE CASCADE ON DELETE CASCADE,
              position integer NOT NULL,
              time text,
              UNIQUE (event_id, incident_uuid))""",
            "CREATE INDEX event_members_incident ON event_members (incident_uuid)",
            """
            CREATE TABLE source_copies (
              fid bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
              source_key text NOT NULL REFERENCES sources(key) ON UPDATE CASCADE ON DELETE CASCADE,
              file_name text NOT NULL,
              media_type text NOT NULL,
              bytes bytea NOT NULL,
              sha256 text NOT NULL,
              saved_at timestamptz NOT NULL)""",
            "CREATE INDEX source_copies_key ON source_copies (source_key)",
            """
            CREATE TABLE kim_my_places (
              fid bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
              name text NOT NULL,
              lon double precision NOT NULL,
              lat double precision NOT NULL,
              rings text NOT NULL,
              created timestamptz NOT NULL)""",
            // Unique as written: a GeoPackage folds the case of ASCII letters only, so "Офис" and "офис"
            // may both be there, and lower() here would refuse the second.
            "CREATE UNIQUE INDEX kim_my_places_name ON kim_my_places (name)",
            """
            CREATE TABLE incident_aliases (
              fid bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
              alias text NOT NULL UNIQUE,
              incident_uuid text NOT NULL REFERENCES incidents(uuid) ON UPDATE CASCADE ON DELETE CASCADE,
              merged_uuid text NOT NULL,
              origin text NOT NULL,
              merged timestamptz NOT NULL)""",
            "CREATE INDEX incident_aliases_incident ON incident_aliases (incident_uuid)",
            """
            CREATE TABLE not_duplicates (
              fid bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
              uuid_a text NOT NULL,
              uuid_b text NOT NULL,
              decided timestamptz NOT NULL,
              UNIQUE (uuid_a, uuid_b))""",
            streetTable("osm_roads", "LineString", "osm_id text NOT NULL UNIQUE, kind text NOT NULL, type text NOT NULL,"
                    + " name text, name_ru text, name_kk text, ref text, oneway integer NOT NULL DEFAULT 0,"
                    + " layer integer NOT NULL DEFAULT 0, bridge integer NOT NULL DEFAULT 0, tunnel integer NOT NULL DEFAULT 0"),
            streetTable("osm_buildings", "MultiPolygon", STREET_COLUMNS),
            streetTable("osm_landuse", "MultiPolygon", STREET_COLUMNS),
            streetTable("osm_water", "Geometry", STREET_COLUMNS),
            streetTable("osm_pois", "Point", STREET_COLUMNS),
            streetTable("osm_overview_lines", "LineString", LEVEL_COLUMNS),
            streetTable("osm_overview_areas", "MultiPolygon", LEVEL_COLUMNS),
            streetTable("osm_regional_lines", "LineString", LEVEL_COLUMNS),
            streetTable("osm_regional_areas", "MultiPolygon", LEVEL_COLUMNS),
            streetTable("osm_local_lines", "LineString", LEVEL_COLUMNS),
            streetTable("osm_local_areas", "MultiPolygon", LEVEL_COLUMNS),
            streetTable("osm_admin", "MultiPolygon", "osm_id text NOT NULL UNIQUE, admin_level integer NOT NULL,"
                    + " name text, name_ru text, name_kk text, extract_date date NOT NULL"),
            streetTable("osm_places", "Point", "osm_id text NOT NULL UNIQUE, type text NOT NULL, name text NOT NULL,"
                    + " name_ru text, name_kk text, old_name text, population bigint, extract_date date NOT NULL"),
            """
            CREATE FUNCTION kim_tagged_restricted(tags text[]) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
              SELECT coalesce(bool_or(lower(btrim(t)) = 'restricted'), false) FROM unnest(tags) t
            $$""",
            """
            ALTER TABLE incidents ADD COLUMN restricted boolean NOT NULL
              GENERATED ALWAYS AS (kim_tagged_restricted(tags)) STORED""",
            // The map's index is read from incident_points alone, millions of rows: each row carries its
            // incident's mark, so that a viewer's policy there reads a column rather than joining the
            // incidents. A writer may give it (the bulk writer does); else it is looked up as the row goes
            // in, and it follows the incident's tags when they change.
            "ALTER TABLE incident_points ADD COLUMN restricted boolean",
            """
            CREATE FUNCTION kim_point_restricted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              NEW.restricted := coalesce((SELECT i.restricted FROM incidents i WHERE i.fid = NEW.fid), false);
              RETURN NEW;
            END
            $$""",
            """
            CREATE TRIGGER incident_points_restricted BEFORE INSERT ON incident_points
              FOR EACH ROW WHEN (NEW.restricted IS NULL) EXECUTE FUNCTION kim_point_restricted()""",
            """
            CREATE FUNCTION kim_points_follow() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              UPDATE incident_points SET restricted = NEW.restricted WHERE fid = NEW.fid;
              RETURN NULL;
            END
            $$""",
            """
            CREATE TRIGGER incidents_restricted_points AFTER UPDATE OF tags ON incidents
              FOR EACH ROW WHEN (OLD.restricted IS DISTINCT FROM NEW.restricted) EXECUTE FUNCTION kim_points_follow()""",
            "UPDATE incident_points p SET restricted = i.restricted FROM incidents i WHERE i.fid = p.fid",
            "UPDATE incident_points SET restricted = false WHERE restricted IS NULL",
            "ALTER TABLE incident_points ALTER COLUMN restricted SET NOT NULL");

    /** A feature table of version 3 and its GiST index, two statements; names and types are constants. */
    private static String streetTable(String name, String geometryType, String columns) {
        return "CREATE TABLE " + name + " (fid bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, geom geometry("
                + geometryType + ", 4326), " + columns + ")" + BREAK + "CREATE INDEX " + name + "_geom ON " + name
                + " USING gist (geom)";
    }

    private static final String V1 = """
            CREATE TABLE kim_schema (
              version integer NOT NULL,
              upgraded_at timestamptz NOT NULL DEFAULT now(),
              upgraded_by text NOT NULL DEFAULT current_user);
            CREATE TABLE sources (
              key text PRIMARY KEY,
              title text NOT NULL,
              publisher text,
              url text,
              published date,
              language text,
              reliability text CHECK (reliability IS NULL OR reliability IN ('A', 'B', 'C', 'D', 'E', 'F')));
            CREATE TABLE incidents (
              fid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              uuid text NOT NULL UNIQUE,
              geom geometry(Point, 4326),
              title text NOT NULL,
              type text NOT NULL,
              date date,
              date_precision text,
              place text,
              oblast text,
              location_precision text,
              perpetrator text,
              claimed_by text,
              description text,
              event_group text,
              sub_type text,
              time time,
              tags text[] NOT NULL DEFAULT '{}',
              created timestamptz NOT NULL,
              updated timestamptz NOT NULL,
              version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
              updated_by text NOT NULL DEFAULT current_user,
              updated_at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX incidents_geom ON incidents USING gist (geom);
            CREATE INDEX incidents_date_title ON incidents (date, title);
            CREATE TABLE incident_sources (
              incident_uuid text NOT NULL REFERENCES incidents(uuid) ON UPDATE CASCADE ON DELETE CASCADE,
              source_key text NOT NULL REFERENCES sources(key) ON UPDATE CASCADE,
              seq integer NOT NULL,
              PRIMARY KEY (incident_uuid, source_key));
            CREATE TABLE claims (
              fid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              incident_uuid text NOT NULL REFERENCES incidents(uuid) ON UPDATE CASCADE ON DELETE CASCADE,
              source_key text NOT NULL REFERENCES sources(key) ON UPDATE CASCADE,
              seq integer NOT NULL,
              killed integer CHECK (killed IS NULL OR killed >= 0),
              wounded integer CHECK (wounded IS NULL OR wounded >= 0),
              date date,
              note text,
              credibility smallint CHECK (credibility IS NULL OR credibility BETWEEN 1 AND 6));
            CREATE INDEX claims_incident ON claims (incident_uuid);
            CREATE TABLE incident_points (
              fid bigint PRIMARY KEY REFERENCES incidents(fid) ON DELETE CASCADE,
              lon double precision NOT NULL,
              lat double precision NOT NULL,
              type text NOT NULL,
              day integer,
              casualties integer NOT NULL,
              date_precision smallint,
              sub_type smallint,
              location_precision smallint,
              killed_min integer,
              killed_max integer,
              wounded_min integer,
              wounded_max integer);
            CREATE TABLE incident_vocabulary (
              fid integer PRIMARY KEY,
              code text NOT NULL UNIQUE,
              type text NOT NULL,
              label text NOT NULL,
              acled_event_type text NOT NULL,
              acled_sub_event_type text NOT NULL,
              disorder_type text NOT NULL,
              gtd_attack_type text,
              mark text,
              colour text,
              built_in boolean NOT NULL);
            CREATE TABLE kim_views (
              name text PRIMARY KEY,
              min_lon double precision NOT NULL,
              min_lat double precision NOT NULL,
              max_lon double precision NOT NULL,
              max_lat double precision NOT NULL,
              scale double precision,
              filter text NOT NULL,
              layers text NOT NULL,
              saved timestamptz NOT NULL);
            CREATE UNIQUE INDEX kim_views_name ON kim_views (lower(name))""";

    private PgSchema() {
    }

    /** The schema version the database holds: 0 when it has no record's tables yet. */
    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT to_regclass('kim_schema') IS NOT NULL")) {
            if (!rs.next() || !rs.getBoolean(1)) {
                return 0;
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(version) FROM kim_schema")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    static boolean hasPostgis(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_extension WHERE extname = 'postgis'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    /** A schema this application cannot read or write: newer than it knows. */
    static void refuseNewer(ServerAddress at, int version) throws StoreException {
        if (version > SCHEMA_VERSION) {
            throw new StoreException(at + ": the record there has schema version " + version
                    + ", newer than this application knows (" + SCHEMA_VERSION
                    + "); use a newer kz-incident-map (nothing was changed)");
        }
    }

    /**
     * Brings the database to {@link #SCHEMA_VERSION}, in the caller's transaction; returns the version
     * it had. A database without PostGIS, or with a newer schema, is refused before anything is written.
     */
    static int upgrade(Connection c, ServerAddress at) throws SQLException, StoreException {
        int version = version(c);
        refuseNewer(at, version);
        if (version == SCHEMA_VERSION) {
            return version;
        }
        if (!hasPostgis(c)) {
            throw new StoreException(at + ": the database has no PostGIS; as its owner run"
                    + " 'CREATE EXTENSION postgis' in it (Debian: apt-get install postgresql-15-postgis-3), then try again");
        }
        if (version < 1) {
            try (Statement s = c.createStatement()) {
                for (String statement : V1.split(";\\s*\\n")) {
                    s.execute(statement.strip());
                }
            }
            for (IncidentSubType sub : IncidentSubType.BUILT_IN) {
                PgVocabulary.write(c, sub);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kim_schema (version) VALUES (?)")) {
                ps.setInt(1, 0);
                ps.executeUpdate();
            }
        }
        if (version < 2) {
            try (Statement s = c.createStatement()) {
                for (String statement : V2) {
                    s.execute(statement.strip());
                }
            }
        }
        if (version < 3) {
            try (Statement s = c.createStatement()) {
                for (String statements : V3) {
                    for (String statement : statements.split(BREAK)) {
                        s.execute(statement.strip());
                    }
                }
            }
            PgRowSecurity.enable(c);
            if (rolesExist(c)) {
                // A record of version 2 with its roles: they get the new tables and the policies at once.
                grant(c);
                PgRowSecurity.policies(c);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE kim_schema SET version = ?, upgraded_at = now(),"
                + " upgraded_by = current_user")) {
            ps.setInt(1, SCHEMA_VERSION);
            ps.executeUpdate();
        }
        return version;
    }

    /**
     * Makes the roles kim_viewer (reads), kim_editor (reads and writes the incidents, sources, claims,
     * vocabulary and views) and kim_admin (all of it, and may grant it), and grants them the tables; in
     * the caller's transaction. A user who may not make roles gets none made and a line saying so.
     */
    static Optional<String> createRoles(Connection c, ServerAddress at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || !rs.getBoolean(1)) {
                return Optional.of("roles " + String.join(", ", ROLES) + " not made: user " + at.user()
                        + " may not create roles (a superuser, or a user with CREATEROLE, can run init again)");
            }
        }
        for (String role : ROLES) {
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_roles WHERE rolname = ?")) {
                ps.setString(1, role);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next() && rs.getInt(1) > 0;
                }
            }
            if (!exists) {
                try (Statement s = c.createStatement()) {
                    // Role names are identifiers, which cannot be parameters; these are our own constants.
                    s.execute("CREATE ROLE " + role + " NOLOGIN");
                }
            }
        }
        grant(c);
        PgRowSecurity.policies(c);
        return Optional.empty();
    }

    private static boolean rolesExist(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_roles WHERE rolname = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", ROLES.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == ROLES.size();
            }
        }
    }

    /** The roles' rights on every table, in the caller's transaction; the roles exist. */
    private static void grant(Connection c) throws SQLException {
        String tables = String.join(", ", TABLES) + ", " + String.join(", ", V3_TABLES);
        try (Statement s = c.createStatement()) {
            s.execute("GRANT SELECT ON " + tables + " TO kim_viewer");
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON sources, incidents, incident_sources, claims,"
                    + " incident_points, incident_vocabulary, kim_views, " + String.join(", ", V3_TABLES) + " TO kim_editor");
            s.execute("GRANT SELECT ON kim_schema TO kim_editor");
            // History is written with each change and never rewritten: editors add to it only.
            s.execute("GRANT SELECT, INSERT ON kim_history TO kim_editor");
            s.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO kim_editor");
            s.execute("GRANT ALL ON " + tables + " TO kim_admin WITH GRANT OPTION");
            s.execute("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO kim_admin");
        }
    }
}
