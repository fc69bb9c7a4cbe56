package kz.incidentmap.layers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.feature.simple.SimpleFeatureBuilder;

/**
 * The names the map writes on countries, oblasts and cities, in English, Russian or Kazakh, as they were
 * on a given day: a 2020 map of the capital says Nur-Sultan, a 2011 one Astana, a 2015 map of the south
 * "South Kazakhstan Region" and a 2019 one "Turkistan Region". Read from {@code maps/place-languages.csv}
 * (each city in Russian and Kazakh), {@code maps/renamings.csv} (the cities' former names with their
 * dates), {@code maps/oblast-names.csv}, {@code maps/oblast-splits.csv} and {@code maps/country-names.csv}. English labels are in one
 * romanisation ({@link Romanisation#plain}). A renaming known only by its year is taken to hold from the
 * first of January of that year. Immutable.
 */
public final class PlaceLabels {

    /** The attribute of the basemap's features that the map's label rules write. */
    public static final String LABEL = "label";

    static final String LANGUAGES_HEADER = "geonames_id,name_ru,name_kk,ru_from,kk_from";
    static final String OBLASTS_HEADER = "natural_earth_name,name_en,name_ru,name_kk,from,to,source";
    static final String COUNTRIES_HEADER = "iso_a3,name_ru,name_kk";

    /** A name in the three languages; an empty one falls back to English. */
    record Names(String en, String ru, String kk) {
        String in(Locale language) {
            String n = switch (language.getLanguage()) {
                case "ru" -> ru;
                case "kk" -> kk;
                default -> en;
            };
            return n == null || n.isEmpty() ? en : n;
        }
    }

    /** A name held from {@code from} (inclusive, null: always before) to {@code to} (exclusive, null: still). */
    record Dated(Names names, String from, String to) {
        boolean holdsOn(String day) {
            return (from == null || from.compareTo(day) <= 0) && (to == null || day.compareTo(to) < 0);
        }
    }

    private final Map<Long, Names> cities;
    private final Map<Long, List<Dated>> cityHistory;
    private final Map<String, List<Dated>> oblasts;
    private final Map<String, Names> countries;
    /** The cities' GeoNames ids by the key ({@link PlaceNames#key}) of their names today. */
    private final Map<String, Long> cityIds;
    private final List<OblastSplit> splits;

    private PlaceLabels(Map<Long, Names> cities, Map<Long, List<Dated>> cityHistory, Map<String, List<Dated>> oblasts,
            Map<String, Names> countries, Map<String, Long> cityIds, List<OblastSplit> splits) {
        this.cities = cities;
        this.cityHistory = cityHistory;
        this.oblasts = oblasts;
        this.countries = countries;
        this.cityIds = cityIds;
        this.splits = splits;
    }

    /**
     * Whether the map's names are the same on both days (null: today): no renaming falls between them. A
     * playback stepping through a year changes no label, and the map is not relabelled for it.
     */
    public boolean sameNames(LocalDate a, LocalDate b) {
        String from = (a == null ? LocalDate.now() : a).toString();
        String to = (b == null ? LocalDate.now() : b).toString();
        if (from.compareTo(to) > 0) {
            String t = from;
            from = to;
            to = t;
        }
        for (String change : changeDays()) {
            // A year alone ("1993") is the first of January of it, and sorts before every day of that year.
            if (change.compareTo(from) > 0 && change.compareTo(to) <= 0) {
                return false;
            }
        }
        return true;
    }

    private List<String> changeDays() {
        List<String> days = new ArrayList<>();
        cityHistory.values().forEach(h -> h.forEach(d -> days.add(d.to())));
        oblasts.values().forEach(h -> h.forEach(d -> {
            if (d.to() != null) {
                days.add(d.to());
            }
        }));
        return days;
    }

    /** The regions created since the drawn boundaries, which have no boundary of their own on the map. */
    public List<OblastSplit> splits() {
        return splits;
    }

    /** The same labels, knowing the cities of {@code cities} by their names for {@link #onItsDay}. */
    PlaceLabels knowing(List<GeoJsonFeature> cities) {
        Map<String, Long> ids = new HashMap<>();
        for (GeoJsonFeature f : cities) {
            if (f.properties().get("geonames_id") instanceof Number n) {
                // The largest city of a name comes first in the file and keeps it.
                ids.putIfAbsent(PlaceNames.key(f.string("name")), n.longValue());
                ids.putIfAbsent(PlaceNames.key(Romanisation.plain(f.string("name"))), n.longValue());
            }
        }
        return new PlaceLabels(this.cities, cityHistory, oblasts, countries, Map.copyOf(ids), splits);
    }

