package kz.incidentmap.levels;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Longitude/latitude to approximate metres about the middle latitude of an area and back, so that
 * tolerances and buffers are metres in every direction (a degree of longitude is shorter than one of
 * latitude). Within a city the error is far below a pixel; across a whole country the tolerances vary
 * with the cosine of the latitude.
 */
final class LocalMetres {

    private static final double METRES_PER_DEGREE = 111_320;

    private final AffineTransformation toMetres;
    private final AffineTransformation toDegrees;

    LocalMetres(Envelope lonLat) {
        double lat = lonLat.isNull() ? 0 : (lonLat.getMinY() + lonLat.getMaxY()) / 2;
        double kx = METRES_PER_DEGREE * Math.cos(Math.toRadians(lat));
        toMetres = AffineTransformation.scaleInstance(kx, METRES_PER_DEGREE);
        toDegrees = AffineTransformation.scaleInstance(1 / kx, 1 / METRES_PER_DEGREE);
    }

    Geometry metres(Geometry lonLat) {
        return toMetres.transform(lonLat);
    }

    Geometry degrees(Geometry metres) {
        return toDegrees.transform(metres);
    }
}
