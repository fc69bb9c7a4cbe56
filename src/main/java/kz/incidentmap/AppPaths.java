package kz.incidentmap;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shipped map data and the user's incident store live. The app runs from the repository
 * root ({@code maps/}, {@code data/}); started from elsewhere it looks beside the jar's folder.
 *
 * @param mapsDir folder of the reference geography
 * @param dataDir folder of the curated records and the default store
 */
public record AppPaths(Path mapsDir, Path dataDir) {

    /** The default store: created from {@link #seedFile()} on first start, then the user's own. */
    public Path defaultStore() {
        return dataDir.resolve("incidents.gpkg");
    }

    public Path seedFile() {
        return dataDir.resolve("incidents.json");
    }

    /** Finds {@code maps/} and {@code data/} in the working directory or above the jar. */
    public static AppPaths locate() {
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isDirectory(cwd.resolve("maps"))) {
            return new AppPaths(cwd.resolve("maps"), cwd.resolve("data"));
        }
        try {
            Path jar = Path.of(AppPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve("maps"))) {
                    return new AppPaths(dir.resolve("maps"), dir.resolve("data"));
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the working directory, whose missing maps/ will be reported on load
        }
        return new AppPaths(cwd.resolve("maps"), cwd.resolve("data"));
    }
}
