package kz.incidentmap.view;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import kz.incidentmap.store.pg.ServerAddress;

/**
 * Starts another run of this application, with the same Java and class path, showing a window on a
 * server. It inherits the environment, so PGPASSWORD, PGPASSFILE and PGOPTIONS hold for it as for this
 * one; the address it is given holds no password.
 */
final class ServerWindows {

    private ServerWindows() {
    }

    static void open(ServerAddress address) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), "kz.incidentmap.Main",
                "--db", address.uri())).inheritIO().start();
    }
}
