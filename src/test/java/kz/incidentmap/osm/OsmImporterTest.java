package kz.incidentmap.osm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.model.StreetLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

class OsmImporterTest {

    @TempDir
    Path tmp;

    private static Map<String, StreetFeature> byKey(List<StreetFeature> features) {
        return features.stream().collect(Collectors.toMap(f -> f.layer() + ":" + f.osmId(), f -> f));
    }

    @Test
    void readsStreetsAreasAndPlacesFromXml() throws Exception {
        List<StreetFeature> out = new ArrayList<>();
        ImportReport report = OsmImporter.run(OsmTestFiles.xml("small.osm"), null, out::add, ImportProgress.NONE);
        Map<String, StreetFeature> f = byKey(out);

        StreetFeature abai = f.get("ROADS:w100");
        assertEquals("Abai street", abai.name());
        assertEquals("улица Абая", abai.nameRu());
        assertEquals("Абай көшесі", abai.nameKk());
        assertEquals("secondary", abai.type());
        assertTrue(abai.geometry() instanceof LineString);
        assertEquals(71.3650, abai.geometry().getCoordinates()[0].x, 1e-7);
        assertEquals(3, ((LineString) f.get("ROADS:w102").geometry()).getNumPoints());
        assertEquals("steps", f.get("ROADS:w108").type());

        assertTrue(f.get("BUILDINGS:w103").geometry() instanceof Polygon);
        assertEquals("weapons", f.get("POIS:w103").type(), "a named shop in a building is a place too");
        assertTrue(f.get("POIS:w103").geometry().within(f.get("BUILDINGS:w103").geometry()));
        assertEquals("park", f.get("LANDUSE:w104").type());
        assertEquals("photo", f.get("POIS:n40").type());
        assertTrue(f.get("POIS:n40").geometry() instanceof Point);
        assertTrue(f.keySet().stream().noneMatch(k -> k.endsWith(":n41")), "an unnamed bench is no place of interest");

        Geometry market = f.get("BUILDINGS:r500").geometry();
        Polygon hall = (Polygon) market;
        assertEquals(1, hall.getNumInteriorRing(), "the courtyard is a hole");
        double outer = 0.0009 * 0.0011;
        double inner = 0.0003 * 0.0004;
        assertEquals(outer - inner, market.getArea(), 1e-10);
        assertEquals("marketplace", f.get("LANDUSE:r500").type());
        assertEquals("Central food market", f.get("POIS:r500").name());

        assertEquals(23, report.nodes());
        assertEquals(9, report.ways());
        assertEquals(1, report.relations());
        assertEquals(1, report.multipolygons());
        assertEquals(0, report.skippedRelations());
        assertEquals(out.size(), report.featureCount());
        assertEquals(4, report.features().get(StreetLayer.ROADS));
    }

    @Test
    void pbfGivesTheSameFeaturesAsXml() throws Exception {
        Path pbf = OsmTestFiles.pbfOf("small.osm", tmp.resolve("small.osm.pbf"));
        List<StreetFeature> fromXml = OsmImporter.readAll(OsmTestFiles.xml("small.osm"));
        List<StreetFeature> fromPbf = OsmImporter.readAll(pbf);
        assertEquals(fromXml.size(), fromPbf.size());
        Comparator<StreetFeature> order = Comparator.comparing((StreetFeature s) -> s.layer()).thenComparing(StreetFeature::osmId);
        fromXml.sort(order);
        fromPbf.sort(order);
        for (int i = 0; i < fromXml.size(); i++) {
            StreetFeature x = fromXml.get(i);
            StreetFeature p = fromPbf.get(i);
            assertEquals(x.osmId(), p.osmId());
            assertEquals(x.name(), p.name());
            assertEquals(x.nameKk(), p.nameKk());
            assertEquals(x.type(), p.type());
            assertTrue(x.geometry().equalsExact(p.geometry(), 1e-7), x.osmId() + " differs");
        }
    }

    @Test
    void aBoxKeepsOnlyWhatReachesIntoIt() throws Exception {
        List<StreetFeature> out = new ArrayList<>();
        // Around the park only.
        OsmImporter.run(OsmTestFiles.xml("small.osm"), new Envelope(71.359, 71.363, 42.900, 42.903), out::add,
                ImportProgress.NONE);
        assertEquals(List.of("w104"), out.stream().map(StreetFeature::osmId).toList());
    }

