package kz.incidentmap.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.Vocabulary;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Reliability;
import kz.incidentmap.model.Source;
import kz.incidentmap.tools.SyntheticIncidents;

/**
 * Generated incidents with every part a filter reads varied: date precision (and no date), sub-type,
 * location precision, claims that disagree or give no figure, perpetrators, tags and Cyrillic titles.
 */
final class VariedIncidents {

    static final List<String> PERPETRATORS = List.of("Jund al-Khilafah", "Unknown gunmen", "Police");
    static final List<String> TAGS = List.of("market", "court", "border", "prison");

    private VariedIncidents() {
    }

    /** The generator's sources, each graded in turn A to F or not at all. */
    static List<Source> sources(SyntheticIncidents generator) {
        List<Source> graded = new ArrayList<>();
        Reliability[] grades = Reliability.values();
        for (Source s : generator.sources()) {
            int k = graded.size() % (grades.length + 1);
            graded.add(s.withReliability(k == grades.length ? null : grades[k]));
        }
        return graded;
    }

    /** Incidents citing the graded {@link #sources}, which the store they go to must be given. */
    static List<Incident> of(SyntheticIncidents generator, int count, long seed) {
        Random rnd = new Random(seed);
        List<Source> sources = sources(generator);
        List<Incident> out = new ArrayList<>(count);
        generator.incidents(count).forEachRemaining(i -> out.add(varied(i, sources, rnd)));
        return out;
    }

    private static Incident varied(Incident i, List<Source> sources, Random rnd) {
        DatePrecision[] precisions = DatePrecision.values();
        DatePrecision precision = rnd.nextInt(8) == 0 ? null : precisions[rnd.nextInt(precisions.length)];
        boolean undated = rnd.nextInt(12) == 0;
        List<IncidentSubType> subs = Vocabulary.builtIn().of(i.type());
        IncidentSubType sub = rnd.nextInt(5) == 0 ? null : subs.get(rnd.nextInt(subs.size()));
        LocationPrecision[] locations = LocationPrecision.values();
        LocationPrecision location = rnd.nextInt(6) == 0 ? null : locations[rnd.nextInt(locations.length)];
        List<Source> cited = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        int n = rnd.nextInt(4);
        for (int k = 0; k < n; k++) {
            Source s = sources.get(rnd.nextInt(sources.size()));
            if (cited.contains(s)) {
                continue;
            }
            cited.add(s);
            claims.add(new Claim(s.key(), rnd.nextInt(3) == 0 ? null : rnd.nextInt(12),
                    rnd.nextInt(3) == 0 ? null : rnd.nextInt(30), null, null));
        }
        List<String> tags = new ArrayList<>();
        for (String t : TAGS) {
            if (rnd.nextInt(3) == 0) {
                tags.add(rnd.nextBoolean() ? t : t.toUpperCase(java.util.Locale.ROOT));
            }
        }
        String title = rnd.nextInt(4) == 0 ? "Нападение в городе " + i.place() : i.title();
        String perpetrator = rnd.nextInt(3) == 0 ? null : PERPETRATORS.get(rnd.nextInt(PERPETRATORS.size()));
        return new Incident(i.id(), title, i.type(), undated ? null : i.date(), undated ? null : precision, i.place(),
                i.oblast(), i.lon(), i.lat(), location, perpetrator, rnd.nextInt(5) == 0 ? perpetrator : null,
                i.description(), null, cited, claims, sub, null, tags, null, null);
    }
}
