package kz.incidentmap.store.pg;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Row-level security (schema version 3): kim_viewer sees only the incidents that are not restricted
 * ({@code incidents.restricted}, kept by the server from the tags) and only the rows that belong to them
 * (their links to sources, claims, points, history, event memberships and aliases); kim_editor and
 * kim_admin see and write every row. The record's owner is not held by the policies (PostgreSQL's rule for
 * a table's owner), so that {@code init}, {@code copy} and {@code bench generate} run by the owner see
 * the whole record.
 *
 * <p>A child row's policy asks whether its incident is visible, {@code EXISTS} on {@code incidents}, which
 * is itself under the viewer's policy: one rule for every table. incident_points, which the map's index
 * reads whole (millions of rows), carries its incident's mark itself ({@code incident_points.restricted},
 * kept by the server), so that its policy is a column's value and not a join: a semi-join of ten million
 * ids does not fit the server's working memory, and would become a look-up per row. History outlives a
 * deleted incident, so its rows ask the function {@code kim_restricted}, which reads the incidents as the
 * record's owner, and the version's own tags.
 */
final class PgRowSecurity {

    /** The tables whose rows belong to one incident, with the condition that it is visible to the reader. */
    private static final Map<String, String> CHILDREN = Map.of(
            "incident_sources", "EXISTS (SELECT 1 FROM incidents i WHERE i.uuid = incident_sources.incident_uuid)",
            "claims", "EXISTS (SELECT 1 FROM incidents i WHERE i.uuid = claims.incident_uuid)",
            "incident_points", "NOT restricted",
            "event_members", "EXISTS (SELECT 1 FROM incidents i WHERE i.uuid = event_members.incident_uuid)",
            "incident_aliases", "EXISTS (SELECT 1 FROM incidents i WHERE i.uuid = incident_aliases.incident_uuid)",
            "not_duplicates", "EXISTS (SELECT 1 FROM incidents i WHERE i.uuid = not_duplicates.uuid_a)"
                    + " AND EXISTS (SELECT 1 FROM incidents i WHERE i.uuid = not_duplicates.uuid_b)",
            "kim_history", "NOT kim_restricted(incident_uuid)"
                    + " AND NOT kim_tagged_restricted(ARRAY(SELECT jsonb_array_elements_text(record -> 'tags')))");

    private static final List<String> TABLES = List.of("incidents", "incident_sources", "claims", "incident_points",
            "event_members", "incident_aliases", "not_duplicates", "kim_history");

    /**
     * Whether these tags mark an incident restricted, as the server's {@code kim_tagged_restricted} reads
     * them (a tag "restricted" in any case, spaces around it ignored): for a writer that gives
     * incident_points its mark itself.
     */
    static boolean tagged(List<String> tags) {
        for (String t : tags) {
            if (t != null && t.replaceAll("^ +| +$", "").toLowerCase(Locale.ROOT).equals("restricted")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an incident is restricted now, read as the function's owner (the record's), whom the policies do
     * not hold; false for an id the record does not have. Only the kim roles may call it.
     */
    private static final String RESTRICTED_FUNCTION = """
            CREATE FUNCTION kim_restricted(wanted text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
              SET search_path FROM CURRENT AS $$
              SELECT EXISTS (SELECT 1 FROM incidents WHERE uuid = wanted AND restricted)
            $$""";

    private PgRowSecurity() {
    }

    /** Turns row-level security on for the tables (no one but the owner sees a row until {@link #policies}). */
    static void enable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(RESTRICTED_FUNCTION);
            s.execute("REVOKE ALL ON FUNCTION kim_restricted(text) FROM PUBLIC");
            for (String table : TABLES) {
                // Table names are this class's constants.
                s.execute("ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY");
            }
        }
    }

    /** Makes the policies anew (the roles exist), in the caller's transaction. */
    static void policies(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("GRANT EXECUTE ON FUNCTION kim_restricted(text) TO kim_viewer, kim_editor, kim_admin");
            for (String table : TABLES) {
                String visible = table.equals("incidents") ? "NOT restricted" : CHILDREN.get(table);
                s.execute("DROP POLICY IF EXISTS kim_viewer_unrestricted ON " + table);
                s.execute("DROP POLICY IF EXISTS kim_editor_all ON " + table);
                s.execute("CREATE POLICY kim_viewer_unrestricted ON " + table + " FOR SELECT TO kim_viewer USING ("
                        + visible + ")");
                s.execute("CREATE POLICY kim_editor_all ON " + table + " TO kim_editor, kim_admin USING (true)"
                        + " WITH CHECK (true)");
            }
        }
    }
}
