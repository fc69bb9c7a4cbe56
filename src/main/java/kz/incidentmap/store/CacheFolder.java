package kz.incidentmap.store;

import java.nio.file.Path;

/**
 * The folder for files the app can always make again: {@code $XDG_CACHE_HOME/kz-incident-map}, or
 * {@code ~/.cache/kz-incident-map}. Nothing in it is ever the only copy of anything.
 */
public final class CacheFolder {

    private CacheFolder() {
    }

    /** The folder (which may not exist yet), or null when the user has no home folder. */
    public static Path root() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "kz-incident-map");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "kz-incident-map");
    }
}
