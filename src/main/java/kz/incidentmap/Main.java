package kz.incidentmap;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import kz.incidentmap.cli.Cli;
import kz.incidentmap.layers.MapsAhead;

/**
 * Entry point of the jar. It does not extend {@code javafx.application.Application}, so the JavaFX
 * launcher check does not refuse it on a plain class path; without a command it opens the window.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Before anything else: the map's set-up runs on the other core while picocli parses.
        MapsAhead ahead = StartupPreload.begin(args);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = Cli.run(args, out, err, ahead);
        out.flush();
        err.flush();
        if (code != 0 || args.length > 0) {
            System.exit(code);
        }
    }
}
