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

    boolean isCancelled();
}
