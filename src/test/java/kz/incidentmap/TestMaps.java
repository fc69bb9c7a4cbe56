package kz.incidentmap;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Source;

/** Shared fixtures: the shipped maps and a few incidents made up for tests. */
public final class TestMaps {

    public static final Path MAPS = Path.of("maps");
    public static final double MARKET_LON = 71.3670;
    public static final double MARKET_LAT = 42.8970;
    /** A spot in the Betpak-Dala desert, far from any town or incident. */
    public static final double STEPPE_LON = 68.0;
    public static final double STEPPE_LAT = 46.0;

    private TestMaps() {
    }

    public static Incident incident(String id, IncidentType type, double lon, double lat, Integer killed) {
        Source s = new Source("test", "Test report", "Test publisher", null, LocalDate.of(2011, 11, 12), "en");
        return new Incident(id, "Test " + id, type, LocalDate.of(2011, 11, 12), DatePrecision.DAY, "Test place",
                null, lon, lat, LocationPrecision.STREET, null, null, "A test incident.", null, List.of(s),
                List.of(new Claim("test", killed, null, null, null)));
    }

    /** {@code i} with its position known to {@code precision}. */
    public static Incident withPrecision(Incident i, LocationPrecision precision) {
        return new Incident(i.id(), i.title(), i.type(), i.date(), i.datePrecision(), i.place(), i.oblast(), i.lon(),
                i.lat(), precision, i.perpetrator(), i.claimedBy(), i.description(), i.eventGroup(), i.sources(),
                i.claims());
    }

    /** A blast at the Taraz market and an attack in Astana. */
    public static List<Incident> sampleIncidents() {
        return List.of(incident("blast", IncidentType.SUICIDE_BOMBING, MARKET_LON, MARKET_LAT, 1),
                incident("astana", IncidentType.EXPLOSION, 71.4491, 51.1801, 2));
    }

    public static LoadedMap load(List<Incident> incidents) throws IOException {
        return LoadedMap.load(MAPS, incidents);
    }
}
