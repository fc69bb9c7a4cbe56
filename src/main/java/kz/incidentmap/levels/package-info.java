/**
 * Generalisation of imported OpenStreetMap features into the {@link kz.incidentmap.model.MapLevel}s the
 * map draws between the country and the street: which features each level keeps, lines merged and
 * simplified, built-up areas merged and simplified. Model and JTS only: the store builds the levels at
 * import, the map builds them for the shipped schematic streets and for stores imported before levels
 * existed.
 */
package kz.incidentmap.levels;
