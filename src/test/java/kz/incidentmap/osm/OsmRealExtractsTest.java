package kz.incidentmap.osm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kz.incidentmap.model.StreetFeature;
import kz.incidentmap.model.StreetLayer;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The importer on real OpenStreetMap extracts, bzip2-compressed as they are published (see
 * data/SOURCES.md). The expected counts were taken once by hand from the same files:
 * elements read from {@code osmium fileinfo -e FILE}; features per layer from {@code osmium tags-filter
 * -R FILE} on the tags each layer keeps (roads: {@code w/highway=<the types the importer keeps>} and
 * {@code w/railway}; buildings: {@code wr/building}; points of interest: {@code nwr/amenity,shop,...}
 * then {@code nwr/name}), checked with {@code ogrinfo -sql "select count(*) from lines where highway is
 * not null"} (31), {@code ... multipolygons where building is not null} (23) and {@code ... lines where
 * railway is not null} (2) on the decompressed XML.
 */
class OsmRealExtractsTest {

    private static final Path KARLSRUHE = OsmTestFiles.xml("karlsruhe.osm.bz2");
    private static final Path WEST_OAKLAND = OsmTestFiles.xml("west-oakland.osm.bz2");

    @TempDir
    Path tmp;

    private static ImportReport imported(Path file, List<StreetFeature> into) throws Exception {
        assertTrue(Files.isRegularFile(file), file + " is missing: it is kept in the test resources (data/SOURCES.md)");
        return OsmImporter.run(file, null, into::add, ImportProgress.NONE);
    }

    @Test
    void westOaklandGivesTheCountsOsmiumAndGdalGive() throws Exception {
        List<StreetFeature> out = new ArrayList<>();
        ImportReport report = imported(WEST_OAKLAND, out);
        assertEquals(446, report.nodes());
        assertEquals(66, report.ways());
        assertEquals(23, report.relations());
        // 31 highway ways of the kept types and 2 railway=subway ways.
        assertEquals(33, report.features().get(StreetLayer.ROADS));
        assertEquals(2, out.stream().filter(f -> f.kind().equals("railway")).count());
        assertEquals(23, report.features().get(StreetLayer.BUILDINGS));
        // 6 landuse and 2 leisure areas, a school and two car parks.
        assertEquals(11, report.features().get(StreetLayer.LANDUSE));
        assertEquals(0, report.features().getOrDefault(StreetLayer.WATER, 0));
        // 8 named nodes and 4 named closed ways with amenity, shop, ...
        assertEquals(12, report.features().get(StreetLayer.POIS));
        assertEquals(out.size(), report.featureCount());
        assertTrue(out.stream().allMatch(f -> f.geometry().isValid()), "every geometry valid");
        // The BART viaduct: railway=subway, bridge=yes, layer=1 on both its ways; 8 ways are oneway=yes.
        List<StreetFeature> viaduct = out.stream().filter(f -> f.road().bridge()).toList();
        assertEquals(2, viaduct.size());
        assertTrue(viaduct.stream().allMatch(f -> f.kind().equals("railway") && f.road().level() == 1));
        assertEquals(8, out.stream().filter(f -> f.road().isOneway()).count());
    }

    @Test
    void karlsruheIsOnlyABoundaryAndAPlaceNodeSoNoLayerTakesAnything() throws Exception {
        List<StreetFeature> out = new ArrayList<>();
        ImportReport report = imported(KARLSRUHE, out);
        assertEquals(1_076, report.nodes());
        assertEquals(45, report.ways());
        assertEquals(1, report.relations());
        assertEquals(0, report.featureCount());
        assertEquals(List.of(), out);
    }

    @Test
    void theCompressedFileGivesWhatItsDecompressedXmlGives() throws Exception {
        Path xml = tmp.resolve("west-oakland.osm");
        try (InputStream in = new BZip2CompressorInputStream(Files.newInputStream(WEST_OAKLAND))) {
            Files.copy(in, xml);
        }
        List<StreetFeature> fromXml = OsmImporter.readAll(xml);
        List<StreetFeature> fromBzip2 = OsmImporter.readAll(WEST_OAKLAND);
        assertEquals(fromXml.size(), fromBzip2.size());
        for (int i = 0; i < fromXml.size(); i++) {
            StreetFeature a = fromXml.get(i);
            StreetFeature b = fromBzip2.get(i);
            assertEquals(a.layer() + a.osmId() + a.type() + a.name(), b.layer() + b.osmId() + b.type() + b.name());
            assertTrue(a.geometry().equalsExact(b.geometry()), a.osmId());
        }
    }

    @Test
    void bzip2IsToldByItsFirstBytesWhateverTheName() throws Exception {
        Path renamed = Files.copy(WEST_OAKLAND, tmp.resolve("download.osm"));
        assertEquals(OsmImporter.readAll(WEST_OAKLAND).size(), OsmImporter.readAll(renamed).size());
        Path noName = Files.copy(WEST_OAKLAND, tmp.resolve("download"));
        assertEquals(OsmImporter.readAll(WEST_OAKLAND).size(), OsmImporter.readAll(noName).size());
    }

