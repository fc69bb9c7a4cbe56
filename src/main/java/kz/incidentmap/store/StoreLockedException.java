package kz.incidentmap.store;

/** The store is open for editing elsewhere (see {@link StoreLock}); it can still be opened for viewing. */
public final class StoreLockedException extends StoreException {

    private static final long serialVersionUID = 1L;

    public StoreLockedException(String message) {
        super(message);
    }
}
