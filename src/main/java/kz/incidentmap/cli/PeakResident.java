package kz.incidentmap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peak resident memory of a running process, as Linux keeps it ({@code VmHWM} in
 * {@code /proc/PID/status}), read every few milliseconds on a thread of its own until the process ends:
 * the last reading is its peak but for what the last moments added. Reads nothing where there is no
 * {@code /proc}.
 */
final class PeakResident implements AutoCloseable {

    private static final long EVERY_MS = 20;

    private final Path status;
    private final Thread sampler;
    private volatile long peakKib = -1;

    private PeakResident(Process p) {
        status = Path.of("/proc", Long.toString(p.pid()), "status");
        sampler = new Thread(() -> {
            while (p.isAlive()) {
                read();
                try {
                    Thread.sleep(EVERY_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "peak-resident");
        sampler.setDaemon(true);
    }

    /** Starts following {@code p}. */
    static PeakResident of(Process p) {
        PeakResident r = new PeakResident(p);
        r.sampler.start();
        return r;
    }

    private void read() {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    long kib = Long.parseLong(line.substring(6).replace("kB", "").strip());
                    peakKib = Math.max(peakKib, kib);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The process has ended between two readings (or there is no /proc): the last reading stands.
        }
    }

    /** The peak in MiB, or -1 when it could not be read. */
    double peakMb() {
        return peakKib < 0 ? -1 : peakKib / 1024.0;
    }

    @Override
    public void close() throws InterruptedException {
        sampler.join();
    }
}
