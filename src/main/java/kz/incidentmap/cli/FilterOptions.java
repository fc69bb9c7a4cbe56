package kz.incidentmap.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import kz.incidentmap.filter.Area;
import kz.incidentmap.filter.FilterValues;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.filter.SourceAgreement;
import kz.incidentmap.filter.WhereClause;
import kz.incidentmap.layers.AmbiguousPlaceException;
import kz.incidentmap.layers.BasemapLayers;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.layers.ImportedStreets;
import kz.incidentmap.layers.UnknownPlaceException;
import kz.incidentmap.model.MyPlace;
import kz.incidentmap.model.OsmPlace;
import kz.incidentmap.model.Vocabulary;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;
import kz.incidentmap.store.pg.PgRecords;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The options that choose incidents, shared by {@code incidents}, {@code export}, {@code snapshot} and
 * {@code identify}: they build one {@link IncidentFilter}. Every value is checked before a store is
 * opened; a bad one is refused naming its option, and nothing is read or written.
 */
final class FilterOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Only incidents on or after this day.")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Only incidents on or before this day.")
    String to;

    @Option(names = "--time-match", paramLabel = "overlaps|inside",
            description = "A date known to the month or year: 'overlaps' (default) keeps it when its month or year meets"
                    + " the range, 'inside' only when it lies wholly in it.")
    String timeMatch;

    @Option(names = "--type", paramLabel = "T[,T...]", split = ",",
            description = "Only these types or sub-types (codes, e.g. explosion,suicide_bomb).")
    List<String> types;

    @Option(names = "--perpetrator", paramLabel = "NAME", description = "Only incidents by this perpetrator (repeatable; exact, any case).")
    List<String> perpetrators;

    @Option(names = "--claimed-by", paramLabel = "NAME", description = "Only incidents claimed by this group (repeatable).")
    List<String> claimedBy;

    @Option(names = "--min-killed", paramLabel = "N", description = "At least N killed (by any source; see --by-every-source).")
    Integer minKilled;

    @Option(names = "--max-killed", paramLabel = "N", description = "At most N killed.")
    Integer maxKilled;

    @Option(names = "--min-wounded", paramLabel = "N", description = "At least N wounded.")
    Integer minWounded;

    @Option(names = "--max-wounded", paramLabel = "N", description = "At most N wounded.")
    Integer maxWounded;

    @Option(names = "--by-every-source", description = "Casualty bounds hold for every source's figure, not just one.")
    boolean everySource;

    @Option(names = "--min-grade", paramLabel = "A-F",
            description = "Only incidents with a source graded this or better (A best, E worst; F, not judged, only F);"
                    + " casualty bounds then count only such sources' figures.")
    String minGrade;

    @Option(names = "--text", paramLabel = "TEXT", description = "Title, place or description contains this (any case, Latin or Cyrillic).")
    String text;

    @Option(names = "--oblast", paramLabel = "NAME", description = "Only incidents in this oblast (repeatable).")
    List<String> oblasts;

    @Option(names = "--source", paramLabel = "TEXT", description = "A source's key or publisher contains this.")
    String source;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only incidents with this tag (repeatable: all of them).")
    List<String> tags;

    @Option(names = "--location-precision", paramLabel = "P[,P...]", split = ",",
            description = "Only positions known this precisely: exact, street, city, region.")
    List<String> locationPrecisions;

    @Option(names = "--within", paramLabel = "KM", description = "Only incidents within KM kilometres of --of.")
    Double withinKm;

    @Option(names = "--of", paramLabel = "PLACE|LON,LAT",
            description = "The place or point --within measures from; place:NAME for a place of yours (see places).")
    String of;

    @Option(names = "--area", paramLabel = "WKT",
            description = "Only incidents inside this polygon, as WKT in longitude/latitude degrees, e.g. \"POLYGON((71 42.7, 71.8 42.7, 71.8 43.1, 71 42.7))\".")
    String area;

    @Option(names = "--where", paramLabel = "ECQL",
            description = "A GeoTools ECQL expression over the incident's attributes, e.g. \"killed_max - killed_min > 2\".")
    String where;

    /** Whether any option of the filter was given. */
    boolean given() {
        return from != null || to != null || timeMatch != null || types != null || perpetrators != null
                || claimedBy != null || minKilled != null || maxKilled != null || minWounded != null || maxWounded != null
                || everySource || minGrade != null || text != null || oblasts != null || source != null || tags != null
                || locationPrecisions != null || withinKm != null || of != null || area != null || where != null;
    }

    /**
     * The filter the options ask for. {@code gazetteer} is asked only for a place name (--of NAME, or an
     * oblast spelt another way); {@code area} is a place option of the command's own (--city), or null.
     */
    IncidentFilter build(Supplier<Gazetteer> gazetteer, Area place) {
        return build(gazetteer, place, Vocabulary::builtIn);
    }

    /** {@link #build(Supplier, Area)}, with the store's {@code vocabulary} for a sub-type it added. */
    IncidentFilter build(Supplier<Gazetteer> gazetteer, Area place, Supplier<Vocabulary> vocabulary) {
        return build(gazetteer, place, vocabulary, name -> Optional.empty());
    }

    /**
     * {@link #build(Supplier, Area)} with what the store of {@code options} holds: its sub-types, and the
     * user's places that {@code --of place:NAME} names.
     */
    IncidentFilter build(Supplier<Gazetteer> gazetteer, Area place, MapOptions options) {
        return build(gazetteer, place, vocabularyOf(options), myPlacesOf(options));
    }

    /** {@link #build(Supplier, Area, Supplier)}, looking up a place of the user's by name in {@code myPlaces}. */
    IncidentFilter build(Supplier<Gazetteer> gazetteer, Area place, Supplier<Vocabulary> vocabulary,
            Function<String, Optional<MyPlace>> myPlaces) {
        try {
            return filter(gazetteer, place, vocabulary, myPlaces);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private IncidentFilter filter(Supplier<Gazetteer> gazetteer, Area place, Supplier<Vocabulary> vocabulary,
            Function<String, Optional<MyPlace>> myPlaces) {
        IncidentFilter.Builder b = IncidentFilter.builder();
        LocalDate first = FilterValues.date("--from", from);
        LocalDate last = FilterValues.date("--to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw bad("--to " + to + " is before --from " + from);
        }
        b.time(first, last, FilterValues.timeMatch(timeMatch));
        if (types != null) {
            FilterValues.types(types, vocabulary, b);
        }
        b.perpetrators(names(perpetrators)).claimedBy(names(claimedBy)).source(source).tags(names(tags)).text(text);
        b.killed(FilterValues.count("--min-killed", minKilled), FilterValues.count("--max-killed", maxKilled));
        b.wounded(FilterValues.count("--min-wounded", minWounded), FilterValues.count("--max-wounded", maxWounded));
        bound("killed", minKilled, maxKilled);
        bound("wounded", minWounded, maxWounded);
        b.agreement(everySource ? SourceAgreement.EVERY_SOURCE : SourceAgreement.ANY_SOURCE);
        b.minGrade(FilterValues.grade("--min-grade", minGrade));
        b.locationPrecisions(locationPrecisions == null ? Set.of() : FilterValues.locationPrecisions(locationPrecisions));
        b.oblasts(oblasts(gazetteer));
        List<Area> areas = new ArrayList<>();
        Area near = within(gazetteer, myPlaces);
        for (Area a : new Area[] {near, area == null ? null : FilterValues.area(area), place}) {
            if (a != null) {
                areas.add(a);
            }
        }
        if (areas.size() > 1) {
            throw bad("give one area: --within/--of, --area or --city, not more than one");
        }
        b.area(areas.isEmpty() ? null : areas.get(0));
        if (where != null) {
            try {
                b.where(WhereClause.parse(where));
            } catch (IllegalArgumentException e) {
                throw bad("--where '" + where + "': " + e.getMessage());
            }
        }
        return b.build();
    }

    /** Each name as given and, when the gazetteer knows it as an oblast, as the record spells that oblast. */
    private Set<String> oblasts(Supplier<Gazetteer> gazetteer) {
        Set<String> out = new LinkedHashSet<>();
        if (oblasts == null) {
            return out;
        }
        for (String name : oblasts) {
            if (name.isBlank()) {
                throw bad("--oblast: empty name");
            }
            out.add(name);
            gazetteer.get().lookup(name).stream().filter(p -> p.kind() == Gazetteer.Kind.OBLAST).findFirst()
                    .ifPresent(p -> out.add(p.name()));
        }
        return out;
    }

    private Area within(Supplier<Gazetteer> gazetteer, Function<String, Optional<MyPlace>> myPlaces) {
        if (withinKm == null && of == null) {
            return null;
        }
        if (withinKm == null || of == null) {
            throw bad(withinKm == null ? "--of needs --within KM" : "--within needs --of PLACE or --of LON,LAT");
        }
        double km = FilterValues.withinKm(withinKm);
        String mine = MyPlace.referencedName(of);
        if (mine != null) {
            MyPlace p = myPlaces.apply(mine).orElseThrow(() -> bad("--of " + of + ": the store has no place of yours"
                    + " named '" + mine + "' (see the places command)"));
            return Area.within(km, p.lon(), p.lat(), p.name());
        }
        double[] point = FilterValues.point("--of", of);
        if (point != null) {
            return Area.within(km, point[0], point[1], of.strip());
        }
        try {
            Gazetteer.Place p = gazetteer.get().require(of);
            return Area.within(km, p.lon(), p.lat(), p.name());
        } catch (UnknownPlaceException | AmbiguousPlaceException e) {
            throw bad("--of " + of + ": " + e.getMessage());
        }
    }

    private void bound(String what, Integer min, Integer max) {
        if (min != null && max != null && max < min) {
            throw bad("--max-" + what + " " + max + " is less than --min-" + what + " " + min);
        }
    }

    private static Set<String> names(List<String> given) {
        return given == null ? Set.of() : new LinkedHashSet<>(given);
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** The user's places in the chosen store, looked up by name in a store opened for each look-up. */
    static Function<String, Optional<MyPlace>> myPlacesOf(MapOptions options) {
        return name -> {
            try (IncidentStore store = options.openForViewing()) {
                return store.myPlace(name);
            } catch (StoreException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        };
    }

    /** The chosen store's sub-types, read when first asked for (a code that is not built in). */
    static Supplier<Vocabulary> vocabularyOf(MapOptions options) {
        Vocabulary[] read = new Vocabulary[1];
        return () -> {
            if (read[0] == null) {
                if (options.onServer()) {
                    try (PgRecords records = options.openServer()) {
                        read[0] = records.vocabulary();
                    } catch (StoreException e) {
                        throw new IllegalArgumentException(e.getMessage(), e);
                    }
                    return read[0];
                }
                try (IncidentStore store = options.openForViewing()) {
                    read[0] = store.vocabulary();
                } catch (StoreException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            }
            return read[0];
        };
    }

    /** Reads the gazetteer of the maps folder once, when first asked. */
    /**
     * The settlements an OpenStreetMap import put into the store, so that {@code --city} and {@code --of}
     * know them; none when the store cannot be read here: opening it for the command itself then says why.
     */
    private static List<OsmPlace> importedPlaces(Path store) {
        if (!Files.isRegularFile(store)) {
            return List.of();
        }
        try (ImportedStreets imported = ImportedStreets.inStore(store)) {
            return imported.places();
        } catch (IOException e) {
            return List.of();
        }
    }

    static Supplier<Gazetteer> gazetteerOf(MapOptions options) {
        Gazetteer[] read = new Gazetteer[1];
        return () -> {
            if (read[0] == null) {
                try {
                    read[0] = BasemapLayers.gazetteer(options.paths().mapsDir())
                            .withImported(options.onServer() ? List.of() : importedPlaces(options.storeFile()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return read[0];
        };
    }
}
