package kz.incidentmap.exchange;

/**
 * What kind of incident a row of another data set is, as a draft takes it.
 *
 * @param type the family's code ({@code armed_attack})
 * @param subType a sub-type's code, or the name of one the import adds to the family
 */
record DraftKind(String type, String subType) {
}
