package kz.incidentmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import kz.incidentmap.dedupe.DuplicatePair;
import kz.incidentmap.dedupe.DuplicateRules;
import kz.incidentmap.dedupe.StoredDuplicates;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;
import kz.incidentmap.store.IncidentStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code find-duplicates}: pairs of incidents that may be one event reported twice, with their score and
 * the reasons, best first (see {@link kz.incidentmap.dedupe.DuplicateFinder}); pairs said not to be
 * duplicates are left out. Reads the store only.
 */
@Command(name = "find-duplicates", mixinStandardHelpOptions = true,
        description = "List pairs of incidents that may be the same event (score 0..1 and the reasons), best first."
                + " Merge one with merge-duplicates KEEP_ID OTHER_ID, or set it aside with not-duplicate ID1 ID2.")
final class FindDuplicatesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions options;

    @Mixin
    DuplicateOptions rules;

    @Option(names = "--json", description = "Print the pairs as a JSON array.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        DuplicateRules r = rules.rules(spec);
        List<DuplicatePair> pairs;
        try (IncidentStore store = options.openForViewing()) {
            pairs = StoredDuplicates.find(store, r);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (DuplicatePair p : pairs) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("score", p.score());
                m.put("reasons", p.reasons());
                m.put("first", describe(p.first()));
                m.put("second", describe(p.second()));
                list.add(m);
            }
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(list));
        } else {
            print(out, pairs);
            if (pairs.isEmpty()) {
                out.println("no duplicates found in " + options.storeFile() + " (score " + r.minScore() + " or more)");
            } else {
                out.printf(Locale.ROOT, "%d pair%s; merge one with: kz-incident-map merge-duplicates KEEP_ID OTHER_ID;"
                        + " set one aside with: kz-incident-map not-duplicate ID1 ID2%n", pairs.size(),
                        pairs.size() == 1 ? "" : "s");
            }
        }
        out.flush();
        return 0;
    }

    /** Each pair: score, then the two incidents a line each, then the reasons. */
    static void print(PrintWriter out, List<DuplicatePair> pairs) {
        for (DuplicatePair p : pairs) {
            out.printf(Locale.ROOT, "%.2f  %s%n", p.score(), line(p.first()));
            out.printf(Locale.ROOT, "      %s%n", line(p.second()));
            out.printf(Locale.ROOT, "      %s%n", p.because());
        }
    }

    private static String line(Incident i) {
        return i.id() + "  " + i.date() + "  " + i.type().code() + "  " + i.title() + " (" + i.place() + "; killed "
                + i.killedRange() + ")";
    }

    private static Map<String, Object> describe(Incident i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("title", i.title());
        m.put("date", i.date() == null ? null : i.date().toString());
        m.put("date_precision", i.datePrecision() == null ? null : i.datePrecision().code());
        m.put("place", i.place());
        m.put("lon", i.lon());
        m.put("lat", i.lat());
        m.put("location_precision", i.locationPrecision() == null ? null : i.locationPrecision().code());
        m.put("type", i.type().code());
        m.put("sources", i.sources().stream().map(Source::key).toList());
        m.put("killed", i.killedRange());
        m.put("wounded", i.woundedRange());
        return m;
    }

    /** A score outside 0..1 is a bad argument. */
    static void checkScore(CommandSpec spec, double score) {
        if (!(score >= 0 && score <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--min-score must be between 0 and 1, not " + score);
        }
    }
}
