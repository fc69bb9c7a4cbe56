package kz.incidentmap.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The finer kind of an incident within its {@link IncidentType} (its family). A sub-type names the
 * ACLED event type and sub-event type it corresponds to (the names of ACLED's codebook), ACLED's
 * disorder type, and, where there is one, the GTD attack type, so that records move to and from those
 * data sets. The built-in sub-types ({@link #BUILT_IN}) cover ACLED's codebook in full and GTD's attack
 * types; a store adds its own (a user's, or one an import met), kept in the store's vocabulary table
 * ({@link Vocabulary}). Its {@link #ordinal} is its number in the store's files: the built-in ones have
 * fixed numbers and are only ever added at the end; added ones are numbered after them.
 *
 * @param ordinal the sub-type's number in the store (facts of incident_points), unique per store
 * @param code the code stored in files and the database, lower case ({@code suicide_bomb})
 * @param type the family
 * @param label the name shown to the user
 * @param acledEventType ACLED's event_type
 * @param acledSubEventType ACLED's sub_event_type
 * @param disorderType ACLED's disorder_type
 * @param gtdAttackType GTD's attacktype1_txt this sub-type stands for, or null
 * @param mark the marker's shape (one of {@link #MARKS}), or null to draw as its family
 * @param colour the marker's fill as #RRGGBB, or null to draw as its family
 * @param builtIn whether it comes with the application (then it cannot be removed)
 */
public record IncidentSubType(int ordinal, String code, IncidentType type, String label, String acledEventType,
        String acledSubEventType, String disorderType, String gtdAttackType, String mark, String colour,
        boolean builtIn) implements Comparable<IncidentSubType> {

    /**
     * The marker shapes a sub-type can have: those of incidents (diamond, pentagon, hexagon and ring
     * mark places on this map).
     */
    public static final List<String> MARKS = List.of("circle", "square", "triangle", "star", "cross", "x");
    /** The most sub-types a store holds: the map keeps a sub-type's number in one byte per incident. */
    public static final int MOST = 127;

    private static final String PV = "Political violence";
    private static final String DEMO = "Demonstrations";
    private static final String STRATEGIC = "Strategic developments";
    private static final String EXPLOSIONS = "Explosions/Remote violence";
    private static final String VAC = "Violence against civilians";

    public static final IncidentSubType SUICIDE_BOMB = of(0, "suicide_bomb", IncidentType.SUICIDE_BOMBING, "Suicide bomb", EXPLOSIONS, "Suicide bomb", PV, null);
    public static final IncidentSubType IED = of(1, "ied", IncidentType.EXPLOSION, "Bomb, landmine or IED", EXPLOSIONS, "Remote explosive/landmine/IED", PV, "Bombing/Explosion");
    public static final IncidentSubType GRENADE = of(2, "grenade", IncidentType.EXPLOSION, "Grenade", EXPLOSIONS, "Grenade", PV, null);
    public static final IncidentSubType SHELLING = of(3, "shelling", IncidentType.EXPLOSION, "Shelling, artillery or missile", EXPLOSIONS, "Shelling/artillery/missile attack", PV, null);
    public static final IncidentSubType AIR_STRIKE = of(4, "air_strike", IncidentType.EXPLOSION, "Air or drone strike", EXPLOSIONS, "Air/drone strike", PV, null);
    public static final IncidentSubType ATTACK_ON_CIVILIANS = of(5, "attack_on_civilians", IncidentType.ARMED_ATTACK, "Attack on civilians", VAC, "Attack", PV, null);
    public static final IncidentSubType ABDUCTION = of(6, "abduction", IncidentType.ARMED_ATTACK, "Abduction or forced disappearance", VAC, "Abduction/forced disappearance", PV, "Hostage Taking (Kidnapping)");
    public static final IncidentSubType SEXUAL_VIOLENCE = of(7, "sexual_violence", IncidentType.ARMED_ATTACK, "Sexual violence", VAC, "Sexual violence", PV, null);
    public static final IncidentSubType ARMED_CLASH = of(8, "armed_clash", IncidentType.ARMED_CLASH, "Armed clash", "Battles", "Armed clash", PV, null);
    public static final IncidentSubType NON_STATE_TAKES_TERRITORY = of(9, "non_state_takes_territory", IncidentType.ARMED_CLASH, "Non-state group takes territory", "Battles", "Non-state actor overtakes territory", PV, null);
    public static final IncidentSubType GOVERNMENT_REGAINS_TERRITORY = of(10, "government_regains_territory", IncidentType.SECURITY_OPERATION, "Government regains territory", "Battles", "Government regains territory", PV, null);
    public static final IncidentSubType ARRESTS = of(11, "arrests", IncidentType.SECURITY_OPERATION, "Arrests", STRATEGIC, "Arrests", STRATEGIC, null);
    public static final IncidentSubType WEAPONS_SEIZED = of(12, "weapons_seized", IncidentType.SECURITY_OPERATION, "Weapons seized or defused", STRATEGIC, "Disrupted weapons use", STRATEGIC, null);
    public static final IncidentSubType OTHER_DEVELOPMENT = of(13, "other_development", IncidentType.POLICY, "Other strategic development", STRATEGIC, "Other", STRATEGIC, null);
    public static final IncidentSubType LAW_OR_POLICY = of(14, "law_or_policy", IncidentType.POLICY, "Law or policy", STRATEGIC, "Other", STRATEGIC, null);
    public static final IncidentSubType AGREEMENT = of(15, "agreement", IncidentType.POLICY, "Agreement", STRATEGIC, "Agreement", STRATEGIC, null);
    public static final IncidentSubType THREAT = of(16, "threat", IncidentType.THREAT, "Threat", STRATEGIC, "Other", STRATEGIC, null);
    public static final IncidentSubType CLAIM_OF_RESPONSIBILITY = of(17, "claim_of_responsibility", IncidentType.CLAIM, "Claim of responsibility", STRATEGIC, "Other", STRATEGIC, null);
    public static final IncidentSubType CHANGE_TO_GROUP = of(18, "change_to_group", IncidentType.CLAIM, "Change to a group or its activity", STRATEGIC, "Change to group/activity", STRATEGIC, null);
    // The rest of ACLED's codebook (schema version 5).
    public static final IncidentSubType CHEMICAL_WEAPON = of(19, "chemical_weapon", IncidentType.EXPLOSION, "Chemical weapon", EXPLOSIONS, "Chemical weapon", PV, null);
    public static final IncidentSubType PEACEFUL_PROTEST = of(20, "peaceful_protest", IncidentType.PROTEST, "Peaceful protest", "Protests", "Peaceful protest", DEMO, null);
    public static final IncidentSubType PROTEST_WITH_INTERVENTION = of(21, "protest_with_intervention", IncidentType.PROTEST, "Protest with intervention", "Protests", "Protest with intervention", DEMO, null);
    public static final IncidentSubType EXCESSIVE_FORCE = of(22, "excessive_force", IncidentType.PROTEST, "Excessive force against protesters", "Protests", "Excessive force against protesters", PV + "; " + DEMO, null);
    public static final IncidentSubType VIOLENT_DEMONSTRATION = of(23, "violent_demonstration", IncidentType.RIOT, "Violent demonstration", "Riots", "Violent demonstration", DEMO, null);
    public static final IncidentSubType MOB_VIOLENCE = of(24, "mob_violence", IncidentType.RIOT, "Mob violence", "Riots", "Mob violence", PV, null);
    public static final IncidentSubType BASE_ESTABLISHED = of(25, "base_established", IncidentType.SECURITY_OPERATION, "Headquarters or base established", STRATEGIC, "Headquarters or base established", STRATEGIC, null);
    public static final IncidentSubType LOOTING = of(26, "looting", IncidentType.RIOT, "Looting or property destruction", STRATEGIC, "Looting/property destruction", STRATEGIC, null);
    public static final IncidentSubType TERRITORY_TRANSFER = of(27, "territory_transfer", IncidentType.POLICY, "Non-violent transfer of territory", STRATEGIC, "Non-violent transfer of territory", STRATEGIC, null);
    // GTD's attack types that none of the above stands for (schema version 5).
    public static final IncidentSubType ASSASSINATION = of(28, "assassination", IncidentType.ARMED_ATTACK, "Assassination", VAC, "Attack", PV, "Assassination");
    public static final IncidentSubType ARMED_ASSAULT = of(29, "armed_assault", IncidentType.ARMED_ATTACK, "Armed assault", VAC, "Attack", PV, "Armed Assault");
    public static final IncidentSubType HIJACKING = of(30, "hijacking", IncidentType.ARMED_ATTACK, "Hijacking", VAC, "Abduction/forced disappearance", PV, "Hijacking");
    public static final IncidentSubType HOSTAGE_BARRICADE = of(31, "hostage_barricade", IncidentType.ARMED_ATTACK, "Hostage taking (barricade)", VAC, "Abduction/forced disappearance", PV, "Hostage Taking (Barricade Incident)");
    public static final IncidentSubType FACILITY_ATTACK = of(32, "facility_attack", IncidentType.ARMED_ATTACK, "Attack on a facility or infrastructure", STRATEGIC, "Looting/property destruction", STRATEGIC, "Facility/Infrastructure Attack");
    public static final IncidentSubType UNARMED_ASSAULT = of(33, "unarmed_assault", IncidentType.ARMED_ATTACK, "Unarmed assault", VAC, "Attack", PV, "Unarmed Assault");
    public static final IncidentSubType UNKNOWN_ATTACK = of(34, "unknown_attack", IncidentType.ARMED_ATTACK, "Attack of unknown kind", VAC, "Attack", PV, "Unknown");

    /** Every built-in sub-type, by ordinal. */
    public static final List<IncidentSubType> BUILT_IN = List.of(SUICIDE_BOMB, IED, GRENADE, SHELLING, AIR_STRIKE,
            ATTACK_ON_CIVILIANS, ABDUCTION, SEXUAL_VIOLENCE, ARMED_CLASH, NON_STATE_TAKES_TERRITORY,
            GOVERNMENT_REGAINS_TERRITORY, ARRESTS, WEAPONS_SEIZED, OTHER_DEVELOPMENT, LAW_OR_POLICY, AGREEMENT, THREAT,
            CLAIM_OF_RESPONSIBILITY, CHANGE_TO_GROUP, CHEMICAL_WEAPON, PEACEFUL_PROTEST, PROTEST_WITH_INTERVENTION,
            EXCESSIVE_FORCE, VIOLENT_DEMONSTRATION, MOB_VIOLENCE, BASE_ESTABLISHED, LOOTING, TERRITORY_TRANSFER,
            ASSASSINATION, ARMED_ASSAULT, HIJACKING, HOSTAGE_BARRICADE, FACILITY_ATTACK, UNARMED_ASSAULT,
            UNKNOWN_ATTACK);

    public IncidentSubType {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(label, "label");
        if (ordinal < 0 || ordinal >= MOST) {
            throw new IllegalArgumentException("sub-type number " + ordinal + " is outside 0.." + (MOST - 1));
        }
        if (mark != null && !MARKS.contains(mark)) {
            throw new IllegalArgumentException("unknown marker shape '" + mark + "' (known: " + String.join(", ", MARKS) + ")");
        }
        if (colour != null && !colour.matches("#[0-9A-Fa-f]{6}")) {
            throw new IllegalArgumentException("colour '" + colour + "' is not #RRGGBB");
        }
    }

    private static IncidentSubType of(int ordinal, String code, IncidentType type, String label, String acledEventType,
            String acledSubEventType, String disorderType, String gtdAttackType) {
        return new IncidentSubType(ordinal, code, type, label, acledEventType, acledSubEventType, disorderType,
                gtdAttackType, null, null, true);
    }

    /**
     * A sub-type added to a store: named by the user or met in an imported file. Its ACLED names are
     * its family's; its code is made from its label.
     */
    public static IncidentSubType added(int ordinal, IncidentType type, String label, String mark, String colour) {
        return new IncidentSubType(ordinal, codeFor(label), type, label.strip(), type.acledEventType(),
                label.strip(), type.disorderType(), null, mark, colour, false);
    }

    /** "Car bomb (VBIED)" → {@code car_bomb_vbied}: lower case letters and digits of any script, joined by _. */
    public static String codeFor(String label) {
        String code = label.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_")
                .replaceAll("^_+|_+$", "");
        return code.isEmpty() ? "sub_type" : code;
    }

    /** Whether this sub-type is drawn with a symbol of its own rather than its family's. */
    public boolean ownSymbol() {
        return mark != null || colour != null;
    }

    /**
     * The sub-type a record of {@code type} has when none is given: the one matching the ACLED pair
     * the type itself maps onto (schema version 1 stored only the type).
     */
    public static IncidentSubType defaultFor(IncidentType type) {
        return switch (type) {
            case SUICIDE_BOMBING -> SUICIDE_BOMB;
            case EXPLOSION -> IED;
            case ARMED_ATTACK -> ATTACK_ON_CIVILIANS;
            case ARMED_CLASH -> ARMED_CLASH;
            case SECURITY_OPERATION -> GOVERNMENT_REGAINS_TERRITORY;
            case THREAT -> THREAT;
            case CLAIM -> CLAIM_OF_RESPONSIBILITY;
            case POLICY -> LAW_OR_POLICY;
            case PROTEST -> PEACEFUL_PROTEST;
            case RIOT -> VIOLENT_DEMONSTRATION;
        };
    }

    /** The built-in sub-type with this code (ignoring case and blanks). */
    public static Optional<IncidentSubType> builtIn(String code) {
        String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return BUILT_IN.stream().filter(s -> s.code.equals(wanted)).findFirst();
    }

    /** By ordinal: the order of the built-in list, then the order in which a store added its own. */
    @Override
    public int compareTo(IncidentSubType o) {
        return Integer.compare(ordinal, o.ordinal);
    }

    @Override
    public String toString() {
        return code;
    }
}
