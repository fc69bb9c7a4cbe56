package kz.incidentmap.osm;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import kz.incidentmap.model.StreetLayer;

/**
 * What an import read, made and left out.
 *
 * @param file the file read
 * @param nodes nodes read
 * @param ways ways read
 * @param relations relations read
 * @param features features made, per street layer
 * @param multipolygons multipolygon relations assembled into areas
 * @param skippedRelations multipolygon relations left out because no ring closed
 * @param missingMembers member ways of multipolygons that were not in the file (or not whole)
 * @param waysWithMissingNodes drawn ways that referred to nodes not in the file
 * @param seconds wall time of the import
 * @param boundaries the administrative boundaries and settlements made, and the extract's date
 */
public record ImportReport(Path file, long nodes, long ways, long relations, Map<StreetLayer, Integer> features,
        int multipolygons, int skippedRelations, int missingMembers, int waysWithMissingNodes, double seconds,
        Boundaries boundaries) {

    /**
     * The administrative part of an import.
     *
     * @param oblasts level-4 boundaries stored (oblasts and cities of republican significance)
     * @param districts level-6 boundaries stored
     * @param skipped boundaries of those levels left out: a member way missing from the extract, or a gap
     *        between their ways
     * @param places settlements (city, town, village) stored
     * @param extractDate the extract's day: its header's, its newest element's, or the file's
     */
    public record Boundaries(int oblasts, int districts, int skipped, int places, LocalDate extractDate) {
    }

    public ImportReport {
        features = Map.copyOf(new EnumMap<>(features));
    }

    public long elements() {
        return nodes + ways + relations;
    }

    public double elementsPerSecond() {
        return seconds > 0 ? elements() / seconds : 0;
    }

    public int featureCount() {
        return features.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** A few lines for the command line and the import dialog. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: read %,d nodes, %,d ways, %,d relations in %.1f s (%,.0f elements/s)%n",
                file.getFileName(), nodes, ways, relations, seconds, elementsPerSecond()));
        sb.append("stored:");
        for (StreetLayer l : StreetLayer.values()) {
            sb.append(String.format(Locale.ROOT, " %s %,d", l.table(), features.getOrDefault(l, 0)));
        }
        sb.append(System.lineSeparator());
        sb.append(String.format(Locale.ROOT, "multipolygons assembled %,d, skipped %,d (no closed ring);"
                + " missing member ways %,d; ways with missing nodes %,d",
                multipolygons, skippedRelations, missingMembers, waysWithMissingNodes));
        sb.append(System.lineSeparator());
        sb.append(String.format(Locale.ROOT, "boundaries: oblasts %,d, districts %,d, skipped %,d (a member way missing"
                + " or a gap); places %,d; extract of %s", boundaries.oblasts(), boundaries.districts(),
                boundaries.skipped(), boundaries.places(), boundaries.extractDate()));
        return sb.toString();
    }
}
