package kz.incidentmap.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Tells a full disk from other write failures, and says so in words that name the disk's file and the
 * room a write needs. SQLite reports a full disk as {@code SQLITE_FULL}, the JDK as an IOException
 * "No space left on device"; either may surface wrapped, or hidden behind the failure of the rollback
 * that followed it.
 */
public final class DiskSpace {

    private static final long MB = 1024 * 1024;

    private DiskSpace() {
    }

    /** Whether {@code e}, or anything that caused it or was suppressed by it, is a full disk. */
    public static boolean isFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException se && (se.getResultCode() == SQLiteErrorCode.SQLITE_FULL
                    || String.valueOf(se.getMessage()).contains("database or disk is full"))) {
                return true;
            }
            if (t instanceof IOException && String.valueOf(t.getMessage()).contains("No space left on device")) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (isFull(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The message for a write to {@code file} that ran out of room: "no space left on the disk holding
     * FILE (needed about N MB, M MB free): cannot WHAT; nothing was changed". {@code neededBytes} is the
     * caller's estimate, 0 when it has none. Make it once what the failed write held is gone, so that
     * the room it tells is the room there is.
     */
    public static StoreException full(Path file, long neededBytes, String what, Throwable cause) {
        return full(file, neededBytes, what, "nothing was changed", cause);
    }

    /** {@link #full(Path, long, String, Throwable)} with the outcome told ("nothing was written"). */
    public static StoreException full(Path file, long neededBytes, String what, String outcome, Throwable cause) {
        return new StoreException("no space left on the disk holding " + file + " (" + room(file, neededBytes)
                + "): cannot " + what + "; " + outcome, cause);
    }

    /**
     * Refuses, before anything is written, a write that is estimated to need more room than the disk
     * holding {@code file} has free. A write estimated to fit may still run out (the estimate is rough,
     * and other programs write too): that is caught as it happens.
     */
    public static void requireRoom(Path file, long neededBytes, String what) throws StoreException {
        requireRoom(file, neededBytes, what, "nothing was changed");
    }

    /** {@link #requireRoom(Path, long, String)} with the outcome told ("nothing was written"). */
    public static void requireRoom(Path file, long neededBytes, String what, String outcome) throws StoreException {
        long free = free(file);
        if (neededBytes > 0 && free >= 0 && free < neededBytes) {
            throw new StoreException("not enough space on the disk holding " + file + " (" + room(file, neededBytes)
                    + "): cannot " + what + "; " + outcome);
        }
    }

    /** A store exception for {@code e}, which failed a write of {@code what} to {@code file}. */
    static StoreException failure(Path file, String what, SQLException e, long neededBytes) {
        if (isFull(e)) {
            return full(file, neededBytes, what, e);
        }
        return StoreConnections.failure(file, "cannot " + what + " (nothing was changed)", e);
    }

    /**
     * "needed about N MB, M MB free"; when the estimate is no more than what is free (a write that ran
     * out anyway: the estimate was short), "needed more than the M MB free".
     */
    private static String room(Path file, long neededBytes) {
        long free = free(file);
        String freeText = free < 0 ? "" : String.format(Locale.ROOT, "%,d MB free", free / MB);
        if (neededBytes <= 0 || free >= 0 && neededBytes <= free) {
            return free < 0 ? "no room left" : "needed more than the " + freeText;
        }
        String needed = String.format(Locale.ROOT, "needed about %,d MB", Math.max(1, (neededBytes + MB - 1) / MB));
        return freeText.isEmpty() ? needed : needed + ", " + freeText;
    }

    /** Bytes free to this user on the disk holding {@code file} (or its folder); -1 when unknown. */
    static long free(Path file) {
        Path p = file.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        try {
            return p == null ? -1 : Files.getFileStore(p).getUsableSpace();
        } catch (IOException | SecurityException e) {
            return -1;
        }
    }
}