    @Test
    void relationsWithMissingMembersAreCountedAndTheClosableOnesKept() throws Exception {
        List<StreetFeature> out = new ArrayList<>();
        ImportReport report = OsmImporter.run(OsmTestFiles.xml("missing-members.osm"), null, out::add,
                ImportProgress.NONE);
        assertEquals(4, report.missingMembers());
        assertEquals(1, report.multipolygons());
        assertEquals(2, report.skippedRelations());
        assertEquals(List.of("r600"), out.stream().map(StreetFeature::osmId).toList());
        assertEquals(0.01, out.get(0).geometry().getArea(), 1e-9);
        assertTrue(report.summary().contains("skipped 2"), report.summary());
    }

    @Test
    void anEmptyFileIsRefused() {
        OsmFormatException e = assertThrows(OsmFormatException.class,
                () -> OsmImporter.readAll(OsmTestFiles.xml("empty.osm")));
        assertTrue(e.getMessage().contains("empty.osm: empty file"), e.getMessage());
    }

    @Test
    void brokenXmlNamesLineAndElement() {
        OsmFormatException e = assertThrows(OsmFormatException.class,
                () -> OsmImporter.readAll(OsmTestFiles.xml("broken.osm")));
        assertTrue(e.getMessage().startsWith(OsmTestFiles.xml("broken.osm") + ":8:"), e.getMessage());
        assertTrue(e.getMessage().contains("<way id=\"100\">"), e.getMessage());
    }

    @Test
    void truncatedXmlIsRefused() {
        OsmFormatException e = assertThrows(OsmFormatException.class,
                () -> OsmImporter.readAll(OsmTestFiles.xml("truncated.osm")));
        assertTrue(e.getMessage().contains("truncated.osm:"), e.getMessage());
        assertTrue(e.getMessage().contains("<node id=\"12\">"), e.getMessage());
    }

    @Test
    void aCoordinateOffTheGlobeNamesTheNode() {
        OsmFormatException e = assertThrows(OsmFormatException.class,
                () -> OsmImporter.readAll(OsmTestFiles.xml("bad-coordinate.osm")));
        assertTrue(e.getMessage().contains("bad-coordinate.osm:4:"), e.getMessage());
        assertTrue(e.getMessage().contains("<node id=\"2\">: lat 95.5 is outside -90..90"), e.getMessage());
    }

    @Test
    void xmlThatIsNotOpenStreetMapIsRefused() {
        OsmFormatException e = assertThrows(OsmFormatException.class,
                () -> OsmImporter.readAll(OsmTestFiles.xml("not-osm.xml")));
        assertTrue(e.getMessage().contains("root element is <gpx>"), e.getMessage());
    }

