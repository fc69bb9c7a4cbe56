package kz.incidentmap.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.edit.FieldProblem;
import kz.incidentmap.edit.IncidentDraft;
import kz.incidentmap.edit.IncidentValidator;
import kz.incidentmap.model.Incident;

/**
 * What a reader made of a file: the records that passed every check, the problems of those that did
 * not (each naming file, line or feature, field and reason) and the warnings of those that passed.
 * Filled by one reader on one thread.
 */
final class ParsedRecords {

    /** Turns a field problem of a draft into a problem located in the file. */
    interface Locator {
        ImportProblem locate(FieldProblem p);
    }

    final List<Incident> incidents = new ArrayList<>();
    final List<ImportProblem> errors = new ArrayList<>();
    final List<ImportProblem> warnings = new ArrayList<>();
    int records;

    /** Checks one record's draft and files it as a record or as problems. */
    void add(IncidentValidator validator, IncidentDraft draft, Locator locator, LocalDate today) {
        records++;
        IncidentValidator.Result r = validator.check(draft, today);
        for (FieldProblem p : r.problems()) {
            (p.warning() ? warnings : errors).add(locator.locate(p));
        }
        if (r.ok()) {
            incidents.add(r.incident());
        }
    }
}
