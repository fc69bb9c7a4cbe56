package kz.incidentmap.model;

/**
 * The street-level layers that OpenStreetMap data is sorted into, each stored as one GeoPackage
 * feature table.
 */
public enum StreetLayer {
    /** Street and railway centre-lines: {@code highway=*} and {@code railway=*} ways. */
    ROADS("osm_roads", "LINESTRING"),
    /** Building outlines. */
    BUILDINGS("osm_buildings", "MULTIPOLYGON"),
    /** Land use, parks, squares and market areas. */
    LANDUSE("osm_landuse", "MULTIPOLYGON"),
    /** Lakes, rivers and canals: areas and centre-lines. */
    WATER("osm_water", "GEOMETRY"),
    /** Named points of interest: shops, offices, amenities, monuments. */
    POIS("osm_pois", "POINT");

    private final String table;
    private final String geometryType;

    StreetLayer(String table, String geometryType) {
        this.table = table;
        this.geometryType = geometryType;
    }

    /** The GeoPackage feature table of this layer. */
    public String table() {
        return table;
    }

    /** The geometry type name registered in {@code gpkg_geometry_columns}. */
    public String geometryType() {
        return geometryType;
    }
}
