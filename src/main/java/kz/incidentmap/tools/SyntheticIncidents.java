package kz.incidentmap.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.UUID;
import kz.incidentmap.edit.OblastLocator;
import kz.incidentmap.layers.BasemapLayers;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Source;

/**
 * Makes a record of made-up incidents shaped like real data, for measuring the app at scale: most
 * of them gather around the cities in proportion to their size (a big city draws many more, spread
 * wider), dates run over 2000–2025 with more in later years, most events have no casualties and a
 * few have many, and each cites one or two of a pool of sources that disagree on the figures now and
 * then. Every incident lies in Kazakhstan, in the oblast it names: a point that the spread around a
 * border city puts abroad or in the Caspian is drawn again, as a real record holds no such points and an
 * import would warn about each. The same seed always gives the same record, so tests and benchmarks
 * can rely on it.
 */
public final class SyntheticIncidents {

    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
    /** Size of the pool of sources the incidents cite. */
    public static final int SOURCE_COUNT = 200;

    private static final double METRES_PER_DEGREE = 111_320;
    private static final String[] LANGUAGES = {"ru", "kk", "en"};

    /** Draws of a point around its city before the city's own point is taken. */
    private static final int DRAWS = 20;

    private final List<Gazetteer.Place> places;
    private final OblastLocator land;
    private final double[] cumulativeWeight;
    private final long seed;
    private final List<Source> sources;

    /** Incidents around the places of the maps folder's gazetteer, inside its oblasts. */
    public static SyntheticIncidents forMaps(Path mapsDir, long seed) throws IOException {
        return new SyntheticIncidents(BasemapLayers.gazetteer(mapsDir), OblastLocator.load(mapsDir), seed);
    }

    /**
     * @param gazetteer the places incidents gather around (those in Kazakhstan)
     * @param land the oblasts every incident must lie in
     * @param seed the same seed gives the same incidents
     */
    public SyntheticIncidents(Gazetteer gazetteer, OblastLocator land, long seed) {
        this.places = gazetteer.places().stream().filter(p -> land.inKazakhstan(p.lon(), p.lat())).toList();
        this.land = land;
        if (places.isEmpty()) {
            throw new IllegalArgumentException("the gazetteer has no places in Kazakhstan to put incidents around");
        }
        this.seed = seed;
        cumulativeWeight = new double[places.size()];
        double sum = 0;
        for (int i = 0; i < places.size(); i++) {
            // Incidents gather in the big cities more than their population alone would say, as in
            // real records (Almaty, Astana and Shymkent dominate); small towns still get some.
            sum += Math.pow(Math.max(places.get(i).population(), 1_000), 1.2);
            cumulativeWeight[i] = sum;
        }
        Random rnd = new Random(seed ^ 0x5eed);
        List<Source> pool = new ArrayList<>(SOURCE_COUNT);
        for (int i = 0; i < SOURCE_COUNT; i++) {
            LocalDate published = day(rnd);
            pool.add(new Source(String.format("synthetic-%03d", i), "Synthetic report " + i,
                    "Synthetic publisher " + (i % 20), "https://example.org/report/" + i, published,
                    LANGUAGES[rnd.nextInt(LANGUAGES.length)]));
        }
        this.sources = List.copyOf(pool);
    }

    /** The sources the incidents cite. */
    public List<Source> sources() {
        return sources;
    }

    /** {@code count} incidents, made one at a time as they are read, so a million need no more memory than one. */
    public Iterator<Incident> incidents(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        Random rnd = new Random(seed);
        return new Iterator<>() {
            private int made;

            @Override
            public boolean hasNext() {
                return made < count;
            }

            @Override
            public Incident next() {
                if (made >= count) {
                    throw new NoSuchElementException();
                }
                return incident(made++, rnd);
            }
        };
    }

    private Incident incident(int n, Random rnd) {
        Gazetteer.Place place = place(rnd);
        // Spread grows with the size of the city: a few km for a town, 10-15 km for Almaty.
        double spreadMetres = 1_500 + 12 * Math.sqrt(place.population());
        double lat = place.lat();
        double lon = place.lon();
        String oblast = null;
        for (int draw = 0; draw < DRAWS && oblast == null; draw++) {
            double north = rnd.nextGaussian() * spreadMetres;
            double east = rnd.nextGaussian() * spreadMetres;
            lat = place.lat() + north / METRES_PER_DEGREE;
            lon = place.lon() + east / (METRES_PER_DEGREE * Math.cos(Math.toRadians(place.lat())));
            oblast = land.oblastAt(lon, lat).orElse(null);
        }
        if (oblast == null) {
            lat = place.lat();
            lon = place.lon();
            oblast = land.oblastAt(lon, lat).orElseThrow();
        }
        IncidentType type = type(rnd);
        LocalDate date = day(rnd);

        int killed = casualties(rnd, 0.25);
        int wounded = casualties(rnd, 0.35);
        Source first = sources.get(rnd.nextInt(sources.size()));
        List<Source> cited = new ArrayList<>(2);
        List<Claim> claims = new ArrayList<>(2);
        cited.add(first);
        claims.add(new Claim(first.key(), killed, wounded, date, null));
        if (rnd.nextInt(4) == 0) {
            Source second = sources.get(rnd.nextInt(sources.size()));
            if (!second.key().equals(first.key())) {
                // Sources disagree now and then, by a little.
                int otherKilled = killed + (killed > 0 && rnd.nextBoolean() ? 1 : 0);
                cited.add(second);
                claims.add(new Claim(second.key(), otherKilled, null, date, null));
            }
        }
        String id = UUID.nameUUIDFromBytes(("synthetic-" + seed + "-" + n).getBytes(StandardCharsets.UTF_8)).toString();
        return new Incident(id, type.label() + " near " + place.name() + " (synthetic " + n + ")", type, date,
                DatePrecision.DAY, place.name(), oblast, lon, lat, LocationPrecision.CITY, null, null,
                "Made-up incident for measuring the app; not a real event.", null, cited, claims);
    }

    private Gazetteer.Place place(Random rnd) {
        double r = rnd.nextDouble() * cumulativeWeight[cumulativeWeight.length - 1];
        int lo = 0;
        int hi = cumulativeWeight.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulativeWeight[mid] < r) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return places.get(lo);
    }

    private static IncidentType type(Random rnd) {
        IncidentType[] types = IncidentType.values();
        int total = 0;
        for (IncidentType t : types) {
            total += weight(t);
        }
        int r = rnd.nextInt(total);
        for (IncidentType t : types) {
            r -= weight(t);
            if (r < 0) {
                return t;
            }
        }
        return types[types.length - 1];
    }

    /** How common each type is, relative to the others. */
    private static int weight(IncidentType t) {
        return switch (t) {
            case ARMED_ATTACK -> 25;
            case ARMED_CLASH -> 18;
            case SECURITY_OPERATION, THREAT -> 15;
            case EXPLOSION, POLICY -> 10;
            case SUICIDE_BOMBING -> 2;
            default -> 5;
        };
    }

    /** A day in 2000–2025, later years more likely (density rising linearly). */
    private static LocalDate day(Random rnd) {
        long span = LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay();
        double u = Math.sqrt(rnd.nextDouble());
        return FIRST_DAY.plusDays(Math.min(span, (long) (u * (span + 1))));
    }

    /** Zero with probability 1 - {@code p}, else a geometric count with a long tail. */
    private static int casualties(Random rnd, double p) {
        if (rnd.nextDouble() >= p) {
            return 0;
        }
        return 1 + (int) Math.floor(Math.log(1 - rnd.nextDouble()) / Math.log(0.7));
    }
}
