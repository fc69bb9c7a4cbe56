package kz.incidentmap.osm;

/**
 * Where an import is, and whether the user asked it to stop. Called on the importing thread.
 */
public interface ImportProgress {

    /** Nothing to report, never cancelled. */
    ImportProgress NONE = new ImportProgress() {
        @Override
        public void update(double fraction, String phase) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /**
     * @param fraction 0..1 of the whole import
     * @param phase what is being done, for a status line
     */
    void update(double fraction, String phase);

    /** Polled while reading; when true the import stops with a {@link java.util.concurrent.CancellationException}. */
    boolean cancelled();
}
