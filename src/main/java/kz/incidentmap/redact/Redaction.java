package kz.incidentmap.redact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Source;
import kz.incidentmap.redact.RedactionProfile.DateDetail;
import kz.incidentmap.redact.RedactionProfile.Drop;
import kz.incidentmap.redact.RedactionProfile.Position;
import org.locationtech.jts.geom.Envelope;

/**
 * A profile applied: turns records, dates and printed words into what the profile lets an output show.
 * Every output that shares incidents (a record export, a snapshot, a report) runs what it prints through
 * one of these before drawing or writing, and prints {@link #label()}.
 *
 * <p>A redacted record keeps its id, type, figures and tags. Its position becomes a grid cell's centre or
 * its city's point, and its location precision at least {@code city} (a cell of more than 5 km:
 * {@code region}), so halos and the details say how little is known. Dates (the record's, the claims',
 * the sources' publication) go to the first of the month, the record's with precision {@code month}
 * (one known to the year only stays so); the time of day
 * goes; the store's created and updated times go to the first of their month. Sources are renamed
 * {@code s1}, {@code s2}, … (their keys often carry a publisher and a day). Titles, places, notes and
 * descriptions lose their days and times of day ({@link RedactedText}); a moved position's place is
 * cut to its city.
 */
public final class Redaction {

    /** Shares everything as recorded. */
    public static final Redaction NONE = new Redaction(null, null);

    private final RedactionProfile profile;
    private final CityPoints cities;

    private Redaction(RedactionProfile profile, CityPoints cities) {
        this.profile = profile;
        this.cities = cities;
    }

    /** {@code profile} applied, snapping to the cities of {@code gazetteer} (needed only by a city profile). */
    public static Redaction of(RedactionProfile profile, Gazetteer gazetteer) {
        if (profile.position() == Position.CITY && gazetteer == null) {
            throw new IllegalArgumentException("the " + profile.name() + " profile snaps to cities: give a gazetteer");
        }
        return new Redaction(profile, gazetteer == null ? null : new CityPoints(gazetteer));
    }

    /** Whether anything is redacted. */
    public boolean active() {
        return profile != null;
    }

    public Optional<RedactionProfile> profile() {
        return Optional.ofNullable(profile);
    }

    /** The line to print on the output ("Redacted: city (…)"), or empty when nothing is redacted. */
    public String label() {
        return profile == null ? "" : profile.label();
    }

    /** Whether personal places (the user's own) must stay out of the output. */
    public boolean dropsPersonalPlaces() {
        return profile != null && profile.drops(Drop.PERSONAL_PLACES);
    }

    /** The record as the profile lets it be shared, or empty when it must not be shared at all. */
    public Optional<Incident> apply(Incident i) {
        if (profile == null) {
            return Optional.of(i);
        }
        if (profile.drops(Drop.RESTRICTED) && i.tags().stream()
                .anyMatch(t -> t.strip().equalsIgnoreCase(RedactionProfile.RESTRICTED_TAG))) {
            return Optional.empty();
        }
        double lon = i.lon();
        double lat = i.lat();
        String place = text(i.place());
        LocationPrecision precision = i.locationPrecision();
        switch (profile.position()) {
            case GRID -> {
                double[] c = GridCells.centre(lon, lat, profile.gridKm());
                lon = c[0];
                lat = c[1];
                place = place == null ? null : CityPoints.cityPart(place);
                precision = coarsest(precision, profile.gridKm() > 5 ? LocationPrecision.REGION : LocationPrecision.CITY);
            }
            case CITY -> {
                Gazetteer.Place city = cities.cityOf(i.place(), lon, lat);
                lon = city.lon();
                lat = city.lat();
                place = city.name();
                precision = coarsest(precision, LocationPrecision.CITY);
            }
            default -> {
            }
        }
        LocalDate date = i.date();
        DatePrecision datePrecision = i.datePrecision();
        if (profile.dates() == DateDetail.MONTH && date != null) {
            date = date.withDayOfMonth(1);
            // A day known roughly is still a day: it goes to its month like an exact one.
            if (datePrecision != DatePrecision.YEAR) {
                datePrecision = DatePrecision.MONTH;
            }
        }
        Map<String, String> keys = new HashMap<>();
        List<Source> sources = new ArrayList<>();
        for (Source s : i.sources()) {
            String key = "s" + (keys.size() + 1);
            keys.put(s.key(), key);
            boolean names = profile.drops(Drop.SOURCE_NAMES);
            sources.add(new Source(key, names ? "source " + keys.size() : text(s.title()),
                    names ? null : text(s.publisher()), profile.drops(Drop.SOURCE_URLS) ? null : s.url(),
                    date(s.published()), s.language(), s.reliability()));
        }
        List<Claim> claims = new ArrayList<>();
        for (Claim c : i.claims()) {
            claims.add(new Claim(keys.getOrDefault(c.sourceKey(), c.sourceKey()), c.killed(), c.wounded(),
                    date(c.date()), profile.drops(Drop.DESCRIPTIONS) ? null : text(c.note()), c.credibility()));
        }
        return Optional.of(new Incident(i.id(), text(i.title()), i.type(), date, datePrecision, place, i.oblast(),
                lon, lat, precision, text(i.perpetrator()), text(i.claimedBy()),
                profile.drops(Drop.DESCRIPTIONS) ? null : text(i.description()), text(i.eventGroup()), sources, claims,
                i.subType(), profile.dates() == DateDetail.MONTH ? null : i.time(), i.tags(), month(i.created()),
                month(i.updated())));
    }

