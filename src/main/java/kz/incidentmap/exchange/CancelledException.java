package kz.incidentmap.exchange;

/** The user cancelled an import or export; nothing was written. */
public final class CancelledException extends Exception {

    private static final long serialVersionUID = 1L;

    public CancelledException(String message) {
        super(message);
    }
}
