package kz.incidentmap.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.StoreException;

/**
 * An import as one step of the edit history: undo removes the incidents it added and puts back the
 * stored versions it replaced, redo writes the imported versions again, each in one transaction. It is
 * built from the store's records before and after the import, so it exists only for stores and imports
 * within {@link #LIMIT} records: above that the window clears the history instead (and says so), since
 * an undo that overwrote what the import wrote would be worse than none.
 */
public final class ImportIncidents implements EditCommand {

    /** The most incidents a store may hold (and an import change) for the import to be undoable. */
    public static final int LIMIT = 20_000;

    private final String label;
    private final List<String> added;
    private final List<Incident> replaced;
    private final List<Incident> imported;

    private ImportIncidents(String label, List<String> added, List<Incident> replaced, List<Incident> imported) {
        this.label = label;
        this.added = List.copyOf(added);
        this.replaced = List.copyOf(replaced);
        this.imported = List.copyOf(imported);
    }

    /**
     * The step that takes the store from {@code before} to {@code after} (every stored incident by id,
     * read just before and just after the import of {@code file}).
     */
    public static ImportIncidents of(String file, Map<String, Incident> before, List<Incident> after) {
        List<String> added = new ArrayList<>();
        List<Incident> replaced = new ArrayList<>();
        List<Incident> imported = new ArrayList<>();
        for (Incident now : after) {
            Incident was = before.get(now.id());
            if (was == null) {
                added.add(now.id());
                imported.add(now);
            } else if (!was.equals(now)) {
                replaced.add(was);
                imported.add(now);
            }
        }
        String label = "Import " + Objects.requireNonNull(file, "file") + " (" + added.size() + " added, "
                + replaced.size() + " updated)";
        return new ImportIncidents(label, added, replaced, imported);
    }

    /** Whether the import changed anything (an import of records the store already holds did not). */
    public boolean changedAnything() {
        return !imported.isEmpty();
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Incident apply(EditService service) throws StoreException {
        service.restore(List.of(), imported);
        return null;
    }

    @Override
    public Incident undo(EditService service) throws StoreException {
        service.restore(added, replaced);
        return null;
    }

    @Override
    public String incidentId() {
        return null;
    }

    @Override
    public boolean changesMany() {
        return true;
    }
}
