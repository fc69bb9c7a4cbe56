package kz.incidentmap.view;

import javafx.concurrent.Task;
import kz.incidentmap.exchange.Progress;

/**
 * A JavaFX task that is also the {@link Progress} of the import or export it runs: progress goes to the
 * task's progress property (for the bar), and the work sees the task's Cancel until it commits; a Cancel
 * after that is refused, so the task ends as what happened (succeeded), never as cancelled.
 */
abstract class ProgressTask<T> extends Task<T> implements Progress {

    private final Object commitLock = new Object();
    private boolean committed;

    /** Worker thread. */
    @Override
    public void report(long done, long total) {
        updateProgress(done, total);
    }

    /** Worker thread. */
    @Override
    public boolean commit() {
        synchronized (commitLock) {
            if (isCancelled()) {
                return false;
            }
            committed = true;
            return true;
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        synchronized (commitLock) {
            return !committed && super.cancel(mayInterruptIfRunning);
        }
    }
}
