package kz.incidentmap.view;

import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.store.pg.ServerAddress;

/**
 * The servers the window was opened on lately, newest first, kept in the window's settings as
 * addresses only ({@code postgresql://user@host:port/db}): an address never holds a password
 * ({@link ServerAddress#parse} refuses one), so none is ever written.
 */
final class RecentServers {

    static final int KEPT = 8;
    private static final String KEY = "servers.recent";

    private final WindowSettings settings;

    RecentServers(WindowSettings settings) {
        this.settings = settings;
    }

    List<String> all() {
        List<String> kept = new ArrayList<>();
        for (String text : settings.get(KEY).orElse("").split("\\s+")) {
            try {
                if (!text.isBlank()) {
                    kept.add(ServerAddress.parse(text).uri());
                }
            } catch (IllegalArgumentException e) {
                // an entry edited by hand into something else is left out
            }
        }
        return kept;
    }

    /** Puts {@code address} first; the caller saves the settings. */
    void opened(ServerAddress address) {
        List<String> now = new ArrayList<>(List.of(address.uri()));
        all().stream().filter(a -> !a.equals(address.uri())).limit(KEPT - 1).forEach(now::add);
        settings.put(KEY, String.join(" ", now));
    }
}
