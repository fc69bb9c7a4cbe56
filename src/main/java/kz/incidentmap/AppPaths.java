package kz.incidentmap;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shipped map data and the user's incident store live. The app runs from the repository
 * root ({@code maps/}, {@code data/}); started from elsewhere it looks beside the jar's folder. Installed
 * from a package (its launcher sets {@code jpackage.app-path}) the shipped folders are read-only, so the
 * user's store lives in the user's data folder, {@code $XDG_DATA_HOME/kz-incident-map}
 * ({@code ~/.local/share/kz-incident-map} by default), never inside the installation.
 *
 * @param mapsDir folder of the reference geography
 * @param dataDir folder of the curated records
 * @param storeDir folder of the default store (the data folder, or the user's when installed)
 */
public record AppPaths(Path mapsDir, Path dataDir, Path storeDir) {

    /** The shipped folders, the store beside the curated records (the repository and a built jar). */
    public AppPaths(Path mapsDir, Path dataDir) {
        this(mapsDir, dataDir, dataDir);
    }

    /** The default store: created from {@link #seedFile()} on first start, then the user's own. */
    public Path defaultStore() {
        return storeDir.resolve("incidents.gpkg");
    }

    /**
     * The same shipped folders with the store in the user's data folder when the app runs installed
     * (its launcher says so in {@code jpackage.app-path}); else unchanged.
     *
     * @param env the environment, for {@code XDG_DATA_HOME}
     * @param userHome the user's home folder
     */
    public AppPaths installed(String appPath, java.util.Map<String, String> env, Path userHome) {
        if (appPath == null || appPath.isBlank()) {
            return this;
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local/share");
        return new AppPaths(mapsDir, dataDir, base.resolve("kz-incident-map"));
    }

    public Path seedFile() {
        return dataDir.resolve("incidents.json");
    }

    /**
     * Finds {@code maps/} and {@code data/} in the working directory or above the jar, with the store in
     * the user's data folder when the app runs installed.
     */
    public static AppPaths locate() {
        // The XDG folders hang from $HOME, which Java's user.home (read from the password file) may not be.
        String home = System.getenv("HOME");
        return found().installed(System.getProperty("jpackage.app-path"), System.getenv(),
                Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home")));
    }

    private static AppPaths found() {
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
