package kz.incidentmap.filter;

import java.util.Locale;
import java.util.Objects;
import kz.incidentmap.i18n.Texts;
import org.geotools.referencing.GeodeticCalculator;
import org.geotools.referencing.datum.DefaultEllipsoid;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Where incidents must lie, in longitude/latitude (WGS 84 degrees): inside a shape (a rectangle, a
 * polygon; its edge counts as inside), or within a distance of a point, measured on the WGS 84
 * ellipsoid. Immutable and thread-safe.
 */
public final class Area {

    private static final GeometryFactory GF = new GeometryFactory();

    private final Geometry shape;
    private final PreparedGeometry prepared;
    private final Coordinate centre;
    private final double metres;
    private final String label;
    /** How the label of an area "within N km of" a place begins. */
    private static final String WITHIN = "within ";

    private Area(Geometry shape, Coordinate centre, double metres, String label) {
        this.shape = shape;
        this.prepared = shape == null ? null : PreparedGeometryFactory.prepare(shape);
        this.centre = centre;
        this.metres = metres;
        this.label = label;
    }

    /** Inside {@code shape} (longitude/latitude), described as {@code label} ("Zhambyl area"). */
    public static Area inside(Geometry shape, String label) {
        Objects.requireNonNull(shape, "shape");
        if (shape.isEmpty() || shape.getDimension() < 2) {
            throw new IllegalArgumentException("an area must be a rectangle or polygon, not " + shape.getGeometryType());
        }
        return new Area(shape, null, 0, label);
    }

    /** Inside a longitude/latitude box. */
    public static Area inside(Envelope box) {
        return inside(GF.toGeometry(box), String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f", box.getMinX(),
                box.getMinY(), box.getMaxX(), box.getMaxY()));
    }

    /** Within {@code km} kilometres of (lon, lat), described as "within km of {@code place}". */
    public static Area within(double km, double lon, double lat, String place) {
        if (!(km > 0 && km <= 5_000)) {
            throw new IllegalArgumentException("distance " + km + " km: must be more than 0 and at most 5000");
        }
        return new Area(null, new Coordinate(lon, lat), km * 1000, String.format(Locale.ROOT, WITHIN + "%s km of %s",
                km == Math.rint(km) ? Long.toString((long) km) : Double.toString(km), place));
    }

    /** The centre (lon, lat) and the distance in km of an area "within N km of", or null for a shape. */
    double[] circle() {
        return shape != null ? null : new double[] {centre.x, centre.y, metres / 1000};
    }

    /** The shape as WKT in longitude/latitude, or null for an area "within N km of". */
    String wkt() {
        return shape == null ? null : shape.toText();
    }

    /** Whether (lon, lat) lies in the area; a position that is not a number never does. */
    public boolean contains(double lon, double lat) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
            return false;
        }
        if (prepared != null) {
            return prepared.covers(GF.createPoint(new Coordinate(lon, lat)));
        }
        return distanceMetres(centre.x, centre.y, lon, lat) <= metres;
    }

    /** Metres between two points on the WGS 84 ellipsoid (GeoTools' geodesic, not a sphere). */
    static double distanceMetres(double lon1, double lat1, double lon2, double lat2) {
        return DefaultEllipsoid.WGS84.orthodromicDistance(lon1, lat1, lon2, lat2);
    }

    /**
     * A longitude/latitude box holding the whole area: what a scan or an index may look in first. For a
     * distance it is a little wider than needed (degrees of longitude shrink towards the pole).
     */
    public Envelope bounds() {
        if (shape != null) {
            return shape.getEnvelopeInternal();
        }
        double dLat = metres / 110_000.0 + 0.01;
        double cos = Math.max(0.05, Math.cos(Math.toRadians(Math.min(89, Math.abs(centre.y) + dLat))));
        double dLon = metres / (110_000.0 * cos) + 0.01;
        return new Envelope(centre.x - dLon, centre.x + dLon, centre.y - dLat, centre.y + dLat);
    }

    /**
     * The area's edge in longitude/latitude, to draw: the shape, or for a distance a ring of
     * {@code points} points that distance away on the ellipsoid.
     */
    public Geometry outline(int points) {
        if (shape != null) {
            return shape;
        }
        GeodeticCalculator calc = new GeodeticCalculator(DefaultEllipsoid.WGS84);
        Coordinate[] ring = new Coordinate[points + 1];
        for (int k = 0; k < points; k++) {
            calc.setStartingGeographicPoint(centre.x, centre.y);
            calc.setDirection(-180 + 360.0 * k / points, metres);
            java.awt.geom.Point2D p = calc.getDestinationGeographicPoint();
            ring[k] = new Coordinate(p.getX(), p.getY());
        }
        ring[points] = ring[0];
        return GF.createPolygon(ring);
    }

    /** "within 25 km of Taraz", or the shape's label. */
    public String describe() {
        return describe(Texts.ENGLISH);
    }

    /** The same in the language of {@code texts}; the place's name and a shape's own label are kept. */
    public String describe(Texts texts) {
        if (shape == null && label != null && label.startsWith(WITHIN)) {
            int of = label.indexOf(" km of ");
            if (of > 0) {
                return texts.format("filterWords.within", texts.number(metres / 1000, metres % 1000 == 0 ? 0 : 1),
                        label.substring(of + " km of ".length()));
            }
        }
        return label == null ? texts.text("filterWords.areaDrawn") : label;
    }

    @Override
    public String toString() {
        return describe();
    }
}
