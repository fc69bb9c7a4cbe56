package kz.incidentmap.edit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.incidentmap.layers.GeoJsonException;
import kz.incidentmap.layers.GeoJsonFeature;
import kz.incidentmap.layers.GeoJsonFeatures;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Finds the oblast a point lies in, by point-in-polygon on the shipped boundaries
 * ({@code maps/oblasts.geojson}, Natural Earth). Natural Earth spells the names in its own
 * transliteration ("Aqtöbe"); the record uses the English names of the curated data ("Aktobe Region").
 * The boundaries predate 2018, so the south is "Turkistan Region" including Shymkent, and the oblasts
 * created in 2022 are not separate. Immutable; safe to share between threads.
 */
public final class OblastLocator {

    /** Natural Earth name → name in the record. */
    private static final Map<String, String> RECORD_NAMES = Map.ofEntries(
            Map.entry("Aqmola", "Akmola Region"), Map.entry("Aqtöbe", "Aktobe Region"),
            Map.entry("Almaty City", "Almaty city"), Map.entry("Almaty", "Almaty Region"),
            Map.entry("Astana", "Astana city"), Map.entry("Atyrau", "Atyrau Region"),
            Map.entry("Qaraghandy", "Karaganda Region"), Map.entry("Qostanay", "Kostanay Region"),
            Map.entry("Qyzylorda", "Kyzylorda Region"), Map.entry("Mangghystau", "Mangystau Region"),
            Map.entry("Pavlodar", "Pavlodar Region"), Map.entry("North Kazakhstan", "North Kazakhstan Region"),
            Map.entry("East Kazakhstan", "East Kazakhstan Region"), Map.entry("South Kazakhstan", "Turkistan Region"),
            Map.entry("West Kazakhstan", "West Kazakhstan Region"), Map.entry("Zhambyl", "Zhambyl Region"));

    private record Area(String name, PreparedGeometry shape) {
    }

    private static final GeometryFactory GF = new GeometryFactory();

    private final List<Area> areas;

    private OblastLocator(List<Area> areas) {
        this.areas = List.copyOf(areas);
    }

    /** The record's name of the oblast Natural Earth calls {@code naturalEarthName} ("Qaraghandy"), if it has one. */
    public static Optional<String> recordName(String naturalEarthName) {
        return Optional.ofNullable(naturalEarthName == null ? null : RECORD_NAMES.get(naturalEarthName));
    }

    /** Reads {@code oblasts.geojson} from the maps folder. */
    public static OblastLocator load(Path mapsDir) throws GeoJsonException {
        return of(GeoJsonFeatures.read(mapsDir.resolve("oblasts.geojson")));
    }

    /** From oblast boundaries already read (longitude/latitude features with a {@code name}). */
    public static OblastLocator of(List<GeoJsonFeature> features) {
        List<Area> areas = new ArrayList<>();
        for (GeoJsonFeature f : features) {
            String name = f.string("name");
            areas.add(new Area(RECORD_NAMES.getOrDefault(name, name), PreparedGeometryFactory.prepare(f.geometry())));
        }
        return new OblastLocator(areas);
    }

    /** The oblast containing the point (longitude, latitude in degrees), or empty outside Kazakhstan. */
    public Optional<String> oblastAt(double lon, double lat) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
            return Optional.empty();
        }
        Point p = GF.createPoint(new Coordinate(lon, lat));
        return areas.stream().filter(a -> a.shape().covers(p)).map(Area::name).findFirst();
    }

    /** Whether the point lies in Kazakhstan (in one of its oblasts). */
    public boolean inKazakhstan(double lon, double lat) {
        return oblastAt(lon, lat).isPresent();
    }
}
