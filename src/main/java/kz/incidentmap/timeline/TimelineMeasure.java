package kz.incidentmap.timeline;

/** What the timeline's bars count: incidents, or the killed or wounded (the largest figure any source gives). */
public enum TimelineMeasure {
    INCIDENTS("Incidents", -1), KILLED("Killed", 1), WOUNDED("Wounded", 3);

    private final String label;
    /** Which of the index's casualty figures it adds up (see {@code IncidentIndex.figure}), or -1 for a count. */
    private final int figure;

    TimelineMeasure(String label, int figure) {
        this.label = label;
        this.figure = figure;
    }

    public String label() {
        return label;
    }

    int figure() {
        return figure;
    }
}
