package kz.incidentmap.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.incidentmap.Main;

/**
 * Runs a command of this application in a fresh JVM with the same Java, class path and class-data
 * options, for figures that must include JVM start-up and class loading (first frame, a snapshot from
 * process start). A bench started through the launcher thus measures children started as the launcher
 * starts the app, with its class-data archive; one started with plain {@code java -jar}, children
 * without it.
 */
final class ChildJvm {

    /**
     * What a child printed, how long it ran (wall clock from just before starting it) and its peak resident
     * memory in MiB (-1 where it cannot be read).
     */
    record Outcome(int exitCode, String out, double wallMs, double peakResidentMb) {
    }

    private static final long TIMEOUT_MINUTES = 10;

    private ChildJvm() {
    }

    static Outcome run(List<String> args) throws IOException, InterruptedException {
        return run(List.of(), args);
    }

    /** {@link #run(List)} with these options of the JVM's own (a bound on the heap, say). */
    static Outcome run(List<String> jvmOptions, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(classDataOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Djava.awt.headless=true");
        command.add(Main.class.getName());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p = pb.start();
        PeakResident peak = PeakResident.of(p);
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("child JVM " + args + " did not finish within " + TIMEOUT_MINUTES + " minutes");
        }
        peak.close();
        double ms = (System.nanoTime() - t0) / 1e6;
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("child JVM " + args + " failed with exit code " + p.exitValue() + ": " + text.strip());
        }
        return new Outcome(p.exitValue(), text, ms, peak.peakMb());
    }

    /**
     * Those of a JVM's options that choose and report on its class-data archive. Only these: a
     * debugger's or profiler's agent, say, must not be started again in every child.
     */
    static List<String> classDataOptions(List<String> jvmOptions) {
        return jvmOptions.stream()
                .filter(o -> o.startsWith("-XX:SharedArchiveFile=") || o.startsWith("-Xshare:") || o.startsWith("-Xlog:cds"))
                .toList();
    }
}
