package kz.incidentmap.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.geotools.api.referencing.crs.ProjectedCRS;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.geotools.referencing.GeodeticCalculator;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class MapProjectionTest {

    private final MapProjection projection = MapProjection.kazakhstan();

    @Test
    void theOriginOfTheProjectionIsTheMapOrigin() {
        Coordinate origin = projection.toMap(68, 48);
        assertEquals(0, origin.x, 1e-6);
        assertEquals(0, origin.y, 1e-6);
    }

    @Test
    void agreesWithTheTransformGeoToolsFindsThroughItsFactories() throws Exception {
        MathTransform reference = CRS.findMathTransform(DefaultGeographicCRS.WGS84, projection.crs(), true);
        double[][] places = {{71.3667, 42.9}, {76.945, 43.25}, {50.3, 51.2}, {87.3, 49.1}, {68, 40.6}};
        for (double[] p : places) {
            Coordinate expected = JTS.transform(new Coordinate(p[0], p[1]), null, reference);
            Coordinate actual = projection.toMap(p[0], p[1]);
            assertEquals(expected.x, actual.x, 1e-3, "x of " + p[0] + ", " + p[1]);
            assertEquals(expected.y, actual.y, 1e-3, "y of " + p[0] + ", " + p[1]);
        }
    }

    @Test
    void isTheProjectionItsWktDescribes() throws Exception {
        ProjectedCRS described = (ProjectedCRS) CRS.parseWKT(MapProjection.WKT);
        MathTransform reference = described.getConversionFromBase().getMathTransform();
        double[][] places = {{71.3667, 42.9}, {46.5, 41.0}, {87.3, 55.4}, {68, 48}};
        for (double[] p : places) {
            Coordinate expected = JTS.transform(new Coordinate(p[0], p[1]), null, reference);
            Coordinate actual = projection.toMap(p[0], p[1]);
            assertEquals(expected.x, actual.x, 1e-6, "x of " + p[0] + ", " + p[1]);
            assertEquals(expected.y, actual.y, 1e-6, "y of " + p[0] + ", " + p[1]);
        }
        assertEquals(MapProjection.NAME, projection.crs().getName().getCode());
    }

    @Test
    void distancesAlongAStandardParallelAreTrue() {
        // A conformal conic keeps scale 1 along its standard parallels (45° and 51° N).
        for (double lat : new double[] {45, 51}) {
            Coordinate a = projection.toMap(66, lat);
            Coordinate b = projection.toMap(66.01, lat);
            GeodeticCalculator calc = new GeodeticCalculator();
            calc.setStartingGeographicPoint(66, lat);
            calc.setDestinationGeographicPoint(66.01, lat);
            assertEquals(calc.getOrthodromicDistance(), a.distance(b), 0.01, "scale on parallel " + lat);
        }
    }

    @Test
    void mapCoordinatesGoBackToTheSameLongitudeAndLatitude() {
        Coordinate map = projection.toMap(71.367, 42.897);
        Coordinate back = projection.toLonLat(map.x, map.y);
        assertEquals(71.367, back.x, 1e-9);
        assertEquals(42.897, back.y, 1e-9);
    }
}
