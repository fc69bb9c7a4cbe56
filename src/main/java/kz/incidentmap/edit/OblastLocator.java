package kz.incidentmap.edit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kz.incidentmap.layers.GeoJsonFeature;
import kz.incidentmap.layers.GeoJsonFeatures;
import kz.incidentmap.layers.PlaceLabels;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Finds the oblast a point lies in, by point-in-polygon on the shipped boundaries
 * ({@code maps/oblasts.geojson}, Natural Earth). Natural Earth spells the names in its own
 * transliteration ("Aqtöbe"); the record uses today's English names of {@code maps/oblast-names.csv}
 * ("Aktobe Region").
 * The boundaries predate 2018, so the south is "Turkistan Region" including Shymkent, and the oblasts
 * created in 2022 are not separate. Immutable; safe to share between threads.
 */
public final class OblastLocator {

    private record Area(String name, PreparedGeometry shape) {
    }

    private static final GeometryFactory GF = new GeometryFactory();

    private final List<Area> areas;

    private OblastLocator(List<Area> areas) {
        this.areas = List.copyOf(areas);
    }

    /** Reads {@code oblasts.geojson} and the oblasts' names ({@code oblast-names.csv}) from the maps folder. */
    public static OblastLocator load(Path mapsDir) throws IOException {
        return of(GeoJsonFeatures.read(mapsDir.resolve("oblasts.geojson")), PlaceLabels.read(mapsDir));
    }

    /**
     * From oblast boundaries already read (longitude/latitude features with a {@code name}), each named
     * in the record by its English name of today in {@code labels}.
     */
    public static OblastLocator of(List<GeoJsonFeature> features, PlaceLabels labels) {
        List<Area> areas = new ArrayList<>();
        for (GeoJsonFeature f : features) {
            areas.add(new Area(labels.oblast(f.string("name"), null, Locale.ENGLISH),
                    PreparedGeometryFactory.prepare(f.geometry())));
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
