package kz.incidentmap.edit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.StoreException;

/**
 * Undo and redo within a session: the commands done so far and those undone. A new change clears what
 * could be redone. A step that fails to save stays where it was, so the history always matches the
 * store. Not thread-safe: one worker thread drives it at a time.
 */
public final class EditHistory {

    /**
     * What a step did.
     *
     * @param command the command done or undone
     * @param incident the record as it now is, or null when it is no longer in the store
     * @param rowBefore the store row id the incident had before the step, or -1 when it had none
     * @param rowAfter the store row id it has now, or -1 when it has none
     */
    public record Step(EditCommand command, Incident incident, long rowBefore, long rowAfter) {
    }

    private final EditService service;
    private final Deque<EditCommand> done = new ArrayDeque<>();
    private final Deque<EditCommand> undone = new ArrayDeque<>();

    public EditHistory(EditService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    /** Does the change and saves it; on failure nothing is recorded and the store is unchanged. */
    public Step execute(EditCommand command) throws StoreException {
        long before = row(command);
        Incident now = command.apply(service);
        done.push(command);
        undone.clear();
        return new Step(command, now, before, row(command));
    }

    /**
     * Records a change already saved by other means (an import) as the latest step, so that it can be
     * undone; what could be redone is dropped, as after any new change.
     */
    public void record(EditCommand done) {
        this.done.push(done);
        undone.clear();
    }

    /** Forgets every step: after a change that cannot be undone, the steps before it cannot be either. */
    public void clear() {
        done.clear();
        undone.clear();
    }

    public Optional<Step> undo() throws StoreException {
        if (done.isEmpty()) {
            return Optional.empty();
        }
        EditCommand c = done.peek();
        long before = row(c);
        Incident now = c.undo(service);
        undone.push(done.pop());
        return Optional.of(new Step(c, now, before, row(c)));
    }

    public Optional<Step> redo() throws StoreException {
        if (undone.isEmpty()) {
            return Optional.empty();
        }
        EditCommand c = undone.peek();
        long before = row(c);
        Incident now = c.apply(service);
        done.push(undone.pop());
        return Optional.of(new Step(c, now, before, row(c)));
    }

    /** The row id of the command's incident now, or -1 when the store does not have it. */
    private long row(EditCommand c) throws StoreException {
        return c.changesMany() ? -1 : service.rowIdOf(c.incidentId()).orElse(-1);
    }

    public Optional<String> undoLabel() {
        return Optional.ofNullable(done.peek()).map(EditCommand::label);
    }

    public Optional<String> redoLabel() {
        return Optional.ofNullable(undone.peek()).map(EditCommand::label);
    }

    public EditService service() {
        return service;
    }
}
