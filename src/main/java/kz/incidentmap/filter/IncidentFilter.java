package kz.incidentmap.filter;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.DateSpan;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Reliability;
import kz.incidentmap.model.Source;

/**
 * Which incidents to show, list or export: one immutable value that the map, the page exports and the
 * command line all hold and test the same way. Every part is optional; an empty part lets every
 * incident through, and an incident must pass every part that is set.
 * <ul>
 * <li>Time: {@code from}..{@code to}, both days included. An incident dated to a month stands for the
 * whole month, one dated to a year for the whole year; an approximate date is known only to its year
 * and is treated as that year ({@link DateSpan}). With {@link TimeMatch#OVERLAPS} its days must meet
 * the range, with {@link TimeMatch#INSIDE} lie wholly in it. An undated incident fails any time range.</li>
 * <li>Types and sub-types: the incident's type is one of {@code types}, or its sub-type one of
 * {@code subTypes}.</li>
 * <li>Perpetrator, claimed by, oblast: one of the names given, ignoring case; oblasts also ignoring a
 * trailing "Region", "Oblast" or "City" and the script ("Zhambyl" finds "Zhambyl Region", "Жамбыл" too).</li>
 * <li>Source: some source's key or publisher contains the text, ignoring case. Tags: every tag given
 * is among the incident's, ignoring case.</li>
 * <li>Killed and wounded at least / at most: each bound on its own. With {@link SourceAgreement#ANY_SOURCE}
 * "at least 5" means the largest figure a source gives is 5 or more, "at most 5" the smallest is 5 or
 * fewer; with {@link SourceAgreement#EVERY_SOURCE} every figure given meets the bound. An incident for
 * which no source gives a figure fails any bound on it.</li>
 * <li>Text: the title, place or description holds it, ignoring case and ё/е; a Cyrillic text also finds
 * its Latin spelling and a Latin one Cyrillic text spelt that way ({@link FilterText}).</li>
 * <li>Area: the incident's position lies in it ({@link Area}); one without a position never does.</li>
 * <li>Where: a GeoTools ECQL expression over its attributes ({@link WhereClause}).</li>
 * <li>Minimum grade: some source is graded at least this on the Admiralty scale ("B or better": A or
 * B; F, reliability not judged, passes only F). The killed and wounded bounds then count only the
 * claims of such sources ({@link #counted}).</li>
 * </ul>
 * The parts the map's incident index holds (time, types, casualties, location precision, area) are
 * tested there without reading records ({@link RowMask}); the others need each record once. The grades
 * are not in the index: with a minimum grade the casualty bounds are left to the records too, since the
 * index's figures are those of every source.
 */
