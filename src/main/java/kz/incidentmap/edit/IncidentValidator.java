package kz.incidentmap.edit;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Credibility;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.PlausibleValues;
import kz.incidentmap.model.Reliability;
import kz.incidentmap.model.Source;
import kz.incidentmap.model.Tags;
import kz.incidentmap.model.Vocabulary;

/**
 * Checks an {@link IncidentDraft} field by field and builds the {@link Incident}: required fields,
 * vocabulary codes, latitude −90..90 and longitude −180..180 (with a warning outside Kazakhstan), dates
 * as yyyy-MM-dd, counts as whole numbers, both within the plausible ranges of {@link PlausibleValues}
 * (dates 1800-01-01 to today, counts 0 to 100,000; warnings before 1900 and above 10,000), URLs as
 * absolute http(s) or ftp addresses. The oblast is found from the position; only outside the shipped boundaries does the given
 * name stay. The form, every importer and the command line
 * use this one set of rules. Holds only its reference data and remembered answers; safe to share
 * between threads.
 */
public final class IncidentValidator {

    /**
     * The outcome: the record when there are no errors (warnings allowed), and every problem found.
     *
     * @param incident the checked record, or null when some field has an error
     * @param problems errors and warnings, in field order
     */
    public record Result(Incident incident, List<FieldProblem> problems) {

        public boolean ok() {
            return incident != null;
        }

        public List<FieldProblem> errors() {
            return problems.stream().filter(p -> !p.warning()).toList();
        }
    }


    /** Remembered answers beyond this many are forgotten, so that a long import keeps its memory flat. */
    private static final int REMEMBERED = 4_096;

    private final OblastLocator oblasts;
    private final Vocabulary vocabulary;
    /** Whether a sub-type nobody knows is added to its family (an import) or is an error (the form). */
    private final boolean addsSubTypes;
    /**
     * Web addresses already checked (empty text: fine; else the problem): an import meets the same few
     * thousand again and again. The answers depend on the text alone.
     */
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    /** A validator that knows the built-in sub-types only. */
    public IncidentValidator(OblastLocator oblasts) {
        this(oblasts, Vocabulary.builtIn(), false);
    }

    /**
     * A validator of records for a store with {@code vocabulary}; with {@code addsSubTypes}, a sub-type
     * given by a name the family does not have yet is added to it (an importer never refuses a row only
     * because its type is new to us), else it is an error.
     */
    public IncidentValidator(OblastLocator oblasts, Vocabulary vocabulary, boolean addsSubTypes) {
        this.oblasts = oblasts;
        this.vocabulary = vocabulary;
        this.addsSubTypes = addsSubTypes;
    }

    /**
     * The same rules for records of a store with {@code storeVocabulary}, adding sub-types nobody knows to
     * their family: for an import.
     */
    public IncidentValidator forVocabulary(Vocabulary storeVocabulary) {
        return new IncidentValidator(oblasts, storeVocabulary, true);
    }

    /** The sub-types this validator knows. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The boundaries the oblast of a record is found in. */
    public OblastLocator oblasts() {
        return oblasts;
    }

    /**
     * The sub-type {@code text} names: a code the vocabulary has, else (with a family) one of the family's
     * names; a name it does not have is added when this validator adds sub-types.
     */
    private IncidentSubType subType(Checker c, IncidentType type, String text) {
        if (blank(text)) {
            return null;
        }
        Optional<IncidentSubType> known = vocabulary.subType(text);
        if (known.isPresent() && (type == null || known.get().type() == type)) {
            return known.get();
        }
        Optional<IncidentSubType> named = type == null ? Optional.empty() : vocabulary.find(type, text);
        if (named.isPresent()) {
            return named.get();
        }
        if (known.isPresent()) {
            return known.get();
        }
        if (type != null && addsSubTypes) {
            try {
                return vocabulary.add(type, text, null, null);
            } catch (IllegalArgumentException e) {
                c.error("sub_type", e.getMessage());
                return null;
            }
        }
        return c.code("sub_type", text, false, vocabulary::require);
    }

