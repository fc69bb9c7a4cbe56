package kz.incidentmap.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names for the files the app writes under a temporary name and moves into place when complete (a new
 * store, an export, a page), and the removal of those that a killed process left behind. A part file
 * is hidden, lies beside its target, and carries the id of the process writing it
 * ({@code .NAME.pid-4711.9f3c2a1b.KIND}): one whose process is gone, or whose id now belongs to a
 * process started after the file was last written, is stale. Files named by earlier versions carry no
 * process id; they count as stale once they have not been written for an hour.
 */
public final class PartFiles {

    private static final Pattern OURS = Pattern.compile(
            "^\\..+\\.pid-(\\d+)\\.[0-9a-f]{8}\\.(creating|tmp|part)(-journal)?$");
    /** What earlier versions named their part files: a UUID, or the JDK's random temporary number. */
    private static final Pattern EARLIER = Pattern.compile(
            "^\\..+\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.(creating|tmp)(-journal)?$"
                    + "|^\\.snapshot-\\d+\\..+\\.part$");
    private static final Duration EARLIER_AGE = Duration.ofHours(1);

    private PartFiles() {
    }

    /** A new part-file name beside {@code target}, of this process, for a file of {@code kind}. */
    public static Path beside(Path target, String kind) {
        Path dir = target.toAbsolutePath().getParent();
        String name = "." + target.getFileName() + ".pid-" + ProcessHandle.current().pid() + "."
                + String.format("%08x", ThreadLocalRandom.current().nextInt()) + "." + kind;
        return dir.resolve(name);
    }

    /**
     * Deletes the stale part files in {@code dir}; returns how many. Files that cannot be deleted, and
     * folders that cannot be listed, are left as they are: they are hidden and harmless.
     */
    public static int removeStale(Path dir) {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*")) {
            for (Path f : files) {
                if (stale(f) && Files.deleteIfExists(f)) {
                    removed++;
                }
            }
        } catch (IOException | SecurityException e) {
            // see above
        }
        return removed;
    }

    /** Whether {@code f} is a part file whose writer is gone. */
    static boolean stale(Path f) throws IOException {
        String name = f.getFileName().toString();
        Matcher m = OURS.matcher(name);
        if (m.matches()) {
            Instant written = Files.getLastModifiedTime(f).toInstant();
            Optional<ProcessHandle> writer;
            try {
                writer = ProcessHandle.of(Long.parseLong(m.group(1)));
            } catch (NumberFormatException e) {
                return false;
            }
            return writer.isEmpty() || !writer.get().isAlive()
                    || writer.get().info().startInstant().map(started -> started.isAfter(written)).orElse(false);
        }
        if (EARLIER.matcher(name).matches()) {
            return Files.getLastModifiedTime(f).toInstant().isBefore(Instant.now().minus(EARLIER_AGE));
        }
        return false;
    }
}
