package kz.incidentmap.filter;

/**
 * How an incident's date, which may stand for a whole month or year ({@link kz.incidentmap.model.DateSpan}),
 * is held against a time range.
 */
public enum TimeMatch {
    /** The days the date may stand for meet the range: it may have happened in it (the default). */
    OVERLAPS,
    /** Every day the date may stand for lies in the range: it certainly happened in it. */
    INSIDE
}