    /** Checks {@code d}; dates after {@code today} are errors. */
    public Result check(IncidentDraft d, LocalDate today) {
        Checker c = new Checker(today, urls);
        String id = blank(d.id()) ? UUID.randomUUID().toString() : d.id().trim();
        if (!FieldSyntax.isUuid(id)) {
            c.error("id", "'" + id + "' is not a UUID (expected 8-4-4-4-12 hexadecimal digits)");
        }
        String title = c.required("title", d.title());
        IncidentType type = c.code("type", d.type(), true, IncidentType::fromCode);
        IncidentSubType subType = subType(c, type, d.subType());
        if (type != null && subType != null && subType.type() != type) {
            c.error("sub_type", "'" + subType.code() + "' is a sub-type of '" + subType.type().code()
                    + "', not of '" + type.code() + "'");
            subType = null;
        }
        LocalDate date = c.date("date", d.date(), true);
        DatePrecision precision = c.code("date_precision", d.datePrecision(), false, DatePrecision::fromCode);
        precision = precision == null ? DatePrecision.DAY : precision;
        if (date != null && precision == DatePrecision.MONTH) {
            date = date.withDayOfMonth(1);
        } else if (date != null && precision == DatePrecision.YEAR) {
            date = date.withDayOfYear(1);
        }
        LocalTime time = c.time("time", d.time());
        Double lat = c.coordinate("lat", d.lat(), 90, "latitude");
        Double lon = c.coordinate("lon", d.lon(), 180, "longitude");
        String oblast = null;
        if (lat != null && lon != null) {
            Optional<String> found = oblasts.oblastOf(lon, lat, text(d.oblast()), date);
            oblast = found.orElse(text(d.oblast()));
            if (found.isEmpty()) { // inKazakhstan(lon, lat), without looking the point up twice
                c.problems.add(FieldProblem.warning("lat", String.format(Locale.ROOT,
                        "%s, %s lies outside Kazakhstan; check the coordinates (latitude first)", d.lat().trim(),
                        d.lon().trim())));
            }
        }
        LocationPrecision locPrecision =
                c.code("location_precision", d.locationPrecision(), false, LocationPrecision::fromCode);
        List<String> tags = Tags.split(d.tags());
        Instant created = c.instant("created", d.created());
        Instant updated = c.instant("updated", d.updated());
        List<Source> sources = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        sources(c, d.sources(), sources, claims);
        if (c.hasErrors()) {
            return new Result(null, List.copyOf(c.problems));
        }
        Incident incident = new Incident(id, title, type, date, precision, text(d.place()), oblast, lon, lat,
                locPrecision, text(d.perpetrator()), text(d.claimedBy()), text(d.description()),
                text(d.eventGroup()), sources, claims, subType, time, tags, created, updated);
        return new Result(incident, List.copyOf(c.problems));
    }

    private static void sources(Checker c, List<SourceDraft> rows, List<Source> sources, List<Claim> claims) {
        if (rows.isEmpty()) {
            c.error("sources", "an incident needs at least one source");
        }
        Map<String, Source> byKey = new LinkedHashMap<>();
        for (int n = 0; n < rows.size(); n++) {
            SourceDraft r = rows.get(n);
            String p = "sources[" + n + "].";
            String key = blank(r.key()) ? newKey() : r.key().trim();
            String title = c.required(p + "title", r.title());
            String url = c.url(p + "url", r.url());
            LocalDate published = c.date(p + "published", r.published(), false);
            String language = text(r.language());
            if (language != null && !FieldSyntax.isLanguage(language)) {
                c.error(p + "language", "'" + language + "' is not a language code (e.g. en, ru, kk)");
            }
            Integer killed = c.count(p + "killed", r.killed());
            Integer wounded = c.count(p + "wounded", r.wounded());
            LocalDate claimDate = c.date(p + "date", r.claimDate(), false);
            Reliability grade = c.code(p + "reliability", r.reliability(), false, Reliability::fromCode);
            Credibility credibility = c.code(p + "credibility", r.credibility(), false, Credibility::fromCode);
            Source s = new Source(key, title, text(r.publisher()), url, published, language, grade);
            Source seen = byKey.get(key);
            if (seen == null) {
                byKey.put(key, s);
            } else if (title != null && !seen.equals(s)) {
                c.error(p + "key", "source '" + key + "' appears again with other details");
            }
            if (r.hasClaim()) {
                claims.add(new Claim(key, killed, wounded, claimDate, text(r.note()), credibility));
            }
        }
        sources.addAll(byKey.values());
    }

    /** A key for a source typed in the form: short, stable, unique enough within a store. */
    private static String newKey() {
        return "src-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static boolean blank(String s) {
        return IncidentDraft.blank(s);
    }

    private static String text(String s) {
        return blank(s) ? null : s.strip();
    }

