package kz.incidentmap.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Source;

/**
 * Made-up incidents for measuring how the map copes with a large record: spread at random (a fixed
 * seed, so every run draws the same) over the box of Kazakhstan, of every type, over one year. They
 * live only in memory; nothing is written to a store.
 */
final class SyntheticIncidents {

    private SyntheticIncidents() {
    }

    static List<Incident> generate(int count) {
        Random r = new Random(20111112);
        IncidentType[] types = IncidentType.values();
        Source source = new Source("synthetic", "Synthetic test record", "bench", null, LocalDate.of(2011, 1, 1), "en");
        List<Incident> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double lon = 47 + r.nextDouble() * 40;
            double lat = 41 + r.nextDouble() * 14;
            out.add(new Incident("synthetic-" + i, "Synthetic incident " + i, types[r.nextInt(types.length)],
                    LocalDate.of(2011, 1, 1).plusDays(r.nextInt(365)), DatePrecision.DAY, "synthetic", null, lon, lat,
                    LocationPrecision.CITY, null, null, "A made-up incident for measurements.", null, List.of(source),
                    List.of(new Claim("synthetic", r.nextInt(5), null, null, null))));
        }
        return out;
    }
}
