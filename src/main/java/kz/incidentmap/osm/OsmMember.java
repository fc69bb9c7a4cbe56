package kz.incidentmap.osm;

/**
 * A member of a relation.
 *
 * @param type 'n' node, 'w' way or 'r' relation
 * @param ref the member's id
 * @param role its role ("outer", "inner", or empty)
 */
public record OsmMember(char type, long ref, String role) {
}
