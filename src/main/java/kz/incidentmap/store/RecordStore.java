package kz.incidentmap.store;

import java.util.List;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.SavedView;
import kz.incidentmap.model.Source;
import kz.incidentmap.model.Vocabulary;

/**
 * A whole record wherever it is kept, a GeoPackage file ({@link GeoPackageRecords}) or a PostgreSQL
 * server ({@code store.pg}): what listing, exporting and copying a record need of it, and no more. The
 * window and the editing still work on {@link IncidentStore} directly.
 */
public interface RecordStore extends AutoCloseable {

    /** Where the record is, for messages: the file, or {@code user@host:port/db} (never a password). */
    String where();

    /**
     * Creates the store's tables if it has none, or brings them to the current schema version. A store
     * of a newer version is refused with a message saying so, and left as it is.
     */
    void ensureSchema() throws StoreException;

    /** Every incident, with its sources and claims. */
    List<Incident> incidents() throws StoreException;

    /** Every source the store holds, cited or not. */
    List<Source> sources() throws StoreException;

    /** The saved views, by name. */
    List<SavedView> views() throws StoreException;

    /** The sub-types the store knows: the built-in ones and its own. */
    Vocabulary vocabulary() throws StoreException;

    /** Everything {@link #writeAll} takes, as this store holds it now. */
    default WholeRecord whole() throws StoreException {
        return new WholeRecord(sources(), incidents(), views(), vocabulary().added());
    }

    /**
     * Writes a whole record into this store, which must hold no incidents, sources or views yet: all of
     * it in one transaction, so that a failure leaves the store as it was. Creates the tables first
     * where there are none.
     */
    void writeAll(WholeRecord record) throws StoreException;

    @Override
    void close();
}