public record IncidentFilter(LocalDate from, LocalDate to, TimeMatch timeMatch, Set<IncidentType> types,
        Set<IncidentSubType> subTypes, Set<String> perpetrators, Set<String> claimedBy,
        Set<LocationPrecision> locationPrecisions, Set<String> oblasts, String source, Set<String> tags,
        Integer minKilled, Integer maxKilled, Integer minWounded, Integer maxWounded, SourceAgreement agreement,
        String text, Area area, WhereClause where, Reliability minGrade) {

    /** Lets every incident through. */
    public static final IncidentFilter ALL = builder().build();

    public IncidentFilter {
        timeMatch = timeMatch == null ? TimeMatch.OVERLAPS : timeMatch;
        agreement = agreement == null ? SourceAgreement.ANY_SOURCE : agreement;
        types = types == null || types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
        subTypes = subTypes == null || subTypes.isEmpty() ? Set.of() : Set.copyOf(subTypes);
        locationPrecisions = locationPrecisions == null || locationPrecisions.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(locationPrecisions));
        perpetrators = names(perpetrators);
        claimedBy = names(claimedBy);
        oblasts = names(oblasts);
        tags = names(tags);
        source = blankToNull(source);
        text = blankToNull(text);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the end of the time range, " + to + ", is before its start, " + from);
        }
        bounds("killed", minKilled, maxKilled);
        bounds("wounded", minWounded, maxWounded);
    }

    private static Set<String> names(Collection<String> given) {
        Set<String> out = new LinkedHashSet<>();
        if (given != null) {
            given.stream().map(FilterText::normal).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return Set.copyOf(out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void bounds(String what, Integer min, Integer max) {
        if (min != null && min < 0 || max != null && max < 0) {
            throw new IllegalArgumentException("a number " + what + " cannot be negative");
        }
        if (min != null && max != null && max < min) {
            throw new IllegalArgumentException("at most " + max + " " + what + " is fewer than at least " + min);
        }
    }

    /** How the filter compares a name (perpetrator, group, tag): ignoring case, ё/е and outer spaces. */
    public static String nameKey(String name) {
        return FilterText.normal(name).strip();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this filter's parts, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether this filter lets every incident through. */
    public boolean isEmpty() {
        return equals(ALL);
    }

    /** Whether some part needs the full record: text, names, oblast, source, tags, an expression or a grade. */
    public boolean needsRecords() {
        return !perpetrators.isEmpty() || !claimedBy.isEmpty() || !oblasts.isEmpty() || source != null
                || !tags.isEmpty() || text != null || where != null || minGrade != null;
    }

    /** The filter without its days: what the timeline counts, so that days can be chosen on it. */
    public IncidentFilter withoutTime() {
        return toBuilder().time(null, null, TimeMatch.OVERLAPS).build();
    }

    /** The filter without the parts that need the full record: what the incident index can test alone. */
    public IncidentFilter indexedPart() {
        Builder b = toBuilder().perpetrators(Set.of()).claimedBy(Set.of()).oblasts(Set.of()).source(null)
                .tags(Set.of()).text(null).where(null).minGrade(null);
        return minGrade == null ? b.build() : b.killed(null, null).wounded(null, null).build();
    }

    /**
     * The record as the casualty bounds see it: with a minimum grade, only the claims of sources graded
     * that or better; otherwise the record itself. What the figures shown beside a filtered list give.
     */
    public Incident counted(Incident i) {
        return minGrade == null ? i : i.withClaimsGraded(minGrade);
    }

    /** Whether {@code i} passes every part: the exact test, as the command line and record exports use it. */
    public boolean test(Incident i) {
        if (minGrade != null) {
            return indexedPart().test(i) && passesRecord(i);
        }
        DateSpan span = DateSpan.of(i);
        return new FactTest(this).passes(i.type().ordinal(), i.subType() == null ? -1 : i.subType().ordinal(),
                span == null ? FactTest.UNDATED : span.firstDay(), span == null ? FactTest.UNDATED : span.lastDay(),
                i.minKilled().isPresent() ? i.minKilled().getAsInt() : -1,
                i.maxKilled().isPresent() ? i.maxKilled().getAsInt() : -1,
                i.minWounded().isPresent() ? i.minWounded().getAsInt() : -1,
                i.maxWounded().isPresent() ? i.maxWounded().getAsInt() : -1,
                i.locationPrecision() == null ? -1 : i.locationPrecision().ordinal())
                && (area == null || area.contains(i.lon(), i.lat()))
                && passesRecord(i);
    }

    /** The parts only the full record can answer (with a minimum grade, the casualty bounds too). */
    boolean passesRecord(Incident i) {
        if (minGrade != null && !passesGrade(i)) {
            return false;
        }
        if (!perpetrators.isEmpty() && !perpetrators.contains(FilterText.normal(i.perpetrator()).strip())) {
            return false;
        }
        if (!claimedBy.isEmpty() && !claimedBy.contains(FilterText.normal(i.claimedBy()).strip())) {
            return false;
        }
        if (!oblasts.isEmpty() && oblasts.stream().map(Oblasts::key).noneMatch(Oblasts.key(i.oblast())::equals)) {
            return false;
        }
        if (source != null && i.sources().stream().noneMatch(this::sourceMatches)) {
            return false;
        }
        if (!tags.isEmpty() && !i.tags().stream().map(t -> FilterText.normal(t).strip()).toList().containsAll(tags)) {
            return false;
        }
        if (text != null) {
            FilterText.Query q = FilterText.Query.of(text);
            if (!q.in(i.title()) && !q.in(i.place()) && !q.in(i.description())) {
                return false;
            }
        }
        return where == null || where.test(i);
    }

    /** Some source graded {@link #minGrade} or better, and the casualty bounds over the claims of such sources. */
    private boolean passesGrade(Incident i) {
        if (!i.hasSourceGraded(minGrade)) {
            return false;
        }
        if (minKilled == null && maxKilled == null && minWounded == null && maxWounded == null) {
            return true;
        }
        Incident graded = i.withClaimsGraded(minGrade);
        IncidentFilter figures = builder().killed(minKilled, maxKilled).wounded(minWounded, maxWounded)
                .agreement(agreement).build();
        return figures.test(graded);
    }

    private boolean sourceMatches(Source s) {
        String wanted = FilterText.normal(source);
        return FilterText.normal(s.key()).contains(wanted) || FilterText.normal(s.publisher()).contains(wanted);
    }

    /**
     * The filter in words, for a page or a status line: "1 May – 31 Dec 2011 · Suicide bombing, Explosion
     * · Zhambyl · 7 of 16 incidents". {@code shown} and {@code total} are counted by the caller; a
     * negative {@code total} leaves the count out.
     */
    public String describe(int shown, int total) {
        return describe(shown, total, Texts.ENGLISH);
    }

    /** The same in the language of {@code texts}. */
    public String describe(int shown, int total, Texts texts) {
        return FilterWords.describe(this, shown, total, texts);
    }

    /** Builds a filter part by part; every part starts empty. Not thread-safe. */
    public static final class Builder {
        private LocalDate from;
        private LocalDate to;
        private TimeMatch timeMatch = TimeMatch.OVERLAPS;
        private Set<IncidentType> types = Set.of();
        private Set<IncidentSubType> subTypes = Set.of();
        private Set<String> perpetrators = Set.of();
        private Set<String> claimedBy = Set.of();
        private Set<LocationPrecision> locationPrecisions = Set.of();
        private Set<String> oblasts = Set.of();
        private String source;
        private Set<String> tags = Set.of();
        private Integer minKilled;
        private Integer maxKilled;
        private Integer minWounded;
        private Integer maxWounded;
        private SourceAgreement agreement = SourceAgreement.ANY_SOURCE;
        private String text;
        private Area area;
        private WhereClause where;
        private Reliability minGrade;

        private Builder() {
        }

        private Builder(IncidentFilter f) {
            from = f.from;
            to = f.to;
            timeMatch = f.timeMatch;
            types = f.types;
            subTypes = f.subTypes;
            perpetrators = f.perpetrators;
            claimedBy = f.claimedBy;
            locationPrecisions = f.locationPrecisions;
            oblasts = f.oblasts;
            source = f.source;
            tags = f.tags;
            minKilled = f.minKilled;
            maxKilled = f.maxKilled;
            minWounded = f.minWounded;
            maxWounded = f.maxWounded;
            agreement = f.agreement;
            text = f.text;
            area = f.area;
            where = f.where;
            minGrade = f.minGrade;
        }

        public Builder time(LocalDate first, LocalDate last, TimeMatch match) {
            from = first;
            to = last;
            timeMatch = match;
            return this;
        }

        public Builder types(Set<IncidentType> t) {
            types = t;
            return this;
        }

        public Builder subTypes(Set<IncidentSubType> s) {
            subTypes = s;
            return this;
        }

        public Builder perpetrators(Set<String> names) {
            perpetrators = names;
            return this;
        }

        public Builder claimedBy(Set<String> names) {
            claimedBy = names;
            return this;
        }

        public Builder locationPrecisions(Set<LocationPrecision> p) {
            locationPrecisions = p;
            return this;
        }

        public Builder oblasts(Set<String> names) {
            oblasts = names;
            return this;
        }

        public Builder source(String keyOrPublisher) {
            source = keyOrPublisher;
            return this;
        }

        public Builder tags(Set<String> all) {
            tags = all;
            return this;
        }

        public Builder killed(Integer atLeast, Integer atMost) {
            minKilled = atLeast;
            maxKilled = atMost;
            return this;
        }

        public Builder wounded(Integer atLeast, Integer atMost) {
            minWounded = atLeast;
            maxWounded = atMost;
            return this;
        }

        public Builder agreement(SourceAgreement a) {
            agreement = a;
            return this;
        }

        public Builder text(String t) {
            text = t;
            return this;
        }

        public Builder area(Area a) {
            area = a;
            return this;
        }

        public Builder where(WhereClause w) {
            where = w;
            return this;
        }

        /** Only incidents with a source graded {@code g} or better; null for any. */
        public Builder minGrade(Reliability g) {
            minGrade = g;
            return this;
        }

        /** The filter; parts that contradict each other (an end before the start) are refused. */
        public IncidentFilter build() {
            return new IncidentFilter(from, to, timeMatch, types, subTypes, perpetrators, claimedBy,
                    locationPrecisions, oblasts, source, tags, minKilled, maxKilled, minWounded, maxWounded, agreement,
                    text, area, where, minGrade);
        }
    }
}