    /**
     * What a record's place and oblast were called on {@code day}, when that differs from today's names:
     * "Nur-Sultan" for a record of Astana in 2020, "South Kazakhstan Region" for one of Turkistan Region in
     * 2015; null when the names are today's or the place is not known.
     *
     * @param place the record's place, its city first ("Taraz, central market")
     * @param oblast the record's oblast as the record names it today, or null
     */
    public String onItsDay(String place, String oblast, LocalDate day, Locale language) {
        if (day == null) {
            return null;
        }
        String cityThen = null;
        Long id = place == null ? null : cityIds.get(PlaceNames.key(place.split(",")[0]));
        if (id != null) {
            String name = place.split(",")[0].strip();
            String then = city(id, name, day, language);
            if (!PlaceNames.key(then).equals(PlaceNames.key(city(id, name, null, language)))) {
                cityThen = then;
            }
        }
        String oblastThen = null;
        if (oblast != null) {
            String key = PlaceNames.key(oblast);
            for (Map.Entry<String, List<Dated>> e : oblasts.entrySet()) {
                if (e.getValue().stream().anyMatch(d -> PlaceNames.key(d.names().en()).equals(key))) {
                    String then = oblast(e.getKey(), day, language);
                    if (!PlaceNames.key(then).equals(PlaceNames.key(oblast(e.getKey(), null, language)))) {
                        oblastThen = then;
                    }
                }
            }
        }
        if (cityThen == null && oblastThen == null) {
            return null;
        }
        return cityThen == null ? oblastThen : oblastThen == null ? cityThen : cityThen + ", " + oblastThen;
    }

    /** Reads the four files of {@code mapsDir}; a malformed line is an error naming the file and the line. */
    public static PlaceLabels read(Path mapsDir) throws IOException {
        Map<Long, Names> cities = new HashMap<>();
        Path languages = mapsDir.resolve("place-languages.csv");
        for (MapsCsv.Row r : MapsCsv.read(languages, LANGUAGES_HEADER)) {
            cities.put(id(languages, r), new Names(null, r.get(1), r.get(2)));
        }
        Map<Long, List<Dated>> history = cityHistory(mapsDir.resolve("renamings.csv"));
        Map<String, List<Dated>> oblasts = new HashMap<>();
        Path oblastFile = mapsDir.resolve("oblast-names.csv");
        for (MapsCsv.Row r : MapsCsv.read(oblastFile, OBLASTS_HEADER)) {
            oblasts.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(new Dated(
                    new Names(r.get(1), r.get(2), r.get(3)), day(oblastFile, r, 4), day(oblastFile, r, 5)));
        }
        Map<String, Names> countries = new HashMap<>();
        for (MapsCsv.Row r : MapsCsv.read(mapsDir.resolve("country-names.csv"), COUNTRIES_HEADER)) {
            countries.put(r.get(0), new Names(null, r.get(1), r.get(2)));
        }
        return new PlaceLabels(cities, history, oblasts, countries, Map.of(), OblastSplit.read(mapsDir));
    }

    /**
     * The name of the city {@code geonamesId} on {@code day} (today's when null) in {@code language};
     * {@code name} is the map's name of it today.
     */
    public String city(long geonamesId, String name, LocalDate day, Locale language) {
        if (day != null) {
            String d = day.toString();
            for (Dated h : cityHistory.getOrDefault(geonamesId, List.of())) {
                if (h.holdsOn(d)) {
                    return h.names().in(language);
                }
            }
        }
        Names n = cities.get(geonamesId);
        String en = Romanisation.plain(name);
        return n == null ? en : new Names(en, n.ru(), n.kk()).in(language);
    }

    /** The name of the oblast Natural Earth calls {@code naturalEarthName} on {@code day} (today when null). */
    public String oblast(String naturalEarthName, LocalDate day, Locale language) {
        String d = (day == null ? LocalDate.now() : day).toString();
        for (Dated o : oblasts.getOrDefault(naturalEarthName, List.of())) {
            if (o.holdsOn(d)) {
                return o.names().in(language);
            }
        }
        return Romanisation.plain(naturalEarthName);
    }