    /** Collects the problems of one check. */
    private static final class Checker {
        private final LocalDate today;
        private final List<FieldProblem> problems = new ArrayList<>();
        private final Map<String, String> urls;

        Checker(LocalDate today, Map<String, String> urls) {
            this.today = today;
            this.urls = urls;
        }

        private static <K, V> void remember(Map<K, V> memo, K key, V value) {
            if (memo.size() >= REMEMBERED) {
                memo.clear();
            }
            memo.put(key, value);
        }

        boolean hasErrors() {
            return problems.stream().anyMatch(p -> !p.warning());
        }

        void error(String field, String message) {
            problems.add(FieldProblem.error(field, message));
        }

        String required(String field, String value) {
            if (blank(value)) {
                error(field, "is required");
                return null;
            }
            return value.strip();
        }

        <T> T code(String field, String value, boolean required, Function<String, T> fromCode) {
            if (blank(value)) {
                if (required) {
                    error(field, "is required");
                }
                return null;
            }
            try {
                return fromCode.apply(value.trim());
            } catch (IllegalArgumentException e) {
                error(field, e.getMessage());
                return null;
            }
        }

        LocalDate date(String field, String value, boolean required) {
            if (blank(value)) {
                if (required) {
                    error(field, "is required");
                }
                return null;
            }
            try {
                LocalDate d = FieldSyntax.date(value.trim());
                String problem = PlausibleValues.dateProblem(d, today);
                if (problem != null) {
                    error(field, problem);
                    return null;
                }
                warnIf(field, PlausibleValues.dateDoubt(d));
                return d;
            } catch (DateTimeParseException e) {
                error(field, "'" + value.trim() + "' is not a valid date (expected yyyy-MM-dd)");
                return null;
            }
        }

        LocalTime time(String field, String value) {
            if (blank(value)) {
                return null;
            }
            try {
                return LocalTime.parse(value.trim());
            } catch (DateTimeParseException e) {
                error(field, "'" + value.trim() + "' is not a time of day (expected HH:mm)");
                return null;
            }
        }

        Instant instant(String field, String value) {
            if (blank(value)) {
                return null;
            }
            try {
                return FieldSyntax.instant(value.trim());
            } catch (DateTimeParseException e) {
                error(field, "'" + value.trim() + "' is not a UTC timestamp (expected e.g. 2024-05-01T12:00:00Z)");
                return null;
            }
        }

        Double coordinate(String field, String value, double limit, String what) {
            if (blank(value)) {
                error(field, "is required");
                return null;
            }
            double v;
            try {
                v = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                error(field, "'" + value.trim() + "' is not a number");
                return null;
            }
            if (!(v >= -limit && v <= limit)) {
                error(field, what + " " + value.trim() + " is outside " + (int) -limit + ".." + (int) limit);
                return null;
            }
            return v;
        }

        Integer count(String field, String value) {
            if (blank(value)) {
                return null;
            }
            String text = value.trim();
            long v;
            try {
                v = Long.parseLong(text);
            } catch (NumberFormatException e) {
                // Too many digits for a long: a whole number still, far out of range.
                error(field, FieldSyntax.isWholeNumber(text) ? String.format(Locale.ROOT, "'%s' is far outside 0..%,d",
                        text, PlausibleValues.MAX_COUNT) : "'" + text + "' is not a whole number");
                return null;
            }
            String problem = PlausibleValues.countProblem(v);
            if (problem != null) {
                error(field, problem);
                return null;
            }
            warnIf(field, PlausibleValues.countDoubt(v));
            return (int) v;
        }

        /** Adds {@code doubt} as a warning on {@code field}, unless it is null. */
        void warnIf(String field, String doubt) {
            if (doubt != null) {
                problems.add(FieldProblem.warning(field, doubt));
            }
        }

        String url(String field, String value) {
            if (blank(value)) {
                return null;
            }
            String v = value.strip();
            String problem = urls.get(v);
            if (problem == null) {
                problem = urlProblem(v);
                remember(urls, v, problem);
            }
            if (!problem.isEmpty()) {
                error(field, problem);
                return null;
            }
            return v;
        }

        /** What is wrong with the address, or empty text when nothing is. */
        private static String urlProblem(String v) {
            try {
                URI u = new URI(v);
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https") || scheme.equals("ftp")) || u.getHost() == null) {
                    return "'" + v + "' is not a web address (expected e.g. https://example.org/page)";
                }
                return "";
            } catch (URISyntaxException e) {
                return "'" + v + "' is not a well-formed address: " + e.getReason();
            }
        }
    }
}
