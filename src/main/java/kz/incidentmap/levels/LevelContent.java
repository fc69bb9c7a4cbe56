package kz.incidentmap.levels;

import java.util.Set;
import kz.incidentmap.model.MapLevel;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.model.StreetLayer;

/**
 * What each level keeps of the street features: road and railway classes, waterways and lakes, and
 * the land use that makes built-up areas, with the sizes below which a level leaves a feature out.
 */
public final class LevelContent {

    /** Land use that counts as built-up. */
    public static final Set<String> BUILT_UP = Set.of("residential", "commercial", "industrial", "retail");
    /** Every road type some level keeps. */
    public static final Set<String> ROAD_TYPES = Set.of("motorway", "trunk", "primary", "secondary", "tertiary");
    /** Every railway type some level keeps. */
    public static final Set<String> RAILWAY_TYPES = Set.of("rail", "narrow_gauge", "light_rail");

    private LevelContent() {
    }

    /** Whether {@code f} is kept, as it is or merged, by {@code level}. */
    public static boolean keeps(MapLevel level, StreetFeature f) {
        String t = f.type();
        return switch (f.layer()) {
            case ROADS -> "railway".equals(f.kind()) ? railway(level, t) : road(level, t);
            case WATER -> f.geometry().getDimension() == 2 ? level != MapLevel.OVERVIEW : waterway(level, t);
            case LANDUSE -> "landuse".equals(f.kind()) && BUILT_UP.contains(t);
            default -> false;
        };
    }

    /** Whether some level may keep {@code f}: what the store reads to build the levels. */
    public static boolean mayKeep(StreetFeature f) {
        for (MapLevel level : MapLevel.values()) {
            if (keeps(level, f)) {
                return true;
            }
        }
        return false;
    }

    private static boolean road(MapLevel level, String type) {
        return switch (level) {
            case OVERVIEW -> Set.of("motorway", "trunk", "primary").contains(type);
            case REGIONAL -> Set.of("motorway", "trunk", "primary", "secondary").contains(type);
            case LOCAL -> ROAD_TYPES.contains(type);
        };
    }

    private static boolean railway(MapLevel level, String type) {
        return level == MapLevel.LOCAL ? RAILWAY_TYPES.contains(type) : !"light_rail".equals(type)
                && RAILWAY_TYPES.contains(type);
    }

    private static boolean waterway(MapLevel level, String type) {
        return switch (level) {
            case OVERVIEW -> false;
            case REGIONAL -> Set.of("river", "canal").contains(type);
            case LOCAL -> Set.of("river", "canal", "stream").contains(type);
        };
    }

    /**
     * Half the widest gap between built-up areas that the level closes, in metres: blocks across a
     * street become one town.
     */
    static double closingMetres(MapLevel level) {
        return switch (level) {
            case OVERVIEW -> 120;
            case REGIONAL -> 40;
            case LOCAL -> 12;
        };
    }

    /** The smallest area a level keeps, in square metres: about two pixels square at its planned smallest scale. */
    static double minAreaSquareMetres(MapLevel level) {
        double metresPerPixel = plannedScale(level) * 0.00028;
        return 4 * metresPerPixel * metresPerPixel;
    }

    /** The shortest line a level keeps, in metres: about two pixels at its planned smallest scale. */
    static double minLengthMetres(MapLevel level) {
        return 2 * plannedScale(level) * 0.00028;
    }

    /** The smallest scale a level is made for: the overview is drawn a little beyond 1:1,000,000 too. */
    private static double plannedScale(MapLevel level) {
        return Math.min(level.maxScale(), 1_000_000);
    }

    /** Street layers a level may take features from. */
    static boolean isSourceLayer(StreetLayer layer) {
        return layer == StreetLayer.ROADS || layer == StreetLayer.WATER || layer == StreetLayer.LANDUSE;
    }
}
