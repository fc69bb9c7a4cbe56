package kz.incidentmap.layers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.geo.MapProjection;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Kazakhstan and its neighbours from the basemap's country file, in map metres: what the window's
 * start-up preview draws before the map is loaded (see {@code render.PreviewFrame}). The file is read on
 * its own, without the layers, styles and labels the map builds from it.
 *
 * @param kazakhstan the country's polygons
 * @param neighbours every other country in the file
 */
public record CountryOutlines(Geometry kazakhstan, List<Geometry> neighbours) {

    public CountryOutlines {
        neighbours = List.copyOf(neighbours);
    }

    /** Reads {@code countries.geojson} of {@code mapsDir}, projected; fails when it lacks Kazakhstan. */
    public static CountryOutlines read(Path mapsDir, MapProjection projection) throws IOException {
        Path file = mapsDir.resolve("countries.geojson");
        Geometry kaz = null;
        List<Geometry> others = new ArrayList<>();
        for (GeoJsonFeature f : GeoJsonFeatures.read(file)) {
            Geometry projected = projection.toMap(f.geometry());
            if (CountryCodes.isKazakhstan(f.properties().get(CountryCodes.ATTRIBUTE))) {
                kaz = projected;
            } else {
                others.add(projected);
            }
        }
        if (kaz == null) {
            throw new IOException(file + ": " + CountryCodes.missing());
        }
        return new CountryOutlines(kaz, others);
    }

    /** The map extent of Kazakhstan: the window's home view, as the loaded map gives it. */
    public Envelope home() {
        return kazakhstan.getEnvelopeInternal();
    }
}
