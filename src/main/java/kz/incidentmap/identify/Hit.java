package kz.incidentmap.identify;

import java.util.Map;

/**
 * One feature under a click.
 *
 * @param layer the layer's name ("incidents", "cities")
 * @param layerTitle the layer's title as the user reads it
 * @param featureId the feature id (an incident's UUID for incidents)
 * @param distancePx distance in pixels from the click to the drawn symbol (0 inside a polygon or a marker)
 * @param attributes the feature's attributes, geometry excluded, in schema order
 */
public record Hit(String layer, String layerTitle, String featureId, double distancePx, Map<String, Object> attributes) {
}
