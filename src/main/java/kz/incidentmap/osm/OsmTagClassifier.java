package kz.incidentmap.osm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.incidentmap.model.RoadTags;
import kz.incidentmap.model.StreetLayer;

/**
 * Decides from its tags which street layers an OpenStreetMap element belongs to, and with which kind
 * (tag key) and type (tag value). One element may give several features: a market hall is a building,
 * and, having a name, a point of interest too.
 */
final class OsmTagClassifier {

    /**
     * One classification.
     *
     * @param layer the street layer
     * @param kind the tag key
     * @param type the tag value
     */
    record Classified(StreetLayer layer, String kind, String type) {
    }

    static final Set<String> ROAD_TYPES = Set.of("motorway", "motorway_link", "trunk", "trunk_link", "primary",
            "primary_link", "secondary", "secondary_link", "tertiary", "tertiary_link", "unclassified", "residential",
            "living_street", "service", "pedestrian", "footway", "path", "cycleway", "steps", "track", "road");
    /** Railways, kept with the roads: the map draws both as lines by class, at every scale. */
    static final Set<String> RAILWAY_TYPES = Set.of("rail", "light_rail", "narrow_gauge", "subway", "tram",
            "monorail");
    private static final Set<String> LEISURE_AREAS = Set.of("park", "garden", "playground", "pitch", "stadium",
            "sports_centre", "square");
    private static final Set<String> AMENITY_AREAS = Set.of("marketplace", "parking", "school", "university",
            "college", "hospital", "kindergarten", "place_of_worship");
    private static final Set<String> NATURAL_AREAS = Set.of("wood", "scrub", "grassland", "heath", "sand", "beach",
            "wetland");
    private static final Set<String> WATER_LINES = Set.of("river", "stream", "canal", "drain", "ditch");
    private static final Set<String> SETTLEMENTS = Set.of("city", "town", "village");
    private static final List<String> POI_KEYS = List.of("amenity", "shop", "office", "government", "tourism",
            "historic", "craft", "healthcare");

    private OsmTagClassifier() {
    }

    /**
     * The street or railway a way is, if it is one (not an area, not abandoned, not disused): kind
     * {@code highway} or {@code railway}.
     */
    static Classified road(Map<String, String> tags) {
        if ("yes".equals(tags.get("area"))) {
            return null;
        }
        String highway = tags.get("highway");
        if (highway != null && ROAD_TYPES.contains(highway)) {
            return new Classified(StreetLayer.ROADS, "highway", highway);
        }
        String railway = tags.get("railway");
        if (railway != null && RAILWAY_TYPES.contains(railway)) {
            return new Classified(StreetLayer.ROADS, "railway", railway);
        }
        return null;
    }

    /** The number, direction and level of a road or railway; a {@code layer} that is no small whole number is 0. */
    static RoadTags roadTags(Map<String, String> tags) {
        String oneway = tags.get("oneway");
        int layer = 0;
        String l = tags.get("layer");
        if (l != null) {
            try {
                layer = Math.max(-5, Math.min(5, Integer.parseInt(l.strip())));
            } catch (NumberFormatException e) {
                // "layer=yes" and the like: at ground level, as renderers take it
            }
        }
        String bridge = tags.get("bridge");
        String tunnel = tags.get("tunnel");
        int direction = "yes".equals(oneway) || "1".equals(oneway) || "true".equals(oneway) ? 1
                : "-1".equals(oneway) || "reverse".equals(oneway) ? -1 : 0;
        return new RoadTags(tags.get("ref"), direction, layer,
                bridge != null && !"no".equals(bridge), tunnel != null && !"no".equals(tunnel)
                        && !"building_passage".equals(tunnel));
    }

    /** A river, stream or canal centre-line. */
    static Classified waterLine(Map<String, String> tags) {
        String waterway = tags.get("waterway");
        return waterway != null && WATER_LINES.contains(waterway)
                ? new Classified(StreetLayer.WATER, "waterway", waterway) : null;
    }

    /** The area layers of a closed way or multipolygon; empty when the tags describe no area we draw. */
    static List<Classified> areas(Map<String, String> tags) {
        List<Classified> out = new ArrayList<>(2);
        String building = tags.get("building");
        if (building != null && !"no".equals(building)) {
            out.add(new Classified(StreetLayer.BUILDINGS, "building", building));
        }
        Classified water = water(tags);
        if (water != null) {
            out.add(water);
        } else {
            Classified land = land(tags);
            if (land != null) {
                out.add(land);
            }
        }
        return out;
    }

    private static Classified water(Map<String, String> tags) {
        if ("water".equals(tags.get("natural"))) {
            return new Classified(StreetLayer.WATER, "natural", "water");
        }
        String waterway = tags.get("waterway");
        if ("riverbank".equals(waterway) || "dock".equals(waterway)) {
            return new Classified(StreetLayer.WATER, "waterway", waterway);
        }
        String landuse = tags.get("landuse");
        if ("reservoir".equals(landuse) || "basin".equals(landuse)) {
            return new Classified(StreetLayer.WATER, "landuse", landuse);
        }
        return null;
    }

    private static Classified land(Map<String, String> tags) {
        String v;
        if ((v = tags.get("amenity")) != null && AMENITY_AREAS.contains(v)) {
            return new Classified(StreetLayer.LANDUSE, "amenity", v);
        }
        if ((v = tags.get("leisure")) != null && LEISURE_AREAS.contains(v)) {
            return new Classified(StreetLayer.LANDUSE, "leisure", v);
        }
        if ("square".equals(tags.get("place"))) {
            return new Classified(StreetLayer.LANDUSE, "place", "square");
        }
        if ((v = tags.get("highway")) != null && "yes".equals(tags.get("area"))) {
            return new Classified(StreetLayer.LANDUSE, "highway", v);
        }
        if ((v = tags.get("landuse")) != null) {
            return new Classified(StreetLayer.LANDUSE, "landuse", v);
        }
        if ((v = tags.get("natural")) != null && NATURAL_AREAS.contains(v)) {
            return new Classified(StreetLayer.LANDUSE, "natural", v);
        }
        return null;
    }

    /** A named point of interest, or null: only named features are kept as points. */
    static Classified poi(Map<String, String> tags) {
        if (tags.get("name") == null) {
            return null;
        }
        for (String key : POI_KEYS) {
            String v = tags.get(key);
            if (v != null && !"no".equals(v)) {
                return new Classified(StreetLayer.POIS, key, v);
            }
        }
        return null;
    }

    /**
     * The admin level of a {@code boundary=administrative} relation ({@code type=boundary}, or
     * {@code type=multipolygon} as some mappers tag it) if it is one we keep: 4 (oblasts, and the cities
     * of republican significance) or 6 (districts); 0 for anything else.
     */
    static int adminLevel(Map<String, String> tags) {
        String type = tags.get("type");
        if (!"administrative".equals(tags.get("boundary")) || !("boundary".equals(type) || "multipolygon".equals(type))) {
            return 0;
        }
        String level = tags.get("admin_level");
        return level == null ? 0 : switch (level.strip()) {
            case "4" -> 4;
            case "6" -> 6;
            default -> 0;
        };
    }

    /** The settlement type of a named {@code place=city|town|village} node, or null. */
    static String settlement(Map<String, String> tags) {
        String place = tags.get("place");
        return place != null && SETTLEMENTS.contains(place) && tags.get("name") != null ? place : null;
    }

    /** Whether a relation is a multipolygon worth assembling. */
    static boolean isAreaRelation(Map<String, String> tags) {
        return "multipolygon".equals(tags.get("type")) && (!areas(tags).isEmpty() || poi(tags) != null);
    }
}
