package kz.incidentmap.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.SavedView;
import kz.incidentmap.model.Source;
import kz.incidentmap.model.Vocabulary;

/**
 * A GeoPackage file as a {@link RecordStore}: reads through {@link IncidentStore} opened for viewing
 * (no lock, so a record open in the window can be copied), and writes a whole record only into a new
 * file, built beside it in one transaction and linked into place when complete, as every new store is.
 */
public final class GeoPackageRecords implements RecordStore {

    private final Path file;
    private IncidentStore open;

    private GeoPackageRecords(Path file) {
        this.file = file;
    }

    /** The store in {@code file}; nothing is opened until it is read. */
    public static GeoPackageRecords at(Path file) {
        return new GeoPackageRecords(file);
    }

    @Override
    public String where() {
        return file.toString();
    }

    @Override
    public void ensureSchema() throws StoreException {
        if (!Files.exists(file)) {
            IncidentStore.createEmpty(file);
        } else {
            // Opening for editing upgrades an older file (with its backup) and refuses a newer one.
            IncidentStore.open(file).close();
        }
    }

    private synchronized IncidentStore store() throws StoreException {
        if (open == null) {
            open = IncidentStore.openForViewing(file);
        }
        return open;
    }

    @Override
    public List<Incident> incidents() throws StoreException {
        return store().all();
    }

    @Override
    public List<Source> sources() throws StoreException {
        // Every source has a title, so an empty search text finds them all.
        return store().sources("", Integer.MAX_VALUE);
    }

    @Override
    public List<SavedView> views() throws StoreException {
        return store().views();
    }

    @Override
    public Vocabulary vocabulary() throws StoreException {
        return store().vocabulary();
    }

    /** Everything {@link #writeAll} takes, with the tables carried row by row. */
    @Override
    public WholeRecord whole() throws StoreException {
        IncidentStore s = store();
        return new WholeRecord(sources(), incidents(), views(), vocabulary().added(), s.carriedTables());
    }

    /**
     * Writes the record into a new file: an existing one is refused and left alone. The sub-types the
     * record added keep their numbers (incident_points holds them), so they are written first.
     */
    @Override
    public void writeAll(WholeRecord record) throws StoreException {
        if (Files.exists(file)) {
            throw StoreException.of(file, "already exists; a record is copied only into a new GeoPackage"
                    + " (choose a new file name; nothing was changed)");
        }
        String now = IncidentWriter.timestamp(Instant.now());
        StoreCreator.create(file, false, c -> {
            for (IncidentSubType sub : record.addedSubTypes()) {
                VocabularyTable.write(c, sub);
            }
            try (IncidentWriter w = new IncidentWriter(c); BulkIncidentInserter bulk = new BulkIncidentInserter(c, true)) {
                for (Source s : record.sources()) {
                    w.insertSource(s);
                }
                for (Incident i : record.incidents()) {
                    bulk.add(i, stamp(i.created(), now), stamp(i.updated(), now));
                }
                bulk.finish();
            }
            for (SavedView v : record.views()) {
                SavedViews.save(c, v);
            }
            CarriedTableWriter.write(c, record.tables());
        });
        if (!Files.exists(file)) {
            throw StoreException.of(file, "could not be created");
        }
    }

    private static String stamp(Instant when, String now) {
        return when == null ? now : IncidentWriter.timestamp(when);
    }

    @Override
    public synchronized void close() {
        if (open != null) {
            open.close();
            open = null;
        }
    }
}
