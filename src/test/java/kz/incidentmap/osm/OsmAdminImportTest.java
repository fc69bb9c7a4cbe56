package kz.incidentmap.osm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.incidentmap.model.AdminArea;
import kz.incidentmap.model.OsmPlace;
import kz.incidentmap.model.OsmSink;
import kz.incidentmap.model.StreetFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Administrative boundaries and settlements from admin-boundaries.osm, a made-up extract of two levels. */
class OsmAdminImportTest {

    private static final Path EXTRACT = OsmTestFiles.xml("admin-boundaries.osm");

    @TempDir
    Path tmp;

    /** Everything an import hands on. */
    static final class Collected implements OsmSink {
        final List<StreetFeature> features = new ArrayList<>();
        final List<AdminArea> boundaries = new ArrayList<>();
        final List<OsmPlace> places = new ArrayList<>();

        @Override
        public void accept(StreetFeature f) {
            features.add(f);
        }

        @Override
        public void boundary(AdminArea a) {
            boundaries.add(a);
        }

        @Override
        public void place(OsmPlace p) {
            places.add(p);
        }

        Map<String, AdminArea> byName() {
            return boundaries.stream().collect(Collectors.toMap(AdminArea::name, Function.identity()));
        }
    }

    private static ImportReport imported(Path file, Collected into) throws Exception {
        return OsmImporter.run(file, null, into, ImportProgress.NONE);
    }

    @Test
    void twoOblastsAndTwoDistrictsAreAssembledFromOpenWays() throws Exception {
        Collected c = new Collected();
        ImportReport report = imported(EXTRACT, c);
        assertEquals(2, report.boundaries().oblasts());
        assertEquals(2, report.boundaries().districts());
        Map<String, AdminArea> areas = c.byName();
        assertEquals(List.of("B-East District", "B-West District", "Oblast A", "Oblast B"),
                areas.keySet().stream().sorted().toList());
        for (AdminArea a : c.boundaries) {
            assertTrue(a.geometry().isValid(), a.name() + " is valid");
            assertEquals(LocalDate.of(2026, 11, 30), a.extractDate(), "the root's timestamp");
        }
        AdminArea oblastA = areas.get("Oblast A");
        assertEquals(4, oblastA.adminLevel());
        assertEquals("r401", oblastA.osmId());
        assertEquals("Область А", oblastA.nameRu());
        assertEquals("А облысы", oblastA.nameKk());
        // 2° x 2° less the 0.4° x 0.4° hole made of two open ways.
        Polygon a = (Polygon) oblastA.geometry();
        assertEquals(1, a.getNumInteriorRing());
        assertEquals(4 - 0.16, a.getArea(), 1e-9);
        assertEquals(4, areas.get("Oblast B").geometry().getArea(), 1e-9);
        assertEquals(6, areas.get("B-West District").adminLevel());
        assertEquals(2, areas.get("B-West District").geometry().getArea(), 1e-9);
        assertEquals(2, areas.get("B-East District").geometry().getArea(), 1e-9);
        assertEquals("Шығыс ауданы", areas.get("B-East District").nameKk());
        // The districts tile their oblast.
        assertEquals(0, areas.get("Oblast B").geometry().symDifference(areas.get("B-West District").geometry()
                .union(areas.get("B-East District").geometry())).getArea(), 1e-9);
        assertTrue(c.features.isEmpty(), "boundaries are no street features: " + c.features);
    }

    @Test
    void aBoundaryWithAGapOrAMissingWayIsSkippedAndCounted() throws Exception {
        Collected c = new Collected();
        ImportReport report = imported(EXTRACT, c);
        // "Gap District" does not close; "Cut Oblast" names way 999, which is not in the file.
        assertEquals(2, report.boundaries().skipped());
        assertNull(c.byName().get("Gap District"));
        assertNull(c.byName().get("Cut Oblast"));
        assertNull(c.byName().get("Village Council"), "admin_level 8 is not kept");
        assertTrue(report.summary().contains("boundaries: oblasts 2, districts 2, skipped 2"), report.summary());
        assertTrue(report.summary().contains("places 4; extract of 2026-11-30"), report.summary());
    }

