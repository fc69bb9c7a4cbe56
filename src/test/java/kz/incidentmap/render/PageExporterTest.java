package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import kz.incidentmap.TestMaps;
import kz.incidentmap.layers.ClusterStyles;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.MapModel;
import kz.incidentmap.model.IncidentType;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Each export format is valid, has the asked size and carries every element of the layout. */
class PageExporterTest {

    private static final ZonedDateTime WHEN = ZonedDateTime.parse("2026-11-22T18:00Z");
    private static LoadedMap map;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws Exception {
        map = TestMaps.load(TestMaps.sampleIncidents());
    }

    private static ExportRequest request(ExportFormat f, PageSize page, boolean portrait, int dpi) {
        return new ExportRequest(f, page, portrait, dpi, 10, "Kazakhstan in 2011", "Test subtitle", map.home(), WHEN);
    }

    /** The words every snapshot must show: title, subtitle, legend, scale, north, credits, dates, time. */
    private static List<String> layoutWords() {
        List<String> words = new java.util.ArrayList<>(List.of("Kazakhstan in 2011", "Test subtitle", "Legend", " km",
                "N", "Natural Earth", "GeoNames", "2 incidents, 12 Nov 2011", "exported 2026-11-22 18:00"));
        // The legend lists the types drawn: the two of the sample incidents.
        words.add(IncidentType.SUICIDE_BOMBING.label());
        words.add(IncidentType.EXPLOSION.label());
        return words;
    }

    @Test
    void thePageLegendListsOnlyTheClassesDrawnInTheFrame() throws Exception {
        Path out = tmp.resolve("legend.svg");
        new PageExporter().write(map.model(), request(ExportFormat.SVG, PageSize.A4, false, 150), out);
        String all = svgText(out);
        assertTrue(all.contains(IncidentType.SUICIDE_BOMBING.label()) && all.contains(IncidentType.EXPLOSION.label()), all);
        for (IncidentType absent : List.of(IncidentType.ARMED_ATTACK, IncidentType.ARMED_CLASH, IncidentType.THREAT,
                IncidentType.CLAIM, IncidentType.POLICY, IncidentType.SECURITY_OPERATION)) {
            assertFalse(all.contains(absent.label()), "no " + absent.label() + " is drawn");
        }
        assertFalse(all.contains(ClusterStyles.CLUSTER_TITLE), "two incidents far apart make no cluster");

        // The map narrowed to the blast: the explosion in Astana is no longer drawn, nor listed.
        MapModel blastOnly = map.model().with(IncidentLayer.NAME, l -> {
            IncidentFeatureSource s = IncidentLayer.indexed(l).orElseThrow();
            return l.withSource(s.withIndex(s.index().filtered(r -> s.index().type(r) == IncidentType.SUICIDE_BOMBING)));
        });
        new PageExporter().write(blastOnly, request(ExportFormat.SVG, PageSize.A4, false, 150), out);
        String narrowed = svgText(out);
        assertTrue(narrowed.contains(IncidentType.SUICIDE_BOMBING.label()), narrowed);
        assertFalse(narrowed.contains(IncidentType.EXPLOSION.label()), narrowed);
    }

    @Test
    void thePagePrintsTheFilterAndOutlinesItsArea() throws Exception {
        ExportRequest plain = request(ExportFormat.PNG, PageSize.A4, false, 96);
        org.locationtech.jts.geom.Geometry zhambyl = new org.locationtech.jts.geom.GeometryFactory()
                .toGeometry(new org.locationtech.jts.geom.Envelope(69.5, 75.0, 42.5, 45.5));
        ExportRequest filtered = plain.withFilter("in the rectangle drawn · 1 of 2 incidents", zhambyl);
        BufferedImage without = new PageExporter().image(map.model(), plain);
        BufferedImage with = new PageExporter().image(map.model(), filtered);
        java.awt.geom.Rectangle2D frame = PageLayout.frames(filtered).map();
        assertEquals(0, edgePixels(without, frame), "no area, no outline");
        // The dashed edge runs round the box: a hundred and more pixels of its colour inside the map frame.
        assertTrue(edgePixels(with, frame) > 100, "outlined: " + edgePixels(with, frame));
        Path svg = tmp.resolve("filtered.svg");
        new PageExporter().write(map.model(), request(ExportFormat.SVG, PageSize.A4, false, 96)
                .withFilter(filtered.filterLine(), zhambyl), svg);
        assertTrue(svgText(svg).contains("Filter: in the rectangle drawn · 1 of 2 incidents"), svgText(svg));
    }

