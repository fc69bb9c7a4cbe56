package kz.incidentmap.geo;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.media.jai.JAI;
import org.geotools.api.parameter.ParameterValueGroup;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.NoninvertibleTransformException;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.geotools.referencing.crs.DefaultProjectedCRS;
import org.geotools.referencing.cs.DefaultCartesianCS;
import org.geotools.referencing.operation.projection.LambertConformal2SP;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import si.uom.NonSI;
import si.uom.SI;
import systems.uom.common.USCustomary;
import tech.units.indriya.format.SimpleUnitFormat;

/**
 * The map's projected CRS and the transforms between it and longitude/latitude (WGS 84).
 *
 * <p>A Lambert conformal conic fitted to Kazakhstan (standard parallels 45° and 51° N, central
 * meridian 68° E): shapes stay true at every zoom and the scale error across the country is a few
 * percent at most. It is built from the parameters of {@link #WKT} by the Lambert provider alone, so
 * that start-up waits neither for the EPSG database nor for the WKT parser, which loads every map
 * projection GeoTools knows (about a third of a second). Instances are immutable and thread-safe.
 */
public final class MapProjection {

    /** The name of the map CRS. */
    public static final String NAME = "Kazakhstan Lambert Conformal Conic (WGS 84)";

    /** WKT of the map CRS; a GeoPackage or a GIS tool can be given the same text. */
    public static final String WKT = "PROJCS[\"" + NAME + "\","
            + "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],"
            + "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],"
            + "PROJECTION[\"Lambert_Conformal_Conic_2SP\"],"
            + "PARAMETER[\"standard_parallel_1\",45],PARAMETER[\"standard_parallel_2\",51],"
            + "PARAMETER[\"latitude_of_origin\",48],PARAMETER[\"central_meridian\",68],"
            + "PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]";

    private final CoordinateReferenceSystem crs;
    private final MathTransform toMap;
    private final MathTransform toLonLat;

    private MapProjection(CoordinateReferenceSystem crs, MathTransform toMap, MathTransform toLonLat) {
        this.crs = crs;
        this.toMap = toMap;
        this.toLonLat = toLonLat;
    }

    /** The projection every layer of the map is drawn in. */
    public static MapProjection kazakhstan() {
        return Kazakhstan.PROJECTION;
    }

    /** Built on first use, not when {@link #prepare} is called. */
    private static final class Kazakhstan {
        static final MapProjection PROJECTION = create();
    }

    /**
     * Builds {@link #kazakhstan()} with two threads of {@code executor}, for start-up. Its two slowest
     * parts do not depend on each other: JAI's operation registry, which GeoTools' logging starts the
     * first time any GeoTools class is used, and the units of measure the projection's parameters
     * carry. They are set up side by side; GeoTools itself is then set up by the thread that finishes
     * last, so that its classes are never initialised on two threads at once.
     */
    public static CompletableFuture<MapProjection> prepare(Executor executor) {
        CompletableFuture<Void> imaging = CompletableFuture.runAsync(JAI::getDefaultInstance, executor);
        CompletableFuture<Void> units = CompletableFuture.runAsync(MapProjection::loadUnits, executor);
        return imaging.thenCombine(units, (i, u) -> kazakhstan());
    }

    /** The unit systems GeoTools' units are built from (none of them GeoTools classes). */
    private static void loadUnits() {
        SI.getInstance();
        NonSI.getInstance();
        USCustomary.getInstance();
        SimpleUnitFormat.getInstance();
    }

    private static MapProjection create() {
        // The conversion the WKT defines, built directly: CRS.findMathTransform would start GeoTools'
        // EPSG database to look for datum shifts (a second of start-up for nothing), and parsing the WKT
        // would register every projection provider to find this one.
        LambertProvider lambert = new LambertProvider();
        ParameterValueGroup p = lambert.getParameters().createValue();
        p.parameter("semi_major").setValue(6378137.0);
        p.parameter("semi_minor").setValue(6378137.0 * (1 - 1 / 298.257223563));
        p.parameter("standard_parallel_1").setValue(45.0);
        p.parameter("standard_parallel_2").setValue(51.0);
        p.parameter("latitude_of_origin").setValue(48.0);
        p.parameter("central_meridian").setValue(68.0);
        p.parameter("false_easting").setValue(0.0);
        p.parameter("false_northing").setValue(0.0);
        MathTransform forward = lambert.create(p);
        try {
            CoordinateReferenceSystem crs = new DefaultProjectedCRS(NAME, DefaultGeographicCRS.WGS84, forward,
                    DefaultCartesianCS.PROJECTED);
            return new MapProjection(crs, forward, forward.inverse());
        } catch (NoninvertibleTransformException e) {
            throw new IllegalStateException("Cannot build the map projection", e);
        }
    }

    /** GeoTools' Lambert conformal conic (2 standard parallels), whose transform factory is protected. */
    private static final class LambertProvider extends LambertConformal2SP.Provider {
        private static final long serialVersionUID = 1L;

        MathTransform create(ParameterValueGroup values) {
            return createMathTransform(values);
        }
    }

    public CoordinateReferenceSystem crs() {
        return crs;
    }

    /** Longitude/latitude (degrees, WGS 84) to map metres. */
    public Coordinate toMap(double lon, double lat) {
        try {
            return JTS.transform(new Coordinate(lon, lat), null, toMap);
        } catch (TransformException e) {
            throw new IllegalArgumentException("Cannot project " + lon + ", " + lat, e);
        }
    }

    /** Map metres to longitude/latitude (degrees, WGS 84). */
    public Coordinate toLonLat(double x, double y) {
        try {
            return JTS.transform(new Coordinate(x, y), null, toLonLat);
        } catch (TransformException e) {
            throw new IllegalArgumentException("Cannot unproject " + x + ", " + y, e);
        }
    }

    /** A geometry in longitude/latitude reprojected to map metres. */
    public Geometry toMap(Geometry lonLat) {
        try {
            return JTS.transform(lonLat, toMap);
        } catch (TransformException e) {
            throw new IllegalArgumentException("Cannot project geometry", e);
        }
    }

    /** The map-metre envelope covering a longitude/latitude envelope (densified edges). */
    public Envelope toMap(Envelope lonLat) {
        try {
            return JTS.transform(lonLat, null, toMap, 10);
        } catch (TransformException e) {
            throw new IllegalArgumentException("Cannot project envelope " + lonLat, e);
        }
    }

    /** The longitude/latitude envelope covering a map-metre envelope (densified edges). */
    public Envelope toLonLat(Envelope map) {
        try {
            return JTS.transform(map, null, toLonLat, 10);
        } catch (TransformException e) {
            throw new IllegalArgumentException("Cannot unproject envelope " + map, e);
        }
    }

    /**
     * Projects {@code count} longitude/latitude pairs, interleaved (lon, lat, lon, lat…), to map metres in
     * place: one call for a million points instead of a million.
     */
    public void toMap(double[] lonLat, int count) {
        try {
            toMap.transform(lonLat, 0, lonLat, 0, count);
        } catch (TransformException e) {
            throw new IllegalArgumentException("Cannot project " + count + " points", e);
        }
    }
}
