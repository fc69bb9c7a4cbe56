package kz.incidentmap.exchange;

import java.util.List;
import kz.incidentmap.store.IncidentStore;

/**
 * What an import did.
 *
 * @param file the file read
 * @param format its format
 * @param records records found in the file
 * @param merged what the store did with the valid ones (added, updated, unchanged)
 * @param skipped problems of the records left out (only with "import the valid ones")
 * @param warnings doubts about imported records (a point outside Kazakhstan)
 * @param copies local copies of sources added (a GeoPackage carries them; other formats do not)
 */
public record ImportReport(String file, ExchangeFormat format, int records, IncidentStore.MergeResult merged,
        List<ImportProblem> skipped, List<ImportProblem> warnings, int copies) {

    public ImportReport {
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    /** A report of an import that brought no copies of sources. */
    public ImportReport(String file, ExchangeFormat format, int records, IncidentStore.MergeResult merged,
            List<ImportProblem> skipped, List<ImportProblem> warnings) {
        this(file, format, records, merged, skipped, warnings, 0);
    }

    /** The same report with the number of copies of sources the import added. */
    public ImportReport withCopies(int added) {
        return new ImportReport(file, format, records, merged, skipped, warnings, added);
    }

    /** One line: "file: 12 records: 10 added, 1 updated, 0 unchanged, 1 skipped". */
    public String summary() {
        return file + ": " + records + " records: " + merged.added() + " added, " + merged.updated() + " updated, "
                + merged.unchanged() + " unchanged, " + skipped.size() + " skipped"
                + (copies == 0 ? "" : ", " + copies + " cop" + (copies == 1 ? "y" : "ies") + " of sources added");
    }
}
