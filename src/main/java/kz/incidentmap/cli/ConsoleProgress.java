package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.util.Locale;
import kz.incidentmap.exchange.Progress;
import kz.incidentmap.osm.ImportProgress;

/**
 * Progress of a long import on the error stream. A records import prints a line at every tenth of the
 * reading and checking (counted in bytes for CSV, which is written while it is read, in characters for
 * GeoJSON and KML, so it is said as a share), then, for the formats read whole first, every 50,000
 * records written; only when the file is large enough to take a while. A street import rewrites one
 * line with its phase and percentage; {@link #endLine()} ends that line, so that what is printed next
 * (the summary, or an error) starts on a line of its own. Safe to call from the reading and the writing
 * thread. Never cancels.
 */
final class ConsoleProgress implements Progress, ImportProgress {

    /** Below this many units read (bytes, characters: a megabyte) an import is quick: nothing is printed. */
    static final long QUIET_BELOW = 1_000_000;
    /** Below this many records to write, writing is quick: nothing is printed. */
    static final long QUIET_BELOW_RECORDS = 50_000;

    private final PrintWriter err;
    private final String what;
    private long nextStep;
    private int lastPercent = -1;
    /** Whether the phase line has been started and not yet ended. */
    private boolean lineOpen;

    ConsoleProgress(PrintWriter err, String what) {
        this.err = err;
        this.what = what;
    }

    @Override
    public synchronized void report(long done, long total) {
        if (total < QUIET_BELOW || done < nextStep) {
            return;
        }
        long step = Math.max(1, total / 10);
        nextStep = (done / step + 1) * step;
        err.printf(Locale.ROOT, "%s: %d%% read and checked%n", what, done * 100 / total);
        err.flush();
    }

    @Override
    public synchronized void written(long done, long total) {
        if (total < QUIET_BELOW_RECORDS) {
            return;
        }
        err.printf(Locale.ROOT, "%s: %,d of %,d records written%n", what, done, total);
        err.flush();
    }

    /** A street import's phase and percentage, on one line rewritten at most every whole per cent. */
    @Override
    public synchronized void update(double fraction, String phase) {
        int percent = (int) Math.floor(fraction * 100);
        if (percent != lastPercent) {
            lastPercent = percent;
            err.print(String.format(Locale.ROOT, "\r%-28s %3d%%", phase, percent));
            err.flush();
            lineOpen = true;
        }
    }

    /** Ends the phase line, if one was started: called when the import ends, however it ends. */
    synchronized void endLine() {
        if (lineOpen) {
            err.println();
            err.flush();
            lineOpen = false;
        }
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public boolean cancelled() {
        return false;
    }
}
