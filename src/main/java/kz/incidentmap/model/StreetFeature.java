package kz.incidentmap.model;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One street-level feature made from OpenStreetMap data: a street, a building, an area or a point of
 * interest, in WGS 84 longitude/latitude.
 *
 * @param layer which street layer it belongs to
 * @param osmId the OpenStreetMap element it was made from: "n" node, "w" way or "r" relation, then the id
 *              ("w4711"); a point of interest made from an area gets the area's id
 * @param geometry longitude/latitude geometry
 * @param kind the tag key that classified it ("highway", "building", "amenity", "shop", ...)
 * @param type that tag's value ("primary", "yes", "marketplace", "photo", ...)
 * @param name the {@code name} tag, or null
 * @param nameRu the {@code name:ru} tag, or null
 * @param nameKk the {@code name:kk} tag, or null
 * @param road a road's number, direction and level ({@link RoadTags#NONE} for everything else)
 */
public record StreetFeature(StreetLayer layer, String osmId, Geometry geometry, String kind, String type,
        String name, String nameRu, String nameKk, RoadTags road) {

    public StreetFeature {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(osmId, "osmId");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        road = road == null ? RoadTags.NONE : road;
    }

    /** A feature without road tags. */
    public StreetFeature(StreetLayer layer, String osmId, Geometry geometry, String kind, String type, String name,
            String nameRu, String nameKk) {
        this(layer, osmId, geometry, kind, type, name, nameRu, nameKk, RoadTags.NONE);
    }
}
