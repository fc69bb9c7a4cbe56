package kz.incidentmap.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.incidentmap.edit.OblastLocator;
import kz.incidentmap.layers.BasemapLayers;
import kz.incidentmap.layers.Gazetteer;
import kz.incidentmap.layers.GeoJsonFeatures;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

class SyntheticIncidentsTest {

    private static Gazetteer gazetteer;
    private static OblastLocator land;
    private static List<Incident> incidents;

    @BeforeAll
    static void generate() throws Exception {
        gazetteer = BasemapLayers.gazetteer(Path.of("maps"));
        land = OblastLocator.load(Path.of("maps"));
        incidents = new ArrayList<>();
        new SyntheticIncidents(gazetteer, land, 7).incidents(5_000).forEachRemaining(incidents::add);
    }

    @Test
    void theSameSeedGivesTheSameRecordAndAnotherSeedAnother() {
        List<Incident> again = new ArrayList<>();
        new SyntheticIncidents(gazetteer, land, 7).incidents(5_000).forEachRemaining(again::add);
        assertEquals(incidents, again);
        Incident other = new SyntheticIncidents(gazetteer, land, 8).incidents(1).next();
        assertFalse(other.equals(incidents.get(0)));
    }

    @Test
    void makesAsManyAsAskedWithUniqueIds() {
        assertEquals(5_000, incidents.size());
        assertEquals(5_000, incidents.stream().map(Incident::id).distinct().count());
        assertFalse(new SyntheticIncidents(gazetteer, land, 1).incidents(0).hasNext());
        assertThrows(IllegalArgumentException.class, () -> new SyntheticIncidents(gazetteer, land, 1).incidents(-1));
    }

    @Test
    void mostIncidentsGatherAroundTheBigCities() {
        List<Gazetteer.Place> big = gazetteer.places().subList(0, 10);
        long nearBig = incidents.stream().filter(i -> big.stream()
                .anyMatch(p -> Math.hypot((i.lon() - p.lon()) * Math.cos(Math.toRadians(p.lat())), i.lat() - p.lat())
                        < 0.3)).count();
        assertTrue(nearBig > incidents.size() / 2, nearBig + " of " + incidents.size() + " near the 10 biggest cities");
    }

    @Test
    void everyIncidentLiesInKazakhstanAndNamesAnOblast() throws Exception {
        // The country's own outline, not the oblast boundaries the generator draws its points against.
        PreparedGeometry kazakhstan = PreparedGeometryFactory.prepare(GeoJsonFeatures.read(Path.of("maps",
                "countries.geojson")).stream().filter(f -> "KAZ".equals(f.string("iso_a3"))).findFirst().orElseThrow()
                .geometry().buffer(0.01));
        GeometryFactory gf = new GeometryFactory();
        for (Incident i : incidents) {
            assertTrue(kazakhstan.covers(gf.createPoint(new Coordinate(i.lon(), i.lat()))), i.id() + " at " + i.lon()
                    + ", " + i.lat());
            assertTrue(i.oblast() != null && !i.oblast().isBlank(), i.id() + " names no oblast");
        }
        assertTrue(incidents.stream().map(Incident::oblast).distinct().count() >= 10, "incidents in most oblasts");
        // The spread around a border city would put some abroad: they are drawn again, not moved onto the city.
        long atCityPoints = incidents.stream().filter(i -> gazetteer.places().stream()
                .anyMatch(p -> p.lon() == i.lon() && p.lat() == i.lat())).count();
        assertTrue(atCityPoints < incidents.size() / 100, atCityPoints + " at a city's own point");
    }

    @Test
    void datesSpanTheYearsWithMoreLaterAndEveryTypeOccurs() {
        assertTrue(incidents.stream().allMatch(i -> !i.date().isBefore(SyntheticIncidents.FIRST_DAY)
                && !i.date().isAfter(SyntheticIncidents.LAST_DAY)));
        long early = incidents.stream().filter(i -> i.date().getYear() < 2013).count();
        assertTrue(early < incidents.size() / 2, early + " before 2013");
        assertTrue(early > incidents.size() / 10, early + " before 2013");
        Set<IncidentType> types = incidents.stream().map(Incident::type).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(IncidentType.class)));
        assertEquals(EnumSet.allOf(IncidentType.class), types);
    }

    @Test
    void casualtiesAreMostlyNoneWithALongTailAndEveryClaimCitesAPooledSource() {
        Set<String> pool = new SyntheticIncidents(gazetteer, land, 7).sources().stream().map(Source::key)
                .collect(Collectors.toSet());
        assertEquals(SyntheticIncidents.SOURCE_COUNT, pool.size());
        long none = incidents.stream().filter(i -> i.maxKilled().orElse(0) == 0).count();
        assertTrue(none > incidents.size() / 2, none + " without deaths");
        assertTrue(incidents.stream().anyMatch(i -> i.maxKilled().orElse(0) >= 5), "some with many deaths");
        assertTrue(incidents.stream().anyMatch(i -> !i.killedRange().equals(i.maxKilled().orElse(0) + "")),
                "sources disagree somewhere");
        for (Incident i : incidents) {
            assertFalse(i.claims().isEmpty());
            for (Claim c : i.claims()) {
                assertTrue(pool.contains(c.sourceKey()), c.sourceKey());
            }
        }
    }
}
