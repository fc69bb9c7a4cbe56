package kz.incidentmap.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import kz.incidentmap.Main;

/**
 * The window's start in a fresh JVM, as a user starts it: the same Java, class path and class-data
 * archive as this process, on the display this process has. The window notes when its low-detail
 * preview and its first real frame reached the screen (the file {@code KIM_STARTUP_LOG} names), counted
 * here from the moment it was launched; the window is then ended. It runs with settings of its own (a new window's
 * layout and view, the user's left as they are).
 */
final class WindowStartBench {

    /** When a window started: its preview on the screen and its first frame, ms from its launch. */
    record Start(double previewMs, double frameMs) {
    }

    private static final long WAIT_MS = 60_000;

    private WindowStartBench() {
    }

    /** Whether there is a display to open a window on (an X server named by DISPLAY, or a non-X desktop). */
    static boolean hasDisplay(Map<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        return env.getOrDefault("DISPLAY", "").length() > 0 || env.getOrDefault("WAYLAND_DISPLAY", "").length() > 0;
    }

    /** Starts the window with {@code args} once and returns when it showed its first frame. */
    static Start once(List<String> args) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("bench-window-");
        Path log = dir.resolve("startup.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ChildJvm.classDataOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("KIM_STARTUP_LOG", log.toString());
        pb.environment().put("XDG_CONFIG_HOME", dir.toString());
        long launched = System.currentTimeMillis();
        Process p = pb.start();
        try {
            long until = System.currentTimeMillis() + WAIT_MS;
            while (System.currentTimeMillis() < until) {
                if (!p.isAlive()) {
                    throw new IOException("the window " + args + " ended before its first frame, exit code " + p.exitValue());
                }
                List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
                OptionalDouble frame = figure(lines, "frame");
                if (frame.isPresent()) {
                    double preview = figure(lines, "preview").orElse(frame.getAsDouble());
                    return new Start(preview - launched, frame.getAsDouble() - launched);
                }
                Thread.sleep(20);
            }
            throw new IOException("the window " + args + " showed no map within " + WAIT_MS / 1000 + " s");
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
            try (var left = Files.walk(dir)) {
                left.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** The milliseconds noted for {@code what}, if noted. */
    static OptionalDouble figure(List<String> lines, String what) {
        for (String line : lines) {
            String[] parts = line.strip().split(" ");
            if (parts.length == 2 && parts[0].equals(what)) {
                try {
                    return OptionalDouble.of(Double.parseDouble(parts[1]));
                } catch (NumberFormatException e) {
                    return OptionalDouble.empty();
                }
            }
        }
        return OptionalDouble.empty();
    }
}
