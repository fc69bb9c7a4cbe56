package kz.incidentmap.identify;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import kz.incidentmap.layers.ClusterStyles;
import kz.incidentmap.model.Incident;
import org.locationtech.jts.geom.Envelope;

/**
 * One feature under a click.
 *
 * @param layer the layer's name ("incidents", "cities")
 * @param layerTitle the layer's title as the user reads it
 * @param featureId the feature id (an incident's UUID for incidents)
 * @param distancePx distance in pixels from the click to the drawn symbol (0 inside a polygon or a marker)
 * @param attributes the feature's attributes, geometry excluded, in schema order
 * @param records the incident records behind the hit, read from the store: the incident itself, or for
 *                a cluster the members nearest the click (the first page of its list), nearest first
 * @param extent for a cluster, the map extent of all its members; otherwise null
 * @param pages for a cluster, its whole list of members page by page (the first page is {@code records});
 *              otherwise null
 */
public record Hit(String layer, String layerTitle, String featureId, double distancePx, Map<String, Object> attributes,
        List<Incident> records, Envelope extent, RecordPages pages) {

    public Hit {
        Objects.requireNonNull(attributes, "attributes");
        records = List.copyOf(records);
    }

    /** Whether this hit is a cluster or stack of several incidents rather than one feature. */
    public boolean isCluster() {
        return attributes.get(ClusterStyles.COUNT) instanceof Number n && n.intValue() > 1;
    }

    /** A hit on one incident, with its record. */
    public Hit(String layer, String layerTitle, String featureId, double distancePx, Map<String, Object> attributes,
            Incident record) {
        this(layer, layerTitle, featureId, distancePx, attributes, List.of(record), null, null);
    }

    /** A hit on a feature that is not an incident, or whose record is read elsewhere. */
    public Hit(String layer, String layerTitle, String featureId, double distancePx, Map<String, Object> attributes) {
        this(layer, layerTitle, featureId, distancePx, attributes, List.of(), null, null);
    }
}
