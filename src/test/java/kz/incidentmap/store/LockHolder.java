package kz.incidentmap.store;

import java.nio.file.Path;

/**
 * A second copy of the application for {@link StoreLockTest}: opens the store named by its argument
 * for editing, says "open" on standard output, and keeps it open until its standard input closes.
 */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (IncidentStore store = IncidentStore.open(Path.of(args[0]))) {
            System.out.println("open " + store.count());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our input
            }
        }
    }
}