    @Test
    void aTruncatedDownloadNamesTheFileAndWhereItBreaks() throws Exception {
        byte[] whole = Files.readAllBytes(WEST_OAKLAND);
        Path cut = tmp.resolve("cut.osm.bz2");
        Files.write(cut, Arrays.copyOf(whole, whole.length * 2 / 3));
        List<StreetFeature> out = new ArrayList<>();
        OsmFormatException e = assertThrows(OsmFormatException.class,
                () -> OsmImporter.run(cut, null, out::add, ImportProgress.NONE));
        assertTrue(e.getMessage().startsWith(cut + ": damaged or truncated bzip2 data near byte "), e.getMessage());
        assertTrue(e.getMessage().contains("of the compressed file"), e.getMessage());
        assertEquals(List.of(), out, "the first reading (relations) fails before any feature is made");
    }

    @Test
    void aDamagedBlockIsReportedNotReadAsShortText() throws Exception {
        byte[] bytes = Files.readAllBytes(WEST_OAKLAND);
        bytes[bytes.length / 2] ^= (byte) 0x5A;
        Path bad = tmp.resolve("bad.osm.bz2");
        Files.write(bad, bytes);
        OsmFormatException e = assertThrows(OsmFormatException.class, () -> OsmImporter.readAll(bad));
        assertTrue(e.getMessage().contains("bad.osm.bz2: damaged or truncated bzip2 data"), e.getMessage());
    }

    @Test
    void aFileNamedBz2ThatIsNotCompressedIsRefused() throws Exception {
        Path plain = Files.copy(OsmTestFiles.xml("small.osm"), tmp.resolve("small.osm.bz2"));
        OsmFormatException e = assertThrows(OsmFormatException.class, () -> OsmImporter.readAll(plain));
        assertTrue(e.getMessage().contains("small.osm.bz2: named .bz2 but not bzip2-compressed"), e.getMessage());
    }

    @Test
    void aCompressedFileThatIsNotOpenStreetMapIsRefusedAsXml() throws Exception {
        Path gpx = tmp.resolve("track.osm.bz2");
        try (var out = new org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream(
                Files.newOutputStream(gpx))) {
            out.write("<?xml version='1.0'?>\n<gpx version='1.1'/>\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        OsmFormatException e = assertThrows(OsmFormatException.class, () -> OsmImporter.readAll(gpx));
        assertTrue(e.getMessage().contains("track.osm.bz2:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("root element is <gpx>"), e.getMessage());
    }

    @Test
    void progressIsAShareOfTheCompressedFile() throws Exception {
        List<Double> seen = new ArrayList<>();
        OsmImporter.run(WEST_OAKLAND, null, f -> { }, new ImportProgress() {
            @Override
            public void update(double fraction, String phase) {
                seen.add(fraction);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
        assertTrue(seen.stream().allMatch(f -> f >= 0 && f <= 1), seen.toString());
        assertEquals(1.0, seen.get(seen.size() - 1));
        // Counted in compressed bytes: counted after decompression, the share would pass 1 in the
        // second reading and stick there.
        assertTrue(seen.stream().anyMatch(f -> f > 0.5 && f < 1), "the second reading moves the bar: " + seen);
    }

    /**
     * Boundaries and places of the real extracts, counted by hand with {@code osmium tags-filter -R FILE
     * r/boundary=administrative} and {@code n/place=city,town,village} on the decompressed XML: Karlsruhe
     * holds one boundary, the city's (admin_level 6), whose 44 member ways are all in the extract
     * ({@code comm} of its member list with {@code osmium cat -t way}), and one place=city node; West
     * Oakland holds neither. Karlsruhe's city area is 173 km² by its statistics office. Karlsruhe's file carries no timestamps, West Oakland's elements do (the
     * newest, by {@code grep -o 'timestamp="[^"]*"' | sort | tail -1}, is 2016-07-12T16:09:43Z).
     */
    @Test
    void realExtractsCountTheirBoundariesAndPlaces() throws Exception {
        OsmAdminImportTest.Collected karlsruhe = new OsmAdminImportTest.Collected();
        ImportReport k = OsmImporter.run(KARLSRUHE, null, karlsruhe, ImportProgress.NONE);
        assertEquals(0, k.boundaries().oblasts());
        assertEquals(1, k.boundaries().districts());
        assertEquals(0, k.boundaries().skipped());
        kz.incidentmap.model.AdminArea city = karlsruhe.boundaries.get(0);
        assertEquals("Karlsruhe", city.name());
        assertEquals("r62518", city.osmId());
        assertTrue(city.geometry().isValid());
        // Square degrees to km² at 49° N.
        double km2 = city.geometry().getArea() * 111.32 * 111.32 * Math.cos(Math.toRadians(49.0));
        assertTrue(km2 > 160 && km2 < 185, km2 + " km²");
        assertEquals(1, k.boundaries().places());
        assertEquals("Karlsruhe", karlsruhe.places.get(0).name());
        assertEquals("city", karlsruhe.places.get(0).type());
        assertEquals("Карлсруэ", karlsruhe.places.get(0).nameRu());
        assertEquals(java.time.LocalDate.ofInstant(Files.getLastModifiedTime(KARLSRUHE).toInstant(),
                java.time.ZoneOffset.UTC), k.boundaries().extractDate(), "no timestamps: the file's date");

        OsmAdminImportTest.Collected oakland = new OsmAdminImportTest.Collected();
        ImportReport o = OsmImporter.run(WEST_OAKLAND, null, oakland, ImportProgress.NONE);
        assertEquals(0, o.boundaries().skipped() + o.boundaries().oblasts() + o.boundaries().districts());
        assertEquals(0, o.boundaries().places());
        assertEquals(java.time.LocalDate.of(2016, 7, 12), o.boundaries().extractDate());
    }
}
