package kz.incidentmap.model;

/**
 * What kind of event an incident is: the family of its {@link IncidentSubType}, which sets the marker's
 * shape and colour unless the sub-type has its own. Each type names the ACLED event type and sub-type it maps
 * onto, so that records can be exchanged with ACLED-style data sets.
 */
public enum IncidentType {
    SUICIDE_BOMBING("Suicide bombing", "Explosions/Remote violence", "Suicide bomb"),
    EXPLOSION("Explosion", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ARMED_ATTACK("Armed attack", "Violence against civilians", "Attack"),
    ARMED_CLASH("Armed clash", "Battles", "Armed clash"),
    SECURITY_OPERATION("Security operation", "Battles", "Government regains territory"),
    THREAT("Threat", "Strategic developments", "Other"),
    CLAIM("Claim of responsibility", "Strategic developments", "Other"),
    POLICY("Law or policy", "Strategic developments", "Other"),
    // ACLED's demonstrations (schema version 5): appended, the ordinals are stored.
    PROTEST("Protest", "Protests", "Peaceful protest"),
    RIOT("Riot", "Riots", "Violent demonstration");

    private final String label;
    private final String acledEventType;
    private final String acledSubEventType;

    IncidentType(String label, String acledEventType, String acledSubEventType) {
        this.label = label;
        this.acledEventType = acledEventType;
        this.acledSubEventType = acledSubEventType;
    }

    /** The code stored in files and the database (lower case, e.g. {@code suicide_bombing}). */
    public String code() {
        return Codes.of(this);
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
     * ACLED's disorder_type of the family: demonstrations for protests and riots, strategic
     * developments for its strategic types, political violence otherwise.
     */
    public String disorderType() {
        return switch (acledEventType) {
            case "Protests", "Riots" -> "Demonstrations";
            case "Strategic developments" -> "Strategic developments";
            default -> "Political violence";
        };
    }

    /** The type with this code; an unknown code is an error that lists the known ones. */
    public static IncidentType fromCode(String code) {
        return Codes.lookUp(IncidentType.class, "incident type", code);
    }
}
