package kz.incidentmap.filter;

/** Whose casualty figures a bound on killed or wounded is held against, when sources disagree. */
public enum SourceAgreement {
    /** Some source's figure meets the bound: "at least 5 killed" means the largest figure is 5 or more. */
    ANY_SOURCE,
    /** Every source that gives a figure meets the bound: "at least 5 killed" means the smallest is 5 or more. */
    EVERY_SOURCE
}