    @Test
    void truncatedPbfNamesTheBlock() throws Exception {
        Path whole = OsmTestFiles.pbfOf("small.osm", tmp.resolve("whole.osm.pbf"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = tmp.resolve("cut.osm.pbf");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 20));
        OsmFormatException e = assertThrows(OsmFormatException.class, () -> OsmImporter.readAll(cut));
        assertTrue(e.getMessage().contains("cut.osm.pbf: block "), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void emptyAndForeignPbfFilesAreRefused() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.osm.pbf"));
        assertTrue(assertThrows(OsmFormatException.class, () -> OsmImporter.readAll(empty)).getMessage()
                .contains("empty file"));
        Path junk = tmp.resolve("junk.osm.pbf");
        Files.writeString(junk, "this is a text file, not protocol buffers\n");
        OsmFormatException e = assertThrows(OsmFormatException.class, () -> OsmImporter.readAll(junk));
        assertTrue(e.getMessage().contains("junk.osm.pbf: block 1 at byte 0"), e.getMessage());
    }

    @Test
    void aCancelStopsTheImport() {
        ImportProgress cancelNow = new ImportProgress() {
            @Override
            public void update(double fraction, String phase) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        List<StreetFeature> out = new ArrayList<>();
        assertThrows(CancellationException.class,
                () -> OsmImporter.run(OsmTestFiles.xml("small.osm"), null, out::add, cancelNow));
    }

    /** The line the {@code n}-th occurrence of {@code start} begins on. */
    private static int lineOf(Path file, String start, int n) throws Exception {
        String text = Files.readString(file);
        int at = -1;
        for (int k = 0; k <= n; k++) {
            at = text.indexOf(start, at + 1);
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static final String TWICE = " appears twice in the file, at ";

    @Test
    void aWayGivenTwiceNamesTheFileTheWayAndBothLines() throws Exception {
        Path file = OsmTestFiles.withRepeated("<way id=\"101\"", false, tmp.resolve("twice.osm"));
        OsmFormatException e = assertThrows(OsmFormatException.class, () -> OsmImporter.readAll(file));
        assertEquals(file + ": way 101" + TWICE + "line " + lineOf(file, "<way id=\"101\"", 0) + " and at line "
                + lineOf(file, "<way id=\"101\"", 1) + "; an extract holds each element once (join overlapping"
                + " extracts with 'osmium merge', not by putting one after the other)", e.getMessage());
    }

    @Test
    void anElementRepeatedOutOfOrderIsFoundToo() throws Exception {
        Path node = OsmTestFiles.withRepeated("<node id=\"40\"", true, tmp.resolve("node-at-end.osm"));
        OsmFormatException e = assertThrows(OsmFormatException.class, () -> OsmImporter.readAll(node));
        assertTrue(e.getMessage().startsWith(node + ": node 40" + TWICE + "line " + lineOf(node, "<node id=\"40\"", 0)
                + " and at line " + lineOf(node, "<node id=\"40\"", 1) + ";"), e.getMessage());
        Path relation = OsmTestFiles.withRepeated("<relation id=", true, tmp.resolve("relation-at-end.osm"));
        e = assertThrows(OsmFormatException.class, () -> OsmImporter.readAll(relation));
        assertTrue(e.getMessage().matches(java.util.regex.Pattern.quote(relation.toString())
                + ": relation \\d+" + TWICE + "line \\d+ and at line \\d+;.*"), e.getMessage());
    }

    @Test
    void aPbfWithAWayTwiceNamesBothBlocks() throws Exception {
        Path xml = OsmTestFiles.withRepeated("<way id=\"101\"", true, tmp.resolve("way-at-end.osm"));
        Path pbf = OsmTestFiles.pbfOf(xml, tmp.resolve("way-at-end.osm.pbf"));
        OsmFormatException e = assertThrows(OsmFormatException.class, () -> OsmImporter.readAll(pbf));
        assertTrue(e.getMessage().matches(java.util.regex.Pattern.quote(pbf.toString()) + ": way 101" + TWICE
                + "block 3 \\(byte \\d+\\) and at block 5 \\(byte \\d+\\);.*"), e.getMessage());
    }

    @Test
    void twoCopiesInOnePbfBlockNameThatBlockOnce() throws Exception {
        Path xml = OsmTestFiles.withRepeated("<way id=\"101\"", false, tmp.resolve("way-twice.osm"));
        Path pbf = OsmTestFiles.pbfOf(xml, tmp.resolve("way-twice.osm.pbf"));
        OsmFormatException e = assertThrows(OsmFormatException.class, () -> OsmImporter.readAll(pbf));
        assertTrue(e.getMessage().matches(java.util.regex.Pattern.quote(pbf.toString()) + ": way 101 appears twice in"
                + " the file, both in block 3 \\(byte \\d+\\);.*"), e.getMessage());
    }

    @Test
    void unsortedNodesAreSortedBeforeLookup(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("unsorted.osm");
        Files.writeString(file, """
                <osm version="0.6">
                  <node id="9" lat="42.0" lon="71.1"/>
                  <node id="3" lat="42.0" lon="71.0"/>
                  <way id="1"><nd ref="3"/><nd ref="9"/><tag k="highway" v="residential"/><tag k="name" v="A"/></way>
                </osm>
                """);
        List<StreetFeature> out = OsmImporter.readAll(file);
        assertEquals(1, out.size());
        assertNotNull(out.get(0).geometry());
        assertEquals(71.0, out.get(0).geometry().getCoordinates()[0].x, 1e-7);
        assertEquals(71.1, out.get(0).geometry().getCoordinates()[1].x, 1e-7);
    }
}
