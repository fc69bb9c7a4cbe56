package kz.incidentmap.exchange;

import java.util.Optional;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.Vocabulary;

/**
 * How the Global Terrorism Database's codes become ours (the names of GTD's codebook). Attack types are
 * the vocabulary's: each built-in sub-type names the GTD attack type it stands for
 * ({@link Vocabulary#fromGtd}); a name GTD has that no sub-type stands for becomes a new sub-type of the
 * armed attack family, as the import adds it. The rest of GTD's codes are mapped here, in one place.
 */
final class GtdCodebook {

    /** GTD's attack type when it does not know how the attack was done. */
    static final String UNKNOWN = "Unknown";

    private GtdCodebook() {
    }

    /**
     * The kind of an attack type; a bombing GTD marks as suicide ({@code suicide} 1) is a suicide bombing.
     * A blank attack type is GTD's Unknown.
     */
    static DraftKind kind(Vocabulary vocabulary, String attackType, boolean suicide) {
        String name = attackType.isBlank() ? UNKNOWN : attackType.strip();
        Optional<IncidentSubType> s = vocabulary.fromGtd(name);
        if (s.isEmpty()) {
            return new DraftKind(IncidentType.ARMED_ATTACK.code(), name);
        }
        IncidentSubType sub = suicide && s.get().equals(IncidentSubType.IED) ? IncidentSubType.SUICIDE_BOMB : s.get();
        return new DraftKind(sub.type().code(), sub.code());
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
