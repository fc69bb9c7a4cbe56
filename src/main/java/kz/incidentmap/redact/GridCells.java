package kz.incidentmap.redact;

/**
 * The grid a {@code gridN} profile snaps to: rows of {@code km} kilometres of latitude from the equator,
 * each row cut into cells {@code km} kilometres wide along its middle latitude, counted from the
 * Greenwich meridian. Cells are about {@code km} × {@code km} at every latitude, and the grid depends on
 * nothing but the cell size, so anyone can check that a shared position is a cell's centre.
 */
public final class GridCells {

    /** Kilometres in a degree of latitude (and of longitude at the equator), on the sphere geodesy uses. */
    public static final double KM_PER_DEGREE = 6_371.0088 * Math.PI / 180;

    private GridCells() {
    }

    /** The centre of the cell of {@code km} that holds the point: {longitude, latitude}. */
    public static double[] centre(double lon, double lat, int km) {
        double rowDegrees = km / KM_PER_DEGREE;
        double centreLat = (Math.floor(lat / rowDegrees) + 0.5) * rowDegrees;
        double colDegrees = km / (KM_PER_DEGREE * Math.cos(Math.toRadians(centreLat)));
        double centreLon = (Math.floor(lon / colDegrees) + 0.5) * colDegrees;
        return new double[] {centreLon, centreLat};
    }
}
