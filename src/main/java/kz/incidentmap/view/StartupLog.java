package kz.incidentmap.view;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a starting window notes when its preview and its first map frame reached the screen, in
 * milliseconds from the start of its process: the file {@value #VARIABLE} names, for {@code bench}'s
 * {@code window_first_frame_ms}. Nothing is noted when the variable is unset, as for every user.
 */
final class StartupLog {

    /** The environment variable naming the file. */
    static final String VARIABLE = "KIM_STARTUP_LOG";

    private final Path file;
    private final Instant start;

    StartupLog(Path file, Instant start) {
        this.file = file;
        this.start = start;
    }

    /** The log {@code env} asks for, timed from this process's start; one that notes nothing otherwise. */
    static StartupLog of(Map<String, String> env) {
        String named = env.get(VARIABLE);
        Optional<Instant> started = ProcessHandle.current().info().startInstant();
        if (named == null || named.isBlank() || started.isEmpty()) {
            return new StartupLog(null, null);
        }
        return new StartupLog(Path.of(named), started.get());
    }

    /** Notes that {@code what} ("preview", "frame") happened now; a file that cannot be written is let be. */
    void note(String what) {
        if (file == null) {
            return;
        }
        long ms = Duration.between(start, Instant.now()).toMillis();
        try {
            Files.writeString(file, String.format(Locale.ROOT, "%s %d%n", what, ms), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // A measurement's file: the window goes on without it, and the bench reports none.
        }
    }
}
