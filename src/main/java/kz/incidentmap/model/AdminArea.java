package kz.incidentmap.model;

import java.time.LocalDate;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * An administrative boundary made from an OpenStreetMap {@code boundary=administrative} relation: an
 * oblast or a city of republican significance (admin level 4) or a district (admin level 6), in WGS 84
 * longitude/latitude.
 *
 * @param osmId "r" and the relation's id ("r214665")
 * @param adminLevel 4 or 6
 * @param geometry the (multi)polygon, valid
 * @param name the {@code name} tag, or null
 * @param nameRu the {@code name:ru} tag, or null
 * @param nameKk the {@code name:kk} tag, or null
 * @param extractDate the day of the extract it came from
 */
public record AdminArea(String osmId, int adminLevel, Geometry geometry, String name, String nameRu, String nameKk,
        LocalDate extractDate) {

    /** Oblasts and the cities of republican significance. */
    public static final int OBLAST_LEVEL = 4;
    /** Districts. */
    public static final int DISTRICT_LEVEL = 6;

    public AdminArea {
        Objects.requireNonNull(osmId, "osmId");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(extractDate, "extractDate");
    }
}
