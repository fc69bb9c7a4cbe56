package kz.incidentmap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the store lives: beside the curated records in the repository, in the user's data folder when installed. */
class AppPathsTest {

    private static final AppPaths SHIPPED = new AppPaths(Path.of("/opt/kim/lib/app/maps"), Path.of("/opt/kim/lib/app/data"));

    @Test
    void inTheRepositoryTheStoreIsBesideTheRecords() {
        assertEquals(Path.of("/opt/kim/lib/app/data/incidents.gpkg"),
                SHIPPED.installed(null, Map.of(), Path.of("/home/u")).defaultStore());
    }

    @Test
    void installedTheStoreIsInTheUsersDataFolder() {
        AppPaths installed = SHIPPED.installed("/opt/kim/bin/kz-incident-map", Map.of(), Path.of("/home/u"));
        assertEquals(Path.of("/home/u/.local/share/kz-incident-map/incidents.gpkg"), installed.defaultStore());
        assertEquals(Path.of("/opt/kim/lib/app/data/incidents.json"), installed.seedFile(), "seeded from the shipped records");
        assertEquals(SHIPPED.mapsDir(), installed.mapsDir());
        assertEquals(Path.of("/data/x/kz-incident-map/incidents.gpkg"), SHIPPED.installed("/opt/kim/bin/kz-incident-map",
                Map.of("XDG_DATA_HOME", "/data/x"), Path.of("/home/u")).defaultStore());
    }
}
