package kz.incidentmap.model;

/**
 * The generalised levels made from an OpenStreetMap extract for the scales between the country and the
 * street: each keeps fewer, simpler features than the one below it, built once at import so that no
 * frame simplifies a city. The street layers take over below {@link #LOCAL}. The scale range is in
 * scale denominators, from inclusive, to exclusive, as the styles' rules use them.
 */
public enum MapLevel {
    /**
     * Main roads, railways and towns, 1:1,000,000 to 1:250,000, and a little beyond 1:1,000,000 (to
     * 1:1,500,000), where a page or a window a little smaller than planned puts it.
     */
    OVERVIEW("overview", 250_001, 1_500_001, 100),
    /** Down to secondary roads, rivers and lakes, 1:250,000 to 1:75,000. */
    REGIONAL("regional", 75_000, 250_001, 20),
    /** Down to tertiary roads and streams, 1:75,000 to 1:25,000. */
    LOCAL("local", 25_001, 75_000, 4);

    private final String key;
    private final double minScale;
    private final double maxScale;
    private final double toleranceMetres;

    MapLevel(String key, double minScale, double maxScale, double toleranceMetres) {
        this.key = key;
        this.minScale = minScale;
        this.maxScale = maxScale;
        this.toleranceMetres = toleranceMetres;
    }

    /** The level's name in table and layer names: "overview", "regional", "local". */
    public String key() {
        return key;
    }

    /** The smallest scale denominator the level is drawn at (inclusive). */
    public double minScale() {
        return minScale;
    }

    /** The scale denominator from which the level is drawn (exclusive). */
    public double maxScale() {
        return maxScale;
    }

    /**
     * How far, in metres on the ground, a simplified line may stray from the original: under half a
     * pixel at the level's largest scale denominator.
     */
    public double toleranceMetres() {
        return toleranceMetres;
    }

    /** The GeoPackage table of the level's lines (roads, railways, rivers). */
    public String linesTable() {
        return "osm_" + key + "_lines";
    }

    /** The GeoPackage table of the level's areas (built-up areas, lakes). */
    public String areasTable() {
        return "osm_" + key + "_areas";
    }
}
