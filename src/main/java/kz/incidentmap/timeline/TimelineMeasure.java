package kz.incidentmap.timeline;

/** What the timeline's bars count. */
public enum TimelineMeasure {
    INCIDENTS("Incidents"), CASUALTIES("Casualties");

    private final String label;

    TimelineMeasure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