    /** The name of the country {@code iso} (ISO 3166 alpha-3), called {@code name} in English. */
    public String country(String iso, String name, Locale language) {
        Names n = countries.get(iso);
        return n == null ? name : new Names(name, n.ru(), n.kk()).in(language);
    }

    /**
     * {@code model} with the country, oblast and city labels of {@code day} (today's when null) in
     * {@code language}: their layers get new features whose {@link #LABEL} attribute says it.
     */
    public MapModel labelled(MapModel model, LocalDate day, Locale language) {
        return model.with(BasemapLayers.COUNTRIES, l -> relabelled(l, f -> country(
                        (String) f.getAttribute("iso_a3"), (String) f.getAttribute("name"), language)))
                .with(BasemapLayers.OBLASTS, l -> relabelled(l, f -> oblast((String) f.getAttribute("name"), day, language)))
                .with(BasemapLayers.CITIES, l -> relabelled(l, f -> city(
                        f.getAttribute("geonames_id") instanceof Number n ? n.longValue() : -1,
                        (String) f.getAttribute("name"), day, language)))
                // What an OpenStreetMap import brought is named as its extract names it, in the language
                // asked when the extract has that name.
                .with(AdminLayers.OBLASTS_LAYER, l -> relabelled(l, f -> extractName(f, language)))
                .with(AdminLayers.DISTRICTS_LAYER, l -> relabelled(l, f -> extractName(f, language)))
                .with(AdminLayers.SETTLEMENTS_LAYER, l -> relabelled(l, f -> extractName(f, language)));
    }

    /** The name:ru or name:kk of an imported feature for Russian or Kazakh, its name otherwise or failing them. */
    static String extractName(SimpleFeature f, Locale language) {
        return new Names((String) f.getAttribute("name"), (String) f.getAttribute("name_ru"),
                (String) f.getAttribute("name_kk")).in(language);
    }

    private static MapLayer relabelled(MapLayer layer, Function<SimpleFeature, String> label) {
        List<SimpleFeature> features = new ArrayList<>();
        SimpleFeatureType type = layer.source().getSchema();
        if (type.getDescriptor(LABEL) == null) {
            return layer;
        }
        try (SimpleFeatureIterator it = layer.source().getFeatures().features()) {
            while (it.hasNext()) {
                SimpleFeature f = SimpleFeatureBuilder.copy(it.next());
                f.setAttribute(LABEL, label.apply(f));
                features.add(f);
            }
        } catch (IOException e) {
            // The basemap's sources are in memory: reading them cannot fail; keep the labels as they were.
            return layer;
        }
        return layer.withSource(FeatureSources.indexed(type, features));
    }

    /**
     * The cities' former names with the time each held: the renamings of a place in date order, each
     * ending the time of its old name, which began with the renaming before it.
     */
    private static Map<Long, List<Dated>> cityHistory(Path file) throws IOException {
        Map<Long, List<MapsCsv.Row>> byPlace = new HashMap<>();
        for (MapsCsv.Row r : MapsCsv.read(file, OtherNames.RENAMINGS_HEADER)) {
            byPlace.computeIfAbsent(id(file, r), k -> new ArrayList<>()).add(r);
        }
        Map<Long, List<Dated>> out = new HashMap<>();
        byPlace.forEach((id, rows) -> {
            rows.sort(Comparator.comparing(r -> r.get(4)));
            List<Dated> dated = new ArrayList<>();
            String from = null;
            for (MapsCsv.Row r : rows) {
                String to = r.get(4);
                // Two spellings given up on one day (Kapchagay, Kapshagay): the first listed is the label.
                if (dated.isEmpty() || !to.equals(dated.get(dated.size() - 1).to())) {
                    dated.add(new Dated(new Names(Romanisation.plain(r.get(2)), r.get(7), r.get(8)), from, to));
                }
                from = to;
            }
            out.put(id, List.copyOf(dated));
        });
        return out;
    }

    private static String day(Path file, MapsCsv.Row r, int column) throws IOException {
        String v = r.get(column);
        if (v.isEmpty()) {
            return null;
        }
        if (!v.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new IOException(file + ":" + r.line() + ": date '" + v + "' must be a day (2018-06-19)");
        }
        return v;
    }

    private static long id(Path file, MapsCsv.Row r) throws IOException {
        try {
            return Long.parseLong(r.get(0));
        } catch (NumberFormatException e) {
            throw new IOException(file + ":" + r.line() + ": geonames_id '" + r.get(0) + "' is not a number");
        }
    }
}
