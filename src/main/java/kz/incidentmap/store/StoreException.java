package kz.incidentmap.store;

import java.nio.file.Path;
import java.util.List;

/**
 * A problem with the incident store or with a seed file, told in words a user can act on: the message
 * names the file and says what is wrong with it (for example {@code data/incidents.gpkg: not a SQLite
 * database}). Where several problems were found, {@link #problems()} lists them one by one.
 */
public class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public StoreException(String message) {
        this(message, (Throwable) null);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
    }

    /** One exception for several problems; the message lists them one per line. */
    public StoreException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems given");
        }
        this.problems = List.copyOf(problems);
    }

    /** "file: problem". */
    public static StoreException of(Path file, String problem) {
        return new StoreException(file + ": " + problem);
    }

    /** "file: problem: cause" where the cause's own message adds detail. */
    public static StoreException of(Path file, String problem, Throwable cause) {
        String detail = cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage();
        return new StoreException(file + ": " + problem + detail, cause);
    }

    /** Each problem found, as a complete message naming the file. */
    public List<String> problems() {
        return problems;
    }
}
