package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;

/**
 * Writes into the store's vocabulary a sub-type that a record being written uses and the store has not
 * kept yet (one an import met for the first time), in the record's own transaction: a record is never
 * stored with a sub-type the file cannot name. One per writer; each sub-type is written once.
 */
final class AddedSubTypes {

    private final Connection c;
    private final Set<String> kept = new HashSet<>();

    AddedSubTypes(Connection c) {
        this.c = c;
    }

    void keep(Incident i) throws SQLException {
        IncidentSubType sub = i.subType();
        if (sub != null && !sub.builtIn() && kept.add(sub.code())) {
            VocabularyTable.write(c, sub);
        }
    }
}
