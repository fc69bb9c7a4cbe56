package kz.incidentmap.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The finer kind of an incident within its {@link IncidentType}. Each sub-type names the ACLED event
 * type and sub-event type it corresponds to (the names of ACLED's codebook), so records can be
 * exported to and imported from ACLED-style data. Where several sub-types share one ACLED pair, the one
 * declared first is what an ACLED import gives.
 */
public enum IncidentSubType {
    SUICIDE_BOMB(IncidentType.SUICIDE_BOMBING, "Suicide bomb", "Explosions/Remote violence", "Suicide bomb"),
    IED(IncidentType.EXPLOSION, "Bomb, landmine or IED", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    GRENADE(IncidentType.EXPLOSION, "Grenade", "Explosions/Remote violence", "Grenade"),
    SHELLING(IncidentType.EXPLOSION, "Shelling, artillery or missile", "Explosions/Remote violence",
            "Shelling/artillery/missile attack"),
    AIR_STRIKE(IncidentType.EXPLOSION, "Air or drone strike", "Explosions/Remote violence", "Air/drone strike"),
    ATTACK_ON_CIVILIANS(IncidentType.ARMED_ATTACK, "Attack on civilians", "Violence against civilians", "Attack"),
    ABDUCTION(IncidentType.ARMED_ATTACK, "Abduction or forced disappearance", "Violence against civilians",
            "Abduction/forced disappearance"),
    SEXUAL_VIOLENCE(IncidentType.ARMED_ATTACK, "Sexual violence", "Violence against civilians", "Sexual violence"),
    ARMED_CLASH(IncidentType.ARMED_CLASH, "Armed clash", "Battles", "Armed clash"),
    NON_STATE_TAKES_TERRITORY(IncidentType.ARMED_CLASH, "Non-state group takes territory", "Battles",
            "Non-state actor overtakes territory"),
    GOVERNMENT_REGAINS_TERRITORY(IncidentType.SECURITY_OPERATION, "Government regains territory", "Battles",
            "Government regains territory"),
    ARRESTS(IncidentType.SECURITY_OPERATION, "Arrests", "Strategic developments", "Arrests"),
    WEAPONS_SEIZED(IncidentType.SECURITY_OPERATION, "Weapons seized or defused", "Strategic developments",
            "Disrupted weapons use"),
    OTHER_DEVELOPMENT(IncidentType.POLICY, "Other strategic development", "Strategic developments", "Other"),
    LAW_OR_POLICY(IncidentType.POLICY, "Law or policy", "Strategic developments", "Other"),
    AGREEMENT(IncidentType.POLICY, "Agreement", "Strategic developments", "Agreement"),
    THREAT(IncidentType.THREAT, "Threat", "Strategic developments", "Other"),
    CLAIM_OF_RESPONSIBILITY(IncidentType.CLAIM, "Claim of responsibility", "Strategic developments", "Other"),
    CHANGE_TO_GROUP(IncidentType.CLAIM, "Change to a group or its activity", "Strategic developments",
            "Change to group/activity");

    private final IncidentType type;
    private final String label;
    private final String acledEventType;
    private final String acledSubEventType;

    IncidentSubType(IncidentType type, String label, String acledEventType, String acledSubEventType) {
        this.type = type;
        this.label = label;
        this.acledEventType = acledEventType;
        this.acledSubEventType = acledSubEventType;
    }

    /** The code stored in files and the database (lower case, e.g. {@code suicide_bomb}). */
    public String code() {
        return Codes.of(this);
    }

    public IncidentType type() {
        return type;
    }

    public String label() {
        return label;
    }

    public String acledEventType() {
        return acledEventType;
    }

    public String acledSubEventType() {
        return acledSubEventType;
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
        };
    }

    /** The sub-types of one type, in declaration order. */
    public static List<IncidentSubType> of(IncidentType type) {
        return Arrays.stream(values()).filter(s -> s.type == type).toList();
    }

    /** The sub-type with this code; an unknown code is an error that lists the known ones. */
    public static IncidentSubType fromCode(String code) {
        return Codes.lookUp(IncidentSubType.class, "incident sub-type", code);
    }

    /** The first sub-type for an ACLED event type and sub-event type (compared ignoring case). */
    public static Optional<IncidentSubType> fromAcled(String eventType, String subEventType) {
        return Arrays.stream(values()).filter(s -> s.acledEventType.equalsIgnoreCase(trim(eventType))
                && s.acledSubEventType.equalsIgnoreCase(trim(subEventType))).findFirst();
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
