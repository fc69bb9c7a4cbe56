package kz.incidentmap.dedupe;

import java.util.EnumMap;
import java.util.Map;
import kz.incidentmap.model.IncidentType;

/**
 * Which incident types may describe the same event. Reports confuse a few: a suicide bombing is often
 * first reported as an explosion, an attack on people as a clash with them (and a security operation is
 * reported as either a clash or an operation), a protest as a riot. Other types describe different things.
 */
final class TypeFamilies {

    /** The family of each type; types of one family may be the same event told differently. */
    private static final Map<IncidentType, String> FAMILY = families();

    private TypeFamilies() {
    }

    private static Map<IncidentType, String> families() {
        Map<IncidentType, String> m = new EnumMap<>(IncidentType.class);
        m.put(IncidentType.SUICIDE_BOMBING, "explosions");
        m.put(IncidentType.EXPLOSION, "explosions");
        m.put(IncidentType.ARMED_ATTACK, "armed violence");
        m.put(IncidentType.ARMED_CLASH, "armed violence");
        m.put(IncidentType.SECURITY_OPERATION, "armed violence");
        m.put(IncidentType.THREAT, "threats");
        m.put(IncidentType.CLAIM, "claims");
        m.put(IncidentType.POLICY, "policy");
        // A protest that turned violent is reported as a protest by some and as a riot by others.
        m.put(IncidentType.PROTEST, "demonstrations");
        m.put(IncidentType.RIOT, "demonstrations");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Whether reports may confuse the two types (a type always goes with itself). */
    static boolean compatible(IncidentType a, IncidentType b) {
        return a == b || FAMILY.get(a).equals(FAMILY.get(b));
    }

    /** "both explosions", "explosion vs suicide bombing", in words for the reasons. */
    static String describe(IncidentType a, IncidentType b) {
        if (a == b) {
            return "both " + a.label().toLowerCase(java.util.Locale.ROOT);
        }
        return a.label().toLowerCase(java.util.Locale.ROOT) + " vs " + b.label().toLowerCase(java.util.Locale.ROOT)
                + " (often confused)";
    }
}
