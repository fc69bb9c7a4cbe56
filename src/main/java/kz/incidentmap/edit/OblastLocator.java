package kz.incidentmap.edit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kz.incidentmap.layers.GeoJsonFeature;
import kz.incidentmap.layers.GeoJsonFeatures;
import kz.incidentmap.layers.OblastSplit;
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
 * The boundaries predate 2018, so the south is "Turkistan Region" including Shymkent, and the regions
 * created in 2022 (Abai, Zhetysu, Ulytau) have no boundary: a record of their day that names one keeps it
 * ({@link #oblastOf}). Immutable; safe to share between threads.
 */
public final class OblastLocator {

    private record Area(String name, PreparedGeometry shape) {
    }

    private static final GeometryFactory GF = new GeometryFactory();

    private final List<Area> areas;
    /** The 2022 regions, each with the record's name of the oblast it was carved from. */
    private final List<Split> splits;

    private record Split(OblastSplit region, String parent) {
    }

    private OblastLocator(List<Area> areas, List<Split> splits) {
        this.areas = List.copyOf(areas);
        this.splits = List.copyOf(splits);
    }

    /** Reads {@code oblasts.geojson} and the oblasts' names ({@code oblast-names.csv}) from the maps folder. */
    public static OblastLocator load(Path mapsDir) throws IOException {
        return of(GeoJsonFeatures.read(mapsDir.resolve("oblasts.geojson")), PlaceLabels.read(mapsDir),
                OblastSplit.read(mapsDir));
    }

    /**
     * From oblast boundaries already read (longitude/latitude features with a {@code name}), each named
     * in the record by its English name of today in {@code labels}.
     */
    public static OblastLocator of(List<GeoJsonFeature> features, PlaceLabels labels, List<OblastSplit> regions) {
        List<Area> areas = new ArrayList<>();
        for (GeoJsonFeature f : features) {
            areas.add(new Area(labels.oblast(f.string("name"), null, Locale.ENGLISH),
                    PreparedGeometryFactory.prepare(f.geometry())));
        }
        List<Split> splits = regions.stream()
                .map(r -> new Split(r, labels.oblast(r.parent(), null, Locale.ENGLISH))).toList();
        return new OblastLocator(areas, splits);
    }

    /**
     * The oblast of a record at the point, given the oblast the record names and its day: the drawn
     * oblast the point lies in, or the 2022 region the record names when the point lies in the oblast it
     * was carved from and the record's day is not before the region's (the map cannot place a point in a
     * region it has no boundary of, so it takes the record's word). Empty outside Kazakhstan.
     */
    public Optional<String> oblastOf(double lon, double lat, String named, LocalDate day) {
        Optional<String> drawn = oblastAt(lon, lat);
        if (drawn.isEmpty() || named == null || day == null) {
            return drawn;
        }
        return splits.stream().filter(s -> s.parent().equals(drawn.get()) && s.region().isNamed(named)
                && !day.isBefore(s.region().from())).map(s -> s.region().name()).findFirst().or(() -> drawn);
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
