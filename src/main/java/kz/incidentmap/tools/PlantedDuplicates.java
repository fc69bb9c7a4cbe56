package kz.incidentmap.tools;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import kz.incidentmap.dedupe.DuplicatePair;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Source;

/**
 * A made-up record with duplicates planted in it, to measure the duplicate finder: background incidents
 * in the cities, each with words of its own; K of them reported a second time (shifted by hours to a
 * day, a few hundred metres off, retitled, partly in Cyrillic, casualty figures off by one), and for
 * each of those three near misses that must not be taken for it: the same place a week or two later,
 * the same day 80 km away, and the same day and place but another kind of event told in other words.
 * The same seed always gives the same set.
 */
public final class PlantedDuplicates {

    /**
     * The generated incidents, the planted pairs and the near misses (pairs by {@link DuplicatePair#key}).
     */
    public record Planted(List<Incident> incidents, Set<String> planted, Set<String> nearMisses) {
    }

    private static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    private static final int DAYS = 9_500;
    private static final double METRES_PER_DEGREE = 111_320;

    /** Cities: Latin name, Cyrillic name, latitude, longitude. */
    private static final Object[][] CITIES = {
        {"Almaty", "Алматы", 43.2567, 76.9286}, {"Astana", "Астана", 51.1694, 71.4491},
        {"Shymkent", "Шымкент", 42.3417, 69.5901}, {"Taraz", "Тараз", 42.9000, 71.3667},
        {"Aktobe", "Актобе", 50.2839, 57.1670}, {"Karaganda", "Караганда", 49.8047, 73.1094},
        {"Atyrau", "Атырау", 47.1167, 51.8833}, {"Aktau", "Актау", 43.6500, 51.1667},
        {"Kyzylorda", "Кызылорда", 44.8528, 65.5092}, {"Pavlodar", "Павлодар", 52.2873, 76.9674},
        {"Semey", "Семей", 50.4111, 80.2275}, {"Taldykorgan", "Талдыкорган", 45.0156, 78.3739},
        {"Kostanay", "Костанай", 53.2144, 63.6246}, {"Zhanaozen", "Жанаозен", 43.3412, 52.8619},
        {"Turkestan", "Туркестан", 43.2973, 68.2518}};
    private static final String[] ACTORS = {"unknown gunmen", "a lone attacker", "masked men", "a group of youths",
        "militants", "an armed gang", "two brothers", "a former soldier", "insurgents", "a local cell"};
    private static final String[] TARGETS = {"police patrol", "bank branch", "tax office", "prison van", "checkpoint",
        "security office", "mosque guard", "railway depot", "customs post", "border post", "court house",
        "traffic police", "military unit", "oil terminal", "mayor office", "bus station", "gas pipeline",
        "weapons shop", "newspaper office", "power station"};
    private static final String[] LANDMARKS = {"central market", "Abay avenue", "Tole bi street", "the old bazaar",
        "railway station", "Dostyk square", "ring road", "airport road", "Baiterek park", "industrial zone",
        "river embankment", "Kazybek bi street", "Zheltoksan street", "north district", "stadium"};
    private static final String[] VERBS = {"struck", "hit", "targeted", "attacked", "raided", "fired upon"};
    private static final String[] AFTERMATH = {"officers sealed off the area", "investigators opened a criminal case",
        "witnesses described panic", "the ministry issued a statement", "roads were closed for hours",
        "schools nearby were evacuated", "a suspect was detained later", "hospitals received the injured"};
    private static final IncidentType[] VIOLENT = {IncidentType.EXPLOSION, IncidentType.ARMED_ATTACK,
        IncidentType.ARMED_CLASH, IncidentType.SECURITY_OPERATION, IncidentType.SUICIDE_BOMBING};
    private static final String[] POLICY_TOPICS = {"new rules on religious literature", "a law on extremism",
        "a ban on foreign preachers", "stricter registration of associations", "a register of banned groups"};

    private final Random rnd;
    private final Source source = new Source("planted-a", "Generated report A", "Generator", null, null, "en");
    private final Source second = new Source("planted-b", "Generated report B", "Generator", null, null, "ru");
    private final Map<String, Facts> factsById = new HashMap<>();
    private int made;

    private PlantedDuplicates(long seed) {
        this.rnd = new Random(seed);
    }

    /**
     * {@code background} incidents with {@code planted} of them reported twice and three near misses
     * each; {@code planted} must not exceed {@code background}.
     */
    public static Planted generate(int background, int planted, long seed) {
        if (planted > background || planted < 0 || background < 0) {
            throw new IllegalArgumentException("0 <= planted <= background, not " + planted + ", " + background);
        }
        return new PlantedDuplicates(seed).build(background, planted);
    }

    private Planted build(int background, int planted) {
        List<Incident> all = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        Set<String> misses = new HashSet<>();
        for (int n = 0; n < background; n++) {
            Incident base = event();
            all.add(base);
            if (n < planted) {
                Incident twin = retold(base);
                all.add(twin);
                pairs.add(DuplicatePair.key(base.id(), twin.id()));
                for (Incident miss : List.of(weekLater(base), farAway(base), unrelated(base))) {
                    all.add(miss);
                    misses.add(DuplicatePair.key(base.id(), miss.id()));
                }
            }
        }
        return new Planted(all, pairs, misses);
    }

