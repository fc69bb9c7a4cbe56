package kz.incidentmap.exchange;

/**
 * How a long import or export reports how far it is and learns that the user cancelled. Called on the
 * thread doing the work.
 */
public interface Progress {

    /** Does nothing and never cancels. */
    Progress NONE = new Progress() {
        @Override
        public void report(long done, long total) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    void report(long done, long total);

    /**
     * How many of {@code total} checked records have been written so far, inside the import's one
     * transaction. Only a long import calls it; by default it says nothing.
     */
    default void written(long done, long total) {
    }

    boolean isCancelled();

    /**
     * The work is about to become permanent (a file moved into place, a transaction committed): true when it
     * may, and from then on a cancel no longer takes; false when the user has cancelled. Without it, a cancel
     * arriving between the last check and the commit would report "nothing was written" over a written file.
     */
    default boolean commit() {
        return !isCancelled();
    }
}
