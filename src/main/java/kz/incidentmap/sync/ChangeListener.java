package kz.incidentmap.sync;

import java.util.Map;
import kz.incidentmap.store.StoreException;
import kz.incidentmap.store.pg.PgChanges;
import kz.incidentmap.store.pg.ServerAddress;

/**
 * A daemon thread that listens on a connection of its own for the record's changes and hands the ids
 * heard on; when the connection is lost it says so and connects again, every few seconds, and says when
 * it is back (the changes missed meanwhile are then read in full by the session).
 */
final class ChangeListener implements AutoCloseable {

    /** How long one wait for notifications lasts: also how soon a closed listener notices. */
    private static final int WAIT_MS = 250;
    private static final long RETRY_MS = 2_000;

    /** What the listener tells: ids heard, the connection lost (with why), and connected again. */
    interface Heard {
        void changed(Map<String, Integer> versions);

        void lost(String why);

        void connected(boolean again);
    }

    private final ServerAddress address;
    private final Map<String, String> env;
    private final Heard heard;
    private final Thread thread;
    private volatile boolean stopped;

    ChangeListener(ServerAddress address, Map<String, String> env, Heard heard) {
        this.address = address;
        this.env = env;
        this.heard = heard;
        this.thread = new Thread(this::run, "server changes " + address);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        boolean again = false;
        while (!stopped) {
            try (PgChanges changes = PgChanges.listen(address, env)) {
                heard.connected(again);
                while (!stopped) {
                    Map<String, Integer> versions = changes.await(WAIT_MS);
                    if (!versions.isEmpty()) {
                        heard.changed(versions);
                    }
                }
            } catch (StoreException e) {
                if (stopped) {
                    return;
                }
                heard.lost(e.getMessage());
                pause();
            }
            again = true;
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MS);
        } catch (InterruptedException e) {
            stopped = true;
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
