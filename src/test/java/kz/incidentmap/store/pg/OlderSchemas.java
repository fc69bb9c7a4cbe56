package kz.incidentmap.store.pg;

/** Turns a record of the current schema on a test server back into one of an earlier version, as it was then. */
final class OlderSchemas {

    private OlderSchemas() {
    }

    /** Version 2: no row-level security, no restricted column, none of the tables version 3 added. */
    static void toVersion2(ScratchServer.Server server, String database) {
        server.sql(database, """
                DO $$ DECLARE p record; BEGIN
                  FOR p IN SELECT policyname, tablename FROM pg_policies WHERE schemaname = 'public' LOOP
                    EXECUTE format('DROP POLICY %I ON %I', p.policyname, p.tablename);
                  END LOOP;
                END $$""",
                "DROP FUNCTION kim_restricted(text)",
                "DROP TRIGGER incidents_restricted_points ON incidents",
                "DROP FUNCTION kim_points_follow()",
                "DROP TRIGGER incident_points_restricted ON incident_points",
                "DROP FUNCTION kim_point_restricted()",
                "ALTER TABLE incident_points DROP COLUMN restricted",
                "ALTER TABLE incidents DROP COLUMN restricted",
                "DROP FUNCTION kim_tagged_restricted(text[])",
                """
                DO $$ DECLARE t text; BEGIN
                  FOREACH t IN ARRAY ARRAY['incidents', 'incident_sources', 'claims', 'incident_points', 'kim_history']
                  LOOP
                    EXECUTE format('ALTER TABLE %I DISABLE ROW LEVEL SECURITY', t);
                  END LOOP;
                END $$""",
                "DROP TABLE event_members, events, source_copies, kim_my_places, incident_aliases, not_duplicates,"
                        + " osm_roads, osm_buildings, osm_landuse, osm_water, osm_pois, osm_overview_lines,"
                        + " osm_overview_areas, osm_regional_lines, osm_regional_areas, osm_local_lines, osm_local_areas,"
                        + " osm_admin, osm_places",
                "UPDATE kim_schema SET version = 2");
    }
}
