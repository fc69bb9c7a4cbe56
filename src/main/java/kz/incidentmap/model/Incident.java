package kz.incidentmap.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One recorded incident, with the sources that report it and what each of them claims.
 *
 * @param id stable UUID
 * @param title short title
 * @param type what kind of event
 * @param date the (first day of the) date, as precise as {@code datePrecision} says
 * @param datePrecision how precisely the date is known
 * @param place place name as a reader would say it ("Taraz, Kazybek Bi street")
 * @param oblast oblast (region) the place lies in, or null
 * @param lon longitude, WGS 84 degrees
 * @param lat latitude, WGS 84 degrees
 * @param locationPrecision how precisely the position is known
 * @param perpetrator who carried it out, or null
 * @param claimedBy who claimed it, or null
 * @param description what happened, in our own words
 * @param eventGroup key shared by the parts of one larger event (the Taraz attack), or null
 * @param sources the documents that report it
 * @param claims what each source says of casualties and date
 * @param subType the finer kind, one of {@code type}'s sub-types, or null
 * @param time local time of day when known, or null
 * @param tags free keywords, in the order given
 * @param created when the record was first stored, or null before that
 * @param updated when the record was last changed in the store, or null before it was stored
 */
public record Incident(String id, String title, IncidentType type, LocalDate date, DatePrecision datePrecision,
        String place, String oblast, double lon, double lat, LocationPrecision locationPrecision,
        String perpetrator, String claimedBy, String description, String eventGroup,
        List<Source> sources, List<Claim> claims, IncidentSubType subType, LocalTime time, List<String> tags,
        Instant created, Instant updated) {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        sources = List.copyOf(sources);
        claims = List.copyOf(claims);
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (subType != null && subType.type() != type) {
            throw new IllegalArgumentException("sub-type '" + subType.code() + "' belongs to type '"
                    + subType.type().code() + "', not '" + type.code() + "'");
        }
    }

    /** A record without sub-type, time, tags or store timestamps. */
    public Incident(String id, String title, IncidentType type, LocalDate date, DatePrecision datePrecision,
            String place, String oblast, double lon, double lat, LocationPrecision locationPrecision,
            String perpetrator, String claimedBy, String description, String eventGroup,
            List<Source> sources, List<Claim> claims) {
        this(id, title, type, date, datePrecision, place, oblast, lon, lat, locationPrecision, perpetrator,
                claimedBy, description, eventGroup, sources, claims, null, null, List.of(), null, null);
    }

    /** The same record with these sources and claims. */
    public Incident withLinks(List<Source> newSources, List<Claim> newClaims) {
        return new Incident(id, title, type, date, datePrecision, place, oblast, lon, lat, locationPrecision,
                perpetrator, claimedBy, description, eventGroup, newSources, newClaims, subType, time, tags,
                created, updated);
    }

    /** The same record in another oblast (as found from its position). */
    public Incident withOblast(String newOblast) {
        return new Incident(id, title, type, date, datePrecision, place, newOblast, lon, lat, locationPrecision,
                perpetrator, claimedBy, description, eventGroup, sources, claims, subType, time, tags,
                created, updated);
    }

    /** The same record with other store timestamps. */
    public Incident withTimes(Instant newCreated, Instant newUpdated) {
        return new Incident(id, title, type, date, datePrecision, place, oblast, lon, lat, locationPrecision,
                perpetrator, claimedBy, description, eventGroup, sources, claims, subType, time, tags,
                newCreated, newUpdated);
    }

    /** The same record at another position. */
    public Incident withPosition(double newLon, double newLat) {
        return new Incident(id, title, type, date, datePrecision, place, oblast, newLon, newLat, locationPrecision,
                perpetrator, claimedBy, description, eventGroup, sources, claims, subType, time, tags,
                created, updated);
    }

    /** Whether some source of the record is graded {@code minimum} or better (see {@link Reliability#atLeast}). */
    public boolean hasSourceGraded(Reliability minimum) {
        return sources.stream().anyMatch(s -> s.reliability() != null && s.reliability().atLeast(minimum));
    }

    /**
     * The same record with only the claims of its sources graded {@code minimum} or better, so that its
     * figures and ranges are those such sources give.
     */
    public Incident withClaimsGraded(Reliability minimum) {
        List<Claim> kept = claims.stream().filter(c -> sources.stream().anyMatch(s -> s.key().equals(c.sourceKey())
                && s.reliability() != null && s.reliability().atLeast(minimum))).toList();
        return kept.size() == claims.size() ? this : withLinks(sources, kept);
    }

    /** Smallest and largest number killed any source reports; empty when no source gives a number. */
    public OptionalInt minKilled() {
        return claims.stream().filter(c -> c.killed() != null).mapToInt(Claim::killed).min();
    }

    public OptionalInt maxKilled() {
        return claims.stream().filter(c -> c.killed() != null).mapToInt(Claim::killed).max();
    }

    public OptionalInt minWounded() {
        return claims.stream().filter(c -> c.wounded() != null).mapToInt(Claim::wounded).min();
    }

    public OptionalInt maxWounded() {
        return claims.stream().filter(c -> c.wounded() != null).mapToInt(Claim::wounded).max();
    }

    /** "6–7" where sources disagree, "7" where they agree, "unknown" where none says. */
    public String killedRange() {
        return range(minKilled(), maxKilled());
    }

    public String woundedRange() {
        return range(minWounded(), maxWounded());
    }

    private static String range(OptionalInt min, OptionalInt max) {
        if (min.isEmpty()) {
            return "unknown";
        }
        return min.getAsInt() == max.getAsInt() ? Integer.toString(min.getAsInt())
                : min.getAsInt() + "\u2013" + max.getAsInt();
    }
}