    private String nextId() {
        return UUID.nameUUIDFromBytes(("planted-" + made++).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The facts of one event, kept so that a retelling can use them. */
    private record Facts(int city, String actor, String target, String landmark, String verb, String aftermath) {
    }

    private Facts facts() {
        return new Facts(rnd.nextInt(CITIES.length), pick(ACTORS), pick(TARGETS), pick(LANDMARKS), pick(VERBS),
                pick(AFTERMATH));
    }

    private Incident event() {
        Facts f = facts();
        IncidentType type = VIOLENT[rnd.nextInt(VIOLENT.length)];
        LocalDate day = FIRST_DAY.plusDays(rnd.nextInt(DAYS));
        double[] at = near(f.city, 3_000);
        int killed = rnd.nextInt(4);
        String city = (String) CITIES[f.city][0];
        String title = switch (rnd.nextInt(3)) {
            case 0 -> capitalise(f.actor) + " " + f.verb + " " + f.target + " in " + city;
            case 1 -> city + ": " + f.target + " " + f.verb;
            default -> "Incident at " + f.target + ", " + city;
        };
        String text = switch (rnd.nextInt(4)) {
            case 0 -> capitalise(f.actor) + " " + f.verb + " a " + f.target + " near " + f.landmark + "; " + f.aftermath + ".";
            case 1 -> "Around " + (6 + rnd.nextInt(16)) + ":00 " + f.actor + " " + f.verb + " the " + f.target + ".";
            case 2 -> capitalise(f.aftermath) + " after " + f.actor + " " + f.verb + " a " + f.target + " on " + f.landmark + ".";
            default -> "Local media: " + f.target + " " + f.verb + "; " + f.aftermath + ".";
        };
        return incident(title, type, day, city, at, text, source, killed, f);
    }

    /** The same event as a second source tells it: another day by a few hours, another spot, other words. */
    private Incident retold(Incident base) {
        Facts f = factsOf(base);
        double[] at = offset(base.lat(), base.lon(), 100 + rnd.nextInt(500));
        LocalDate day = base.date().plusDays(rnd.nextInt(3) == 0 ? 1 : 0);
        String cityLatin = (String) CITIES[f.city][0];
        String city = rnd.nextBoolean() ? (String) CITIES[f.city][1] : cityLatin;
        String title = capitalise(f.target) + " " + f.verb + " by " + f.actor + ", " + city;
        String text = "Reports say " + f.actor + " " + f.verb + " the " + f.target + " by " + f.landmark + ".";
        if (rnd.nextBoolean()) {
            title = cyrillicHalf(title);
            text = cyrillicHalf(text);
        }
        Integer killed = base.claims().get(0).killed();
        int off = killed + (rnd.nextBoolean() ? 1 : killed > 0 ? -1 : 1);
        return incident(title, base.type(), day, city, at, text, second, off, f);
    }

    private Incident weekLater(Incident base) {
        Facts f = factsOf(base);
        double[] at = offset(base.lat(), base.lon(), 200);
        String city = (String) CITIES[f.city][0];
        return incident(capitalise(f.actor) + " " + f.verb + " " + f.target + " again in " + city, base.type(),
                base.date().plusDays(7 + rnd.nextInt(8)), city, at, base.description(), source, 0, f);
    }

    private Incident farAway(Incident base) {
        Facts f = factsOf(base);
        double[] at = offset(base.lat(), base.lon(), 80_000);
        return incident(base.title(), base.type(), base.date(), base.place() + " district", at, base.description(),
                source, 1, f);
    }

    private Incident unrelated(Incident base) {
        Facts f = factsOf(base);
        String city = (String) CITIES[f.city][0];
        String topic = pick(POLICY_TOPICS);
        return incident("Akimat of " + city + " announced " + topic, IncidentType.POLICY, base.date(), city,
                offset(base.lat(), base.lon(), 300), "Officials presented " + topic + " to the press.", source, 0, f);
    }

    private Incident incident(String title, IncidentType type, LocalDate day, String place, double[] at, String text,
            Source from, int killed, Facts f) {
        Incident i = new Incident(nextId(), title, type, day, DatePrecision.DAY, place, null, at[1], at[0],
                LocationPrecision.CITY, null, null, text, null, List.of(from),
                List.of(new Claim(from.key(), killed, null, day, null)));
        factsById.put(i.id(), f);
        return i;
    }

    private Facts factsOf(Incident i) {
        return factsById.get(i.id());
    }

    private double[] near(int city, double spreadMetres) {
        double lat = (double) CITIES[city][2];
        double lon = (double) CITIES[city][3];
        return offset(lat, lon, Math.abs(rnd.nextGaussian()) * spreadMetres);
    }

    private double[] offset(double lat, double lon, double metres) {
        double bearing = rnd.nextDouble() * 2 * Math.PI;
        double north = Math.cos(bearing) * metres;
        double east = Math.sin(bearing) * metres;
        return new double[] {lat + north / METRES_PER_DEGREE,
            lon + east / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lat)))};
    }

    private String pick(String[] words) {
        return words[rnd.nextInt(words.length)];
    }

    private static String capitalise(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** Every other word spelt in Cyrillic, as a Russian-language report spells names and loanwords. */
    private static String cyrillicHalf(String text) {
        String[] words = text.split(" ");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            out.append(i > 0 ? " " : "").append(i % 2 == 1 ? LatinToCyrillic.spell(words[i]) : words[i]);
        }
        return out.toString();
    }
}
