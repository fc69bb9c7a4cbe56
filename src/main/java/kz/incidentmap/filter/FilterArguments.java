package kz.incidentmap.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Vocabulary;

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
     * The options that ask for {@code f}. An area drawn as a shape is written as WKT ({@code --area}); an
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
        add(a, "--min-grade", f.minGrade() == null ? null : f.minGrade().code());
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
                add(a, "--area", f.area().wkt());
                return withWhere(a, f);
            }
            a.add("--within");
            a.add(number(circle[2]));
            a.add("--of");
            a.add(number(circle[0]) + "," + number(circle[1]));
        }
        return withWhere(a, f);
    }

    private static List<String> withWhere(List<String> a, IncidentFilter f) {
        if (f.where() != null) {
            add(a, "--where", f.where().text());
        }
        return a;
    }

    /**
     * The filter that options written by {@link #of} ask for: how the window reads a saved view. The
     * command line reads the same options with its own parser, through the same {@link FilterValues}; a
     * place given by name (which only the command line's gazetteer knows) is refused here.
     */
    public static IncidentFilter read(String[] args, Vocabulary vocabulary) {
        IncidentFilter.Builder b = IncidentFilter.builder();
        LocalDate from = null;
        LocalDate to = null;
        TimeMatch match = TimeMatch.OVERLAPS;
        Integer[] figures = new Integer[4];
        Double km = null;
        String of = null;
        Set<String> perpetrators = new LinkedHashSet<>();
        Set<String> claimedBy = new LinkedHashSet<>();
        Set<String> oblasts = new LinkedHashSet<>();
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--by-every-source")) {
                b.agreement(SourceAgreement.EVERY_SOURCE);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + ": no value");
            }
            String v = args[++i];
            switch (option) {
                case "--from" -> from = FilterValues.date(option, v);
                case "--to" -> to = FilterValues.date(option, v);
                case "--time-match" -> match = FilterValues.timeMatch(v);
                case "--type" -> FilterValues.types(List.of(v.split(",")), () -> vocabulary, b);
                case "--perpetrator" -> perpetrators.add(v);
                case "--claimed-by" -> claimedBy.add(v);
                case "--min-killed" -> figures[0] = FilterValues.count(option, integer(option, v));
                case "--max-killed" -> figures[1] = FilterValues.count(option, integer(option, v));
                case "--min-wounded" -> figures[2] = FilterValues.count(option, integer(option, v));
                case "--max-wounded" -> figures[3] = FilterValues.count(option, integer(option, v));
                case "--min-grade" -> b.minGrade(FilterValues.grade(option, v));
                case "--text" -> b.text(v);
                case "--oblast" -> oblasts.add(v);
                case "--source" -> b.source(v);
                case "--tag" -> tags.add(v);
                case "--location-precision" -> b.locationPrecisions(FilterValues.locationPrecisions(List.of(v.split(","))));
                case "--within" -> km = FilterValues.withinKm(number(option, v));
                case "--of" -> of = v;
                case "--area" -> b.area(FilterValues.area(v));
                case "--where" -> b.where(where(v));
                default -> throw new IllegalArgumentException(option + ": not a filter option");
            }
        }
        if ((km == null) != (of == null)) {
            throw new IllegalArgumentException(km == null ? "--of needs --within KM" : "--within needs --of LON,LAT");
        }
        if (km != null) {
            double[] point = FilterValues.point("--of", of);
            if (point == null) {
                throw new IllegalArgumentException("--of " + of + ": a point LON,LAT is needed here, not a place name");
            }
            b.area(Area.within(km, point[0], point[1], of.strip()));
        }
        return b.time(from, to, match).perpetrators(perpetrators).claimedBy(claimedBy).oblasts(oblasts).tags(tags)
                .killed(figures[0], figures[1]).wounded(figures[2], figures[3]).build();
    }

    private static WhereClause where(String v) {
        try {
            return WhereClause.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--where '" + v + "': " + e.getMessage());
        }
    }

    private static Integer integer(String option, String v) {
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + v + ": not a whole number");
        }
    }

    private static double number(String option, String v) {
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + v + ": not a number");
        }
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
