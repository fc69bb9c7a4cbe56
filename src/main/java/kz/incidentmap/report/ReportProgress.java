package kz.incidentmap.report;

/** Told how far a report has got, and asked whether to stop (the window's Cancel). */
public interface ReportProgress {

    /** Goes unheard and never stops. */
    ReportProgress NONE = new ReportProgress() {
        @Override
        public void at(String what, double fraction) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** {@code what} is being done; {@code fraction} of the whole report (0–1) is done. */
    void at(String what, double fraction);

    boolean cancelled();
}
