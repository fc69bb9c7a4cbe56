package kz.incidentmap.layers;

import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.layers.UncertaintyAreas.City;
import org.locationtech.jts.geom.Envelope;

/**
 * The cities within reach of one frame, bucketed in a grid of cells as wide as the reach, to find the
 * city a "city" position stands for among the few in the nine cells round it. A frame asks this for every incident it shows: a tree query each was most of the time of
 * an oblast's frame of a large record.
 */
public final class NearbyCities {

    private final double x0;
    private final double y0;
    private final double cell;
    private final int cols;
    private final int rows;
    private final City[][] buckets;

    /** The cities of {@code cities} bucketed over {@code area}, with cells of {@code reach} metres. */
    NearbyCities(List<City> cities, Envelope area, double reach) {
        this.x0 = area.getMinX();
        this.y0 = area.getMinY();
        this.cell = reach;
        this.cols = Math.max(1, (int) Math.ceil(area.getWidth() / reach));
        this.rows = Math.max(1, (int) Math.ceil(area.getHeight() / reach));
        List<List<City>> lists = new ArrayList<>(cols * rows);
        for (int i = 0; i < cols * rows; i++) {
            lists.add(null);
        }
        for (City c : cities) {
            int at = row(c.y()) * cols + col(c.x());
            if (lists.get(at) == null) {
                lists.set(at, new ArrayList<>(2));
            }
            lists.get(at).add(c);
        }
        buckets = new City[cols * rows][];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = lists.get(i) == null ? null : lists.get(i).toArray(new City[0]);
        }
    }

    private int col(double x) {
        return Math.min(cols - 1, Math.max(0, (int) Math.floor((x - x0) / cell)));
    }

    private int row(double y) {
        return Math.min(rows - 1, Math.max(0, (int) Math.floor((y - y0) / cell)));
    }

    /**
     * The city a "city" position at (x, y), in the area this was made for, stands for: the nearest within
     * reach, or null when none is near (the position then stands for a disc of
     * {@value UncertaintyAreas#NO_CITY_METRES} m round itself). The same instance for every position of
     * one city, so that its extent is drawn once.
     */
    public City at(double x, double y) {
        int c = col(x);
        int r = row(y);
        City best = null;
        double bestD = Double.MAX_VALUE;
        for (int rr = Math.max(0, r - 1); rr <= Math.min(rows - 1, r + 1); rr++) {
            for (int cc = Math.max(0, c - 1); cc <= Math.min(cols - 1, c + 1); cc++) {
                City[] in = buckets[rr * cols + cc];
                if (in == null) {
                    continue;
                }
                for (City city : in) {
                    // Compared squared: Math.hypot was most of the time of a look-up.
                    double dx = city.x() - x;
                    double dy = city.y() - y;
                    double d = dx * dx + dy * dy;
                    if (d <= cell * cell && d < bestD) {
                        best = city;
                        bestD = d;
                    }
                }
            }
        }
        return best;
    }
}
