package kz.incidentmap.exchange;

import java.util.List;
import kz.incidentmap.model.IncidentSubType;
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
 * @param newSubTypes the sub-types the file named that the store did not know: added to their family
 * @param outside rows of a worldwide data set (GTD, UCDP) read past because they are about another country
 * @param copies local copies of sources added (a GeoPackage carries them; other formats do not)
 */
public record ImportReport(String file, ExchangeFormat format, int records, IncidentStore.MergeResult merged,
        List<ImportProblem> skipped, List<ImportProblem> warnings, List<IncidentSubType> newSubTypes, int outside,
        int copies) {

    public ImportReport {
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
        newSubTypes = List.copyOf(newSubTypes);
    }

    /** A report of a file that has only rows about Kazakhstan and no copies of sources. */
    public ImportReport(String file, ExchangeFormat format, int records, IncidentStore.MergeResult merged,
            List<ImportProblem> skipped, List<ImportProblem> warnings, List<IncidentSubType> newSubTypes) {
        this(file, format, records, merged, skipped, warnings, newSubTypes, 0, 0);
    }

    /** A report of an import that brought no copies of sources. */
    public ImportReport(String file, ExchangeFormat format, int records, IncidentStore.MergeResult merged,
            List<ImportProblem> skipped, List<ImportProblem> warnings, List<IncidentSubType> newSubTypes,
            int outside) {
        this(file, format, records, merged, skipped, warnings, newSubTypes, outside, 0);
    }

    /** The same report with the number of copies of sources the import added. */
    public ImportReport withCopies(int added) {
        return new ImportReport(file, format, records, merged, skipped, warnings, newSubTypes, outside, added);
    }

    /**
     * One line: "file: 12 records: 10 added, 1 updated, 0 unchanged, 1 skipped", for a worldwide data set
     * ", skipped 40 rows outside Kazakhstan", the copies of sources a store brought (", 3 copies of sources
     * added") and the sub-types added ("; new sub-types: Hijacking (Armed attack)").
     */
    public String summary() {
        return file + ": " + records + " records: " + merged.added() + " added, " + merged.updated() + " updated, "
                + merged.unchanged() + " unchanged, " + skipped.size() + " skipped"
                + (outside > 0 ? ", skipped " + outside + " rows outside Kazakhstan" : "")
                + (copies == 0 ? "" : ", " + copies + " cop" + (copies == 1 ? "y" : "ies") + " of sources added")
                + (newSubTypes.isEmpty() ? "" : "; new sub-types: " + String.join(", ", newSubTypes.stream()
                        .map(s -> s.label() + " (" + s.type().label() + ")").toList()));
    }
}
