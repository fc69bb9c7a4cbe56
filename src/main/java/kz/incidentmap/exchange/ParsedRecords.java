package kz.incidentmap.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kz.incidentmap.edit.FieldProblem;
import kz.incidentmap.edit.IncidentDraft;
import kz.incidentmap.edit.IncidentValidator;
import kz.incidentmap.model.Incident;

/**
 * What a reader made of a file: the records that passed every check, the problems of those that did
 * not (each naming file, line or feature, field and reason) and the warnings of those that passed.
 * Filled by one reader on one thread. The records are kept in {@link #incidents}, or, for a file read
 * as a stream, handed on to a consumer as they pass. A record kept whole whose id an earlier record of
 * the file already has is refused, naming where both are.
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
    /** Rows of a data set that covers other countries too, read past because they lie outside Kazakhstan. */
    int outside;
    private final Consumer<Incident> passed;
    /**
     * Where each record kept so far is, by id; null for a stream, whose reader groups the rows of one id
     * (rows of an id found apart make it read the file whole).
     */
    private final Map<String, String> placeOfId;

    /** Keeps the records in {@link #incidents}. */
    ParsedRecords() {
        this.passed = null;
        this.placeOfId = new HashMap<>();
    }

    /** Hands each record that passes to {@code passed} instead of keeping it. */
    ParsedRecords(Consumer<Incident> passed) {
        this.passed = passed;
        this.placeOfId = null;
    }

    /**
     * Checks one record's draft and files it as a record or as problems.
     *
     * @param where where the record is in the file ({@code file.kml:12 (placemark 1)}), for naming it
     *     when a later record has the same id
     */
    void add(IncidentValidator validator, IncidentDraft draft, String where, Locator locator, LocalDate today) {
        records++;
        IncidentValidator.Result r = validator.check(draft, today);
        if (r.ok() && placeOfId != null) {
            String first = placeOfId.putIfAbsent(r.incident().id(), where);
            if (first != null) {
                errors.add(locator.locate(new FieldProblem("id", "incident " + r.incident().id()
                        + " appears twice in the file; its first record is at " + first, false)));
                return;
            }
        }
        for (FieldProblem p : r.problems()) {
            (p.warning() ? warnings : errors).add(locator.locate(p));
        }
        if (r.ok()) {
            if (passed == null) {
                incidents.add(r.incident());
            } else {
                passed.accept(r.incident());
            }
        }
    }
}
