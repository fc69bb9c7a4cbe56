package kz.incidentmap.sync;

import java.util.Optional;
import java.util.OptionalInt;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.StoreException;
import kz.incidentmap.store.pg.PgRecords;

/**
 * Writes one pending incident of the local copy to the server over the version the copy was based on
 * ({@code UPDATE … WHERE id = ? AND version = ?}): an addition as a new incident, an edit as the next
 * version, a deletion as a delete. When the server's version is no longer that one, nothing is written
 * and the change stays pending: the result is the conflict, with the server's record as it now is.
 */
final class ChangePusher {

    private ChangePusher() {
    }

    /** Pushes the incident if it is pending; empty when it is on the server now (or was not pending). */
    static Optional<Conflict> push(ServerReplica replica, PgRecords server, String id) throws StoreException {
        if (!replica.isPending(id)) {
            return Optional.empty();
        }
        Optional<Incident> mine = replica.local(id);
        Optional<Integer> base = replica.baseVersion(id);
        if (mine.isPresent() && base.isEmpty()) {
            OptionalInt written = server.insert(mine.get());
            if (written.isPresent()) {
                replica.onServer(id, written.getAsInt());
                return Optional.empty();
            }
        } else if (mine.isPresent()) {
            OptionalInt written = server.update(mine.get(), base.get());
            if (written.isPresent()) {
                replica.onServer(id, written.getAsInt());
                return Optional.empty();
            }
        } else if (server.delete(id, base.orElseThrow())) {
            replica.onServer(id, 0);
            return Optional.empty();
        }
        return Optional.of(new Conflict(id, mine.orElse(null), server.incident(id).orElse(null)));
    }
}
