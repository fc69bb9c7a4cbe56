package kz.incidentmap.view;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;

/**
 * Where a starting window notes when its preview and its first map frame reached the screen, as the
 * wall clock's milliseconds: the file {@value #VARIABLE} names, for {@code bench}'s
 * {@code window_first_frame_ms}, which counts them from the moment it launched the window (the process's
 * own start time is known to the second only on Linux). Nothing is noted when the variable is unset,
 * as for every user.
 */
final class StartupLog {

    /** The environment variable naming the file. */
    static final String VARIABLE = "KIM_STARTUP_LOG";

    private final Path file;

    private StartupLog(Path file) {
        this.file = file;
    }

    /** The log {@code env} asks for; one that notes nothing otherwise. */
    static StartupLog of(Map<String, String> env) {
        String named = env.get(VARIABLE);
        return new StartupLog(named == null || named.isBlank() ? null : Path.of(named));
    }

    /** Notes that {@code what} ("preview", "frame") happened now; a file that cannot be written is let be. */
    void note(String what) {
        if (file == null) {
            return;
        }
        long ms = System.currentTimeMillis();
        try {
            Files.writeString(file, String.format(Locale.ROOT, "%s %d%n", what, ms), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // A measurement's file: the window goes on without it, and the bench reports none.
        }
    }
}