    /** The records as shared, read lazily: a store's scan stays a page at a time. */
    public Collection<Incident> applyAll(Collection<Incident> incidents) {
        if (profile == null) {
            return incidents;
        }
        return new AbstractCollection<>() {
            @Override
            public Iterator<Incident> iterator() {
                Iterator<Incident> it = incidents.iterator();
                return new Iterator<>() {
                    private Incident next;

                    @Override
                    public boolean hasNext() {
                        while (next == null && it.hasNext()) {
                            next = apply(it.next()).orElse(null);
                        }
                        return next != null;
                    }

                    @Override
                    public Incident next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Incident n = next;
                        next = null;
                        return n;
                    }
                };
            }

            /** At most this many: restricted ones are left out as they are met. */
            @Override
            public int size() {
                return incidents.size();
            }
        };
    }

    /** The records as shared, in a list. */
    public List<Incident> applyList(Collection<Incident> incidents) {
        List<Incident> out = new ArrayList<>();
        applyAll(incidents).forEach(out::add);
        return out;
    }

    /** A date as the profile lets it be printed: the first of its month when dates go to the month. */
    public LocalDate date(LocalDate d) {
        return d == null || profile == null || profile.dates() == DateDetail.DAY ? d : d.withDayOfMonth(1);
    }

    /** Whether dates are printed as months. */
    public boolean datesToMonth() {
        return profile != null && profile.dates() == DateDetail.MONTH;
    }

    /** Printed words (a title, a line of a page) with their days, times and precise coordinates taken out. */
    public String text(String words) {
        return profile == null || profile.dates() == DateDetail.DAY && profile.position() == Position.KEEP ? words
                : RedactedText.of(words);
    }

    /**
     * The side in kilometres of the area a view's centre may be told to: the grid's cell, or 5 km
     * around a city; 0 when positions are kept.
     */
    public int viewKm() {
        if (profile == null) {
            return 0;
        }
        return switch (profile.position()) {
            case GRID -> profile.gridKm();
            case CITY -> 5;
            default -> 0;
        };
    }

    /**
     * The map area an output may show around {@code extent} (map metres): its centre moved to the middle
     * of a square of {@link #viewKm()} and at least four such squares wide and high, so that an area
     * zoomed on an incident does not say where it happened; {@code extent} itself when positions are kept.
     */
    public Envelope viewArea(Envelope extent) {
        int km = viewKm();
        if (km == 0) {
            return extent;
        }
        double cell = km * 1000.0;
        double cx = (Math.floor(extent.centre().x / cell) + 0.5) * cell;
        double cy = (Math.floor(extent.centre().y / cell) + 0.5) * cell;
        double w = Math.max(extent.getWidth(), 4 * cell) / 2;
        double h = Math.max(extent.getHeight(), 4 * cell) / 2;
        return new Envelope(cx - w, cx + w, cy - h, cy + h);
    }

    private Instant month(Instant t) {
        if (profile.dates() == DateDetail.DAY) {
            return t;
        }
        ZonedDateTime z = (t == null ? Instant.now() : t).atZone(ZoneOffset.UTC);
        return z.toLocalDate().withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocationPrecision coarsest(LocationPrecision had, LocationPrecision atLeast) {
        return had != null && had.ordinal() > atLeast.ordinal() ? had : atLeast;
    }
}
