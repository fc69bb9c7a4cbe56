package kz.incidentmap.model;

import java.time.LocalDate;
import java.util.Objects;
import org.locationtech.jts.geom.Point;

/**
 * A settlement from an OpenStreetMap {@code place=city|town|village} node, in WGS 84 longitude/latitude.
 *
 * @param osmId "n" and the node's id
 * @param type city, town or village
 * @param point where it is
 * @param name the {@code name} tag (never null: unnamed places are not kept)
 * @param nameRu the {@code name:ru} tag, or null
 * @param nameKk the {@code name:kk} tag, or null
 * @param oldName the {@code old_name} tag, or null (several separated by ";")
 * @param population the {@code population} tag as a whole number, 0 when missing or not a number
 * @param extractDate the day of the extract it came from
 */
public record OsmPlace(String osmId, String type, Point point, String name, String nameRu, String nameKk,
        String oldName, long population, LocalDate extractDate) {

    public OsmPlace {
        Objects.requireNonNull(osmId, "osmId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(extractDate, "extractDate");
    }
}
