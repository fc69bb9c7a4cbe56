package kz.incidentmap.sync;

/**
 * The steps of making a server's local copy, which the first opening of a window waits for (tens of
 * seconds for a few hundred thousand incidents): a window says each as it comes.
 */
public enum CopyStep {
    /** The whole record read from the server. */
    READING,
    /** The copy written, under a temporary name. */
    WRITING,
    /** The copy read back for what each incident was based on. */
    CHECKING;

    /** Told each step as it starts, with about how many incidents the record holds (-1: not known). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (step, incidents) -> { };

        void step(CopyStep step, long incidents);
    }
}
