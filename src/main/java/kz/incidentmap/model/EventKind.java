package kz.incidentmap.model;

/** What an event record groups: the sites of one attack, or attacks of one campaign or wave. */
public enum EventKind {
    EVENT, CAMPAIGN;

    public String code() {
        return Codes.of(this);
    }

    public static EventKind fromCode(String code) {
        return Codes.lookUp(EventKind.class, "event kind", code);
    }
}
