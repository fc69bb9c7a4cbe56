package kz.incidentmap.view;

import javafx.concurrent.Task;
import kz.incidentmap.exchange.Progress;

/**
 * A JavaFX task that is also the {@link Progress} of the import or export it runs: progress goes to the
 * task's progress property (for the bar), and the work sees the task's Cancel.
 */
abstract class ProgressTask<T> extends Task<T> implements Progress {

    /** Worker thread. */
    @Override
    public void report(long done, long total) {
        updateProgress(done, total);
    }
}
