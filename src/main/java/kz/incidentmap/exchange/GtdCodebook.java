package kz.incidentmap.exchange;

import java.util.Locale;
import java.util.Map;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;

/**
 * How the Global Terrorism Database's codes become ours (the names of GTD's codebook). Kept in one place
 * so that the mapping can follow the map's vocabulary as it grows: an attack type with no sub-type of
 * ours that truly fits keeps GTD's own name as the sub-type.
 */
final class GtdCodebook {

    /** A type and sub-type code (or a sub-type name of the source's own) for a draft. */
    record Kind(String type, String subType) {
    }

    /** attacktype1_txt → kind, keys lower case. */
    private static final Map<String, Kind> ATTACK_TYPES = Map.of(
            "assassination", new Kind(IncidentType.ARMED_ATTACK.code(), "Assassination"),
            "armed assault", new Kind(IncidentType.ARMED_ATTACK.code(), "Armed Assault"),
            "bombing/explosion", new Kind(IncidentType.EXPLOSION.code(), IncidentSubType.IED.code()),
            "hijacking", new Kind(IncidentType.ARMED_ATTACK.code(), "Hijacking"),
            "hostage taking (barricade incident)", new Kind(IncidentType.ARMED_ATTACK.code(),
                    "Hostage Taking (Barricade Incident)"),
            "hostage taking (kidnapping)", new Kind(IncidentType.ARMED_ATTACK.code(), IncidentSubType.ABDUCTION.code()),
            "facility/infrastructure attack", new Kind(IncidentType.ARMED_ATTACK.code(),
                    "Facility/Infrastructure Attack"),
            "unarmed assault", new Kind(IncidentType.ARMED_ATTACK.code(), "Unarmed Assault"),
            // GTD does not know how it was done: the family only.
            "unknown", new Kind(IncidentType.ARMED_ATTACK.code(), ""));

    private GtdCodebook() {
    }

    /**
     * The kind of an attack type; a bombing GTD marks as suicide ({@code suicide} 1) is a suicide bombing.
     * Null for a name GTD's codebook does not have.
     */
    static Kind kind(String attackType, boolean suicide) {
        Kind k = ATTACK_TYPES.get(attackType.trim().toLowerCase(Locale.ROOT));
        if (k != null && suicide && k.type().equals(IncidentType.EXPLOSION.code())) {
            return new Kind(IncidentType.SUICIDE_BOMBING.code(), IncidentSubType.SUICIDE_BOMB.code());
        }
        return k;
    }

    /** The attack types GTD's codebook names, for a message about one it does not. */
    static String knownAttackTypes() {
        return "Assassination, Armed Assault, Bombing/Explosion, Hijacking, Hostage Taking (Barricade Incident),"
                + " Hostage Taking (Kidnapping), Facility/Infrastructure Attack, Unarmed Assault, Unknown";
    }

    /**
     * specificity → our location precision: 1 the city itself; 2 and 3 (the centroid of a district or a
     * smaller area around the city) and 4 (the centroid of a province) stand for an area, and "region" is
     * the nearest we have; 5 (no more than the country) has none (null).
     */
    static String locationPrecision(String specificity) {
        return switch (specificity.trim()) {
            case "1" -> "city";
            case "2", "3", "4" -> "region";
            case "5" -> null;
            default -> specificity; // left to the checker, which names what it expects
        };
    }

    /** What a specificity value means, for messages. */
    static String specificityMeaning(String specificity) {
        return switch (specificity.trim()) {
            case "5" -> "GTD specificity 5: no place more precise than the country";
            default -> "GTD specificity " + specificity.trim();
        };
    }
}