    @Test
    void settlementsKeepTheirNamesAndPopulation() throws Exception {
        Collected c = new Collected();
        ImportReport report = imported(EXTRACT, c);
        assertEquals(4, report.boundaries().places());
        Map<String, OsmPlace> byName = c.places.stream().collect(Collectors.toMap(OsmPlace::name, Function.identity()));
        assertEquals(List.of("Auyl", "Taraz", "Testgrad", "Townsk"), byName.keySet().stream().sorted().toList(),
                "a hamlet and an unnamed city are not kept");
        OsmPlace testgrad = byName.get("Testgrad");
        assertEquals("city", testgrad.type());
        assertEquals("n900", testgrad.osmId());
        assertEquals("Тестград", testgrad.nameRu());
        assertEquals("Тестқала", testgrad.nameKk());
        assertEquals("Oldtown", testgrad.oldName());
        assertEquals(120_000, testgrad.population());
        assertEquals(new Coordinate(71.5, 45.5), testgrad.point().getCoordinate());
        assertEquals("town", byName.get("Townsk").type());
        assertEquals(0, byName.get("Townsk").population(), "no population tag");
        assertEquals(1_200, byName.get("Auyl").population(), "\"1 200\" is read");
        assertEquals("village", byName.get("Auyl").type());
    }

    @Test
    void theSameFromPbf() throws Exception {
        Path pbf = OsmTestFiles.pbfOf("admin-boundaries.osm", tmp.resolve("admin.osm.pbf"));
        Collected c = new Collected();
        ImportReport report = imported(pbf, c);
        assertEquals(2, report.boundaries().oblasts());
        assertEquals(2, report.boundaries().districts());
        assertEquals(2, report.boundaries().skipped());
        assertEquals(4, c.places.size());
        assertEquals(4 - 0.16, c.byName().get("Oblast A").geometry().getArea(), 1e-9);
    }

    @Test
    void withoutATimestampTheFilesDateIsTheExtracts() throws Exception {
        // The twin has neither a header timestamp nor element timestamps.
        Path pbf = OsmTestFiles.pbfOf("admin-boundaries.osm", tmp.resolve("undated.osm.pbf"));
        Files.setLastModifiedTime(pbf, FileTime.from(Instant.parse("2024-05-06T07:08:09Z")));
        Collected c = new Collected();
        assertEquals(LocalDate.of(2024, 5, 6), imported(pbf, c).boundaries().extractDate());
        assertEquals(LocalDate.of(2024, 5, 6), c.boundaries.get(0).extractDate());
    }

    @Test
    void withoutAHeaderTimestampTheNewestElementDatesTheExtract() throws Exception {
        Path xml = tmp.resolve("no-header.osm");
        Files.writeString(xml, Files.readString(EXTRACT).replace(" timestamp=\"2026-11-30T21:14:07Z\"", "")
                .replaceFirst("timestamp=\"2025-01-02T03:04:05Z\"", "timestamp=\"2025-03-04T23:59:59Z\""));
        assertEquals(LocalDate.of(2025, 3, 4), imported(xml, new Collected()).boundaries().extractDate());
    }

    @Test
    void populationTagsThatAreNoNumberAreUnknown() {
        assertEquals(12_000, OsmImporter.population("12000"));
        assertEquals(12_000, OsmImporter.population("12 000"));
        assertEquals(0, OsmImporter.population("about 5000"));
        assertEquals(0, OsmImporter.population(""));
        assertEquals(0, OsmImporter.population(null));
    }

    @Test
    void theAssemblerJoinsOpenWaysEndToEndWhateverTheirDirection() {
        GeometryFactory gf = new GeometryFactory();
        MultipolygonAssembler assembler = new MultipolygonAssembler(gf);
        Coordinate[] south = {new Coordinate(0, 0), new Coordinate(1, 0), new Coordinate(2, 0)};
        Coordinate[] eastReversed = {new Coordinate(2, 2), new Coordinate(2, 1), new Coordinate(2, 0)};
        Coordinate[] north = {new Coordinate(2, 2), new Coordinate(0, 2)};
        Coordinate[] westReversed = {new Coordinate(0, 0), new Coordinate(0, 2)};
        MultipolygonAssembler.Result r = assembler.assemble(List.of(south, north, eastReversed, westReversed));
        assertNotNull(r.area());
        assertEquals(0, r.openLines());
        assertEquals(4, r.area().getArea(), 1e-12);
        assertTrue(r.area().isValid());
        MultipolygonAssembler.Result gap = assembler.assemble(List.of(south, north, eastReversed));
        assertNull(gap.area());
        assertEquals(1, gap.openLines());
    }
}
