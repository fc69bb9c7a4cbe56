package kz.incidentmap.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;

/**
 * A filter written as the command line's filter options ({@code --from 2011-05-01 --type explosion …}):
 * how a saved view keeps its filter, readable by a person and read back by the same options that
 * {@code snapshot} and {@code export} take, so the window and the command line can never read a view
 * differently.
 */
public final class FilterArguments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FilterArguments() {
    }

    /**
     * The options that ask for {@code f}. An area drawn as a shape has no option yet and is refused; an
     * area "within N km of" is written with the point's coordinates.
     */
    public static List<String> of(IncidentFilter f) {
        List<String> a = new ArrayList<>();
        add(a, "--from", f.from());
        add(a, "--to", f.to());
        if (f.timeMatch() == TimeMatch.INSIDE) {
            a.add("--time-match");
            a.add("inside");
        }
        List<String> codes = new ArrayList<>();
        f.types().stream().map(IncidentType::code).sorted().forEach(codes::add);
        f.subTypes().stream().map(IncidentSubType::code).sorted().forEach(codes::add);
        if (!codes.isEmpty()) {
            a.add("--type");
            a.add(String.join(",", codes));
        }
        f.perpetrators().stream().sorted().forEach(p -> add(a, "--perpetrator", p));
        f.claimedBy().stream().sorted().forEach(p -> add(a, "--claimed-by", p));
        add(a, "--min-killed", f.minKilled());
        add(a, "--max-killed", f.maxKilled());
        add(a, "--min-wounded", f.minWounded());
        add(a, "--max-wounded", f.maxWounded());
        if (f.agreement() == SourceAgreement.EVERY_SOURCE) {
            a.add("--by-every-source");
        }
        add(a, "--text", f.text());
        f.oblasts().stream().sorted().forEach(o -> add(a, "--oblast", o));
        add(a, "--source", f.source());
        f.tags().stream().sorted().forEach(t -> add(a, "--tag", t));
        if (!f.locationPrecisions().isEmpty()) {
            a.add("--location-precision");
            a.add(f.locationPrecisions().stream().map(LocationPrecision::code).sorted().collect(Collectors.joining(",")));
        }
        if (f.area() != null) {
            double[] circle = f.area().circle();
            if (circle == null) {
                throw new IllegalArgumentException("an area drawn as a shape (" + f.area().describe()
                        + ") cannot be kept in a saved view; the view's own extent keeps what it shows");
            }
            a.add("--within");
            a.add(number(circle[2]));
            a.add("--of");
            a.add(number(circle[0]) + "," + number(circle[1]));
        }
        if (f.where() != null) {
            add(a, "--where", f.where().text());
        }
        return a;
    }

    /** {@link #of} as a saved view keeps it: a JSON array of strings. */
    public static String json(IncidentFilter f) {
        try {
            return JSON.writeValueAsString(of(f));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings could not be written as JSON", e);
        }
    }

    /** The options kept by {@link #json}; refused when the text is not a list of strings. */
    public static String[] parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { }).toArray(String[]::new);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("kept as " + json + ", not a list of filter options");
        }
    }

    /** The value given to {@code option} in {@code args} (as {@link #of} writes them), if any. */
    public static java.util.Optional<String> value(String[] args, String option) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(option)) {
                return java.util.Optional.of(args[i + 1]);
            }
        }
        return java.util.Optional.empty();
    }

    private static void add(List<String> a, String option, Object value) {
        if (value != null) {
            a.add(option);
            a.add(value.toString());
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.7f", v)
                .replaceAll("0+$", "");
    }
}
