package kz.incidentmap.layers;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * What a position of a given precision may stand for, in map metres: "street" a disc of
 * {@link #STREET_METRES}; "city" the city's extent, a disc sized from its population (a city of 358,000
 * people, Taraz, about 7 km across the radius); "region" the oblast the point lies in. Built once from the
 * basemap's cities and oblasts; immutable and safe to share between threads.
 */
public final class UncertaintyAreas {

    /** How far a position known to its street may be from where it is drawn. */
    public static final double STREET_METRES = 100;
    /** A city's radius is this many metres times the square root of its population (about its built-up area). */
    static final double METRES_PER_ROOT_PERSON = 12;
    /** The smallest radius a city is given, and the radius where no city is near. */
    static final double MIN_CITY_METRES = 1_000;
    public static final double NO_CITY_METRES = 3_000;
    /** How far from a city's point a position may be and still be that city's. */
    public static final double CITY_REACH_METRES = 20_000;

    /** No areas: "city" and "region" positions get the default city disc and no oblast. */
    public static final UncertaintyAreas NONE = new UncertaintyAreas(new STRtree(), List.of(), List.of());

    /** A city's extent: its point and its radius, map metres. */
    public record City(double x, double y, double radius) {
    }

    private static final GeometryFactory GF = new GeometryFactory();

    private final STRtree cities;
    private final List<Geometry> oblasts;
    private final List<PreparedGeometry> prepared;

    private UncertaintyAreas(STRtree cities, List<Geometry> oblasts, List<PreparedGeometry> prepared) {
        cities.build();
        this.cities = cities;
        this.oblasts = List.copyOf(oblasts);
        this.prepared = List.copyOf(prepared);
    }

    /**
     * From the cities (points in map metres with their population) and the oblasts (polygons in map
     * metres) of the basemap.
     */
    public static UncertaintyAreas of(List<Coordinate> cityPoints, List<Long> populations, List<Geometry> oblastShapes) {
        STRtree tree = new STRtree();
        for (int i = 0; i < cityPoints.size(); i++) {
            Coordinate c = cityPoints.get(i);
            double r = Math.max(MIN_CITY_METRES, METRES_PER_ROOT_PERSON * Math.sqrt(Math.max(0, populations.get(i))));
            tree.insert(new Envelope(c), new City(c.x, c.y, r));
        }
        List<PreparedGeometry> prepared = new ArrayList<>();
        for (Geometry g : oblastShapes) {
            prepared.add(PreparedGeometryFactory.prepare(g));
        }
        return new UncertaintyAreas(tree, oblastShapes, prepared);
    }

    /**
     * The cities that may be the one a "city" position in {@code area} stands for (those within reach
     * of it), ready to be asked for many positions there ({@link NearbyCities#at}).
     */
    public NearbyCities citiesNear(Envelope area) {
        Envelope reach = new Envelope(area);
        reach.expandBy(CITY_REACH_METRES);
        List<City> near = new ArrayList<>();
        for (Object o : cities.query(reach)) {
            near.add((City) o);
        }
        return new NearbyCities(near, reach, CITY_REACH_METRES);
    }

    /** How many oblasts reach into {@code area}: the most a frame of it can hatch. */
    public int oblastsTouching(Envelope area) {
        Geometry box = GF.toGeometry(area);
        int n = 0;
        for (PreparedGeometry p : prepared) {
            if (p.intersects(box)) {
                n++;
            }
        }
        return n;
    }

    /** The oblast a "region" position at (x, y) stands for, or null outside every oblast. */
    public Geometry oblastAt(double x, double y) {
        var point = GF.createPoint(new Coordinate(x, y));
        for (int i = 0; i < prepared.size(); i++) {
            if (prepared.get(i).covers(point)) {
                return oblasts.get(i);
            }
        }
        return null;
    }
}
