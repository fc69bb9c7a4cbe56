package kz.incidentmap.model;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One generalised feature of a {@link MapLevel}: a road, railway or river merged from the ways of one
 * name and class and simplified, or a built-up area or lake, in WGS 84 longitude/latitude. It stands
 * for several OpenStreetMap elements, so it has no id of its own.
 *
 * @param level the level it belongs to
 * @param geometry a line string or a polygon
 * @param kind "highway", "railway", "waterway", "water" or "builtup"
 * @param type the class within the kind: the road type ("primary"), "rail", "river", "lake", "builtup"
 * @param name the common name of the merged features, or null
 * @param ref the common road number of the merged roads ("M-39"), or null
 */
public record LevelFeature(MapLevel level, Geometry geometry, String kind, String type, String name, String ref) {

    /** A feature without a road number: a river, a railway, an area, a road with none. */
    public LevelFeature(MapLevel level, Geometry geometry, String kind, String type, String name) {
        this(level, geometry, kind, type, name, null);
    }

    public LevelFeature {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
    }

    /** Whether it is drawn as an area (built-up area, lake) rather than a line. */
    public boolean isArea() {
        return geometry.getDimension() == 2;
    }
}