    /** Pixels of the filter area's edge colour inside {@code frame} (layout units are pixels at 96 dpi). */
    private static int edgePixels(BufferedImage img, java.awt.geom.Rectangle2D frame) {
        int n = 0;
        for (int y = (int) frame.getMinY(); y < frame.getMaxY(); y++) {
            for (int x = (int) frame.getMinX(); x < frame.getMaxX(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == (FilterAreaOutline.EDGE.getRGB() & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The text elements of an SVG, one a line. */
    private static String svgText(Path svg) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        NodeList texts = dbf.newDocumentBuilder().parse(svg.toFile()).getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) {
            all.append(texts.item(i).getTextContent()).append('\n');
        }
        return all.toString();
    }

    @Test
    void pngStoresTheAskedDpiAndScalesTheLayoutNotTheMap() throws Exception {
        Path out = tmp.resolve("kz.png");
        ExportRequest r = request(ExportFormat.PNG, PageSize.A4, false, 300);
        new PageExporter().write(map.model(), r, out);
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(3508, img.getWidth(), "297 mm at 300 dpi");
        assertEquals(2480, img.getHeight(), "210 mm at 300 dpi");
        assertEquals(300, readDpi(out), 0.5);
        // The same map area at any resolution: the map frame covers the same ground.
        assertEquals(PageLayout.mapViewport(r).bounds(), PageLayout.mapViewport(r.withDpi(96)).bounds());
        Path low = tmp.resolve("kz96.png");
        new PageExporter().write(map.model(), r.withDpi(96), low);
        assertEquals(96, readDpi(low), 0.5);
        assertEquals(1123, ImageIO.read(low.toFile()).getWidth());
    }

    /** DPI from the PNG's pHYs chunk, read back through ImageIO's native PNG metadata. */
    private static double readDpi(Path png) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata meta = reader.getImageMetadata(0);
            Element root = (Element) meta.getAsTree("javax_imageio_png_1.0");
            NodeList phys = root.getElementsByTagName("pHYs");
            assertEquals(1, phys.getLength(), "a pHYs chunk");
            Element p = (Element) phys.item(0);
            assertEquals("meter", p.getAttribute("unitSpecifier"));
            reader.dispose();
            return Double.parseDouble(p.getAttribute("pixelsPerUnitXAxis")) * 0.0254;
        }
    }

    @Test
    void svgIsXmlWithTextElementsAndThePageSize() throws Exception {
        Path out = tmp.resolve("kz.svg");
        new PageExporter().write(map.model(), request(ExportFormat.SVG, PageSize.A4, false, 150), out);
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        // The SVG 1.0 DOCTYPE names the W3C DTD; a parser must not need the network to read the file.
        dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = dbf.newDocumentBuilder().parse(out.toFile());
        Element svg = doc.getDocumentElement();
        assertEquals("svg", svg.getLocalName());
        assertEquals("297.0mm", svg.getAttribute("width"));
        assertEquals("210.0mm", svg.getAttribute("height"));
        NodeList texts = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        assertTrue(texts.getLength() > 20, "text stays text: " + texts.getLength() + " <text> elements");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) {
            all.append(texts.item(i).getTextContent()).append('\n');
        }
        for (String w : layoutWords()) {
            assertTrue(all.toString().contains(w), "the SVG shows '" + w + "'");
        }
        assertTrue(all.toString().contains("Astana"), "map labels are text too");
    }

    @Test
    void pdfOpensWithTheAskedPageAndItsTextIsText() throws Exception {
        Path out = tmp.resolve("kz.pdf");
        new PageExporter().write(map.model(), request(ExportFormat.PDF, PageSize.A3, true, 150), out);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertEquals(297 / 25.4 * 72, box.getWidth(), 0.5, "A3 portrait width in points");
            assertEquals(420 / 25.4 * 72, box.getHeight(), 0.5, "A3 portrait height in points");
            String text = new PDFTextStripper().getText(doc);
            for (String w : layoutWords()) {
                assertTrue(text.contains(w.trim()), "the PDF shows '" + w + "': " + text);
            }
            assertEquals("Kazakhstan in 2011", doc.getDocumentInformation().getTitle());
        }
    }

    @Test
    void letterLandscapeIsLetterSized() throws Exception {
        ExportRequest r = request(ExportFormat.PNG, PageSize.LETTER, false, 150);
        assertEquals(1650, r.pixelWidth(), "11 in at 150 dpi");
        assertEquals(1275, r.pixelHeight(), "8.5 in at 150 dpi");
    }

    @Test
    void thePreviewIsThePageSmaller() throws Exception {
        ExportRequest r = request(ExportFormat.PDF, PageSize.A4, true, 150);
        BufferedImage p = new PageExporter().preview(map.model(), r, 300, 300);
        assertEquals(300, p.getHeight());
        assertEquals(210.0 / 297, p.getWidth() / (double) p.getHeight(), 0.01);
    }

    @Test
    void theSameRequestGivesTheSameBytes() throws Exception {
        ExportRequest r = request(ExportFormat.PNG, PageSize.A4, false, 96);
        Path a = tmp.resolve("a.png");
        Path b = tmp.resolve("b.png");
        new PageExporter().write(map.model(), r, a);
        new PageExporter().write(map.model(), r, b);
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)));
    }

    /** An exported page gets the permissions of any file the user makes there, not the owner-only ones of a temporary file. */
    @Test
    void exportedFilesHaveTheUsersNormalPermissions() throws Exception {
        Path plain = Files.createFile(tmp.resolve("made-by-hand.txt"));
        var normal = Files.getPosixFilePermissions(plain);
        for (ExportFormat f : ExportFormat.values()) {
            Path out = tmp.resolve("perm." + f.extension());
            new PageExporter().write(map.model(), request(f, PageSize.A4, false, 96), out);
            assertEquals(normal, Files.getPosixFilePermissions(out), f.toString());
        }
    }
}
