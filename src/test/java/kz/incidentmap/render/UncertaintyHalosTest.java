package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.LoadedMap;
import kz.incidentmap.layers.MapModel;
import kz.incidentmap.layers.UncertaintyAreas;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** How far an imprecise position may be from its point is drawn, at the scales where it can be seen. */
class UncertaintyHalosTest {

    private static final double TARAZ_LON = 71.36667;
    private static final double TARAZ_LAT = 42.9;
    private static LoadedMap map;
    /** The same incidents, every position exact. */
    private static LoadedMap exact;
    private static IncidentIndex index;
    private static UncertaintyAreas areas;

    /** One incident of each precision: exact and street at the market, city at Taraz, region in Aktobe Region. */
    @BeforeAll
    static void load() throws Exception {
        map = TestMaps.load(List.of(
                at("exact", TestMaps.MARKET_LON, TestMaps.MARKET_LAT, LocationPrecision.EXACT),
                at("street", TestMaps.MARKET_LON, TestMaps.MARKET_LAT, LocationPrecision.STREET),
                at("city", TARAZ_LON, TARAZ_LAT, LocationPrecision.CITY),
                at("region", 57.2, 50.3, LocationPrecision.REGION)));
        exact = TestMaps.load(List.of(
                at("exact", TestMaps.MARKET_LON, TestMaps.MARKET_LAT, LocationPrecision.EXACT),
                at("street", TestMaps.MARKET_LON, TestMaps.MARKET_LAT, LocationPrecision.EXACT),
                at("city", TARAZ_LON, TARAZ_LAT, LocationPrecision.EXACT),
                at("region", 57.2, 50.3, LocationPrecision.EXACT)));
        var source = IncidentLayer.indexed(map.model().layer(IncidentLayer.NAME).orElseThrow()).orElseThrow();
        index = source.index();
        areas = source.areas();
    }

    private static Incident at(String id, double lon, double lat, LocationPrecision precision) {
        return TestMaps.withPrecision(TestMaps.incident(id, IncidentType.ARMED_ATTACK, lon, lat, 1), precision);
    }

    private static UncertaintyAreas.City cityAt(double x, double y) {
        return areas.citiesNear(new org.locationtech.jts.geom.Envelope(x, x, y, y)).at(x, y);
    }

    private static UncertaintyHalos.Halo halo(int row, double scale) {
        LocationPrecision precision = LocationPrecision.values()[index.locationPrecisionOrdinal(row)];
        return UncertaintyHalos.of(precision, cityAt(index.x(row), index.y(row)),
                scale * Viewport.STANDARD_PIXEL_METRES);
    }

    @Test
    void eachPrecisionHasItsHaloFromTheScaleWhereItIsWiderThanTheMarker() {
        assertEquals(0, halo(0, 5_000).radiusPx(), "an exact position has none");
        double street = halo(1, 5_000).radiusPx();
        assertEquals(100 / (5_000 * Viewport.STANDARD_PIXEL_METRES), street, 1e-6, "100 m at 1:5,000");
        assertEquals(0, halo(1, 100_000).radiusPx(), "at 1:100,000 the 100 m disc would hide under the marker");
        double taraz = halo(2, 200_000).radiusPx() * 200_000 * Viewport.STANDARD_PIXEL_METRES;
        assertTrue(taraz > 5_000 && taraz < 10_000, "Taraz, 358,153 people, is about 7 km across the radius: " + taraz);
        assertEquals(0, halo(2, 10_000_000).radiusPx(), "a city's disc is lost at country scale");
        assertEquals(LocationPrecision.REGION, halo(3, 3_000_000).precision());
        assertTrue(Double.isInfinite(halo(3, 3_000_000).radiusPx()), "a region's position stands for the oblast");
    }

    @Test
    void theHalosAreDrawnUnderTheMarkersAndNotOverTheCountry() throws Exception {
        Coordinate market = MapProjection.kazakhstan().toMap(TestMaps.MARKET_LON, TestMaps.MARKET_LAT);
        Viewport street = Viewport.atScale(market.x, market.y, 5_000, 400, 400);
        BufferedImage halo = draw(street, map.model());
        BufferedImage none = draw(street, exact.model());
        // 60 px east of the market: inside the 100 m disc (71 px), clear of the marker; 90 px: outside it.
        assertTrue(halo.getRGB(260, 200) != none.getRGB(260, 200), "the street disc tints its inside");
        assertEquals(none.getRGB(290, 200), halo.getRGB(290, 200), "and nothing outside it");

        Coordinate aktobeRegion = MapProjection.kazakhstan().toMap(57.2, 50.3);
        Viewport region = Viewport.atScale(aktobeRegion.x, aktobeRegion.y, 3_000_000, 400, 400);
        BufferedImage hatched = draw(region, map.model());
        BufferedImage plain = draw(region, exact.model());
        assertTrue(differing(hatched, plain) > 2_000, "the oblast of a region's position is hatched");

        Viewport country = Viewport.atScale(aktobeRegion.x, aktobeRegion.y, 15_000_000, 400, 400);
        assertEquals(0, differing(draw(country, map.model()), draw(country, exact.model())),
                "no halo over the whole country");
        Coordinate taraz = MapProjection.kazakhstan().toMap(TARAZ_LON, TARAZ_LAT);
        Viewport city = Viewport.atScale(taraz.x, taraz.y, 200_000, 400, 400);
        assertTrue(differing(draw(city, map.model()), draw(city, exact.model())) > 10_000, "Taraz's disc");
        int defaultDisc = differing(draw(city, withoutAreas()), draw(city, exact.model()));
        assertTrue(defaultDisc > 3_000 && defaultDisc < 10_000,
                "without the basemap's cities a city position gets a default disc of 3 km: " + defaultDisc);
    }

    /**
     * A city's uncertainty is one disc, at the city's point: ten incidents known to Taraz, at ten points of
     * it, draw the same pixels as one does (they once drew a disc each, stacked into a dark field).
     */
    @Test
    void aCitysIncidentsAtManyPointsDrawItsDiscOnce() throws Exception {
        List<Incident> ten = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double a = i * 2 * Math.PI / 10;
            ten.add(at("taraz-" + i, TARAZ_LON + 0.02 * Math.cos(a), TARAZ_LAT + 0.015 * Math.sin(a),
                    LocationPrecision.CITY));
        }
        IncidentIndex many = IncidentLayer.indexed(TestMaps.load(ten).model().layer(IncidentLayer.NAME).orElseThrow())
                .orElseThrow().index();
        IncidentIndex one = IncidentLayer.indexed(TestMaps.load(List.of(at("taraz", TARAZ_LON + 0.01, TARAZ_LAT,
                LocationPrecision.CITY))).model().layer(IncidentLayer.NAME).orElseThrow()).orElseThrow().index();
        Coordinate taraz = MapProjection.kazakhstan().toMap(TARAZ_LON, TARAZ_LAT);
        UncertaintyAreas.City point = cityAt(taraz.x, taraz.y);
        Viewport city = Viewport.atScale(point.x(), point.y(), 200_000, 400, 400);
        BufferedImage ofMany = halosOnly(city, many);
        BufferedImage ofOne = halosOnly(city, one);
        assertTrue(differing(ofOne, new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB)) > 10_000, "Taraz's disc is drawn");
        assertEquals(0, differing(ofMany, ofOne), "ten of Taraz's incidents draw the one disc of Taraz");
        // Centred on the city's point (the middle of the frame), not on the incident's, 14 px east of it:
        // pixels 140 and 259 lie 59.5 px either side of it.
        assertEquals(ofOne.getRGB(140, 200), ofOne.getRGB(259, 200), "the disc is centred on Taraz");
    }

    /** An oblast's incidents, at several points of it, hatch it once: the same pixels as one of them. */
    @Test
    void anOblastsIncidentsAtManyPointsHatchItOnce() throws Exception {
        List<Incident> five = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(at("aktobe-" + i, 56.8 + 0.3 * i, 50.0 + 0.15 * i, LocationPrecision.REGION));
        }
        IncidentIndex many = IncidentLayer.indexed(TestMaps.load(five).model().layer(IncidentLayer.NAME).orElseThrow())
                .orElseThrow().index();
        Coordinate aktobeRegion = MapProjection.kazakhstan().toMap(57.2, 50.3);
        Viewport region = Viewport.atScale(aktobeRegion.x, aktobeRegion.y, 3_000_000, 400, 400);
        BufferedImage ofOne = halosOnly(region, index);
        assertTrue(differing(ofOne, new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB)) > 2_000, "the oblast is hatched");
        assertEquals(0, differing(halosOnly(region, many), ofOne), "five of its incidents hatch it as one does");
    }

    /**
     * An oblast just outside the frame, whose incident within reach of it is met first, does not use up the hatchings the frame may draw: the oblast in the frame is
     * hatched too.
     */
    @Test
    void anOblastBeyondTheFrameDoesNotKeepTheOneInItFromBeingHatched() throws Exception {
        double lat = 50.3;
        IncidentIndex two = IncidentLayer.indexed(TestMaps.load(List.of(at("south", 57.2, lat - 0.6, LocationPrecision.REGION),
                at("in", 57.2, lat, LocationPrecision.REGION))).model().layer(IncidentLayer.NAME).orElseThrow())
                .orElseThrow().index();
        Coordinate in = MapProjection.kazakhstan().toMap(57.2, lat);
        Coordinate south = MapProjection.kazakhstan().toMap(57.2, lat - 0.6);
        Viewport vp = Viewport.atScale(in.x, in.y, 1_000_000, 400, 400);
        double bottom = vp.bounds().getMinY();
        assertTrue(south.y < bottom && south.y > bottom - UncertaintyAreas.CITY_REACH_METRES,
                "the south incident lies below the frame, within reach of it");
        org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
        var inFrame = gf.toGeometry(new org.locationtech.jts.geom.Envelope(in.x - 100_000, in.x + 100_000,
                bottom + 1_000, in.y + 100_000));
        var beyond = gf.toGeometry(new org.locationtech.jts.geom.Envelope(in.x - 100_000, in.x + 100_000,
                bottom - 100_000, bottom - 1_000));
        BufferedImage img = new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            UncertaintyHalos.paint(g, vp, two, UncertaintyAreas.of(List.of(), List.of(), List.of(beyond, inFrame)));
        } finally {
            g.dispose();
        }
        assertTrue(differing(img, new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB)) > 2_000,
                "the oblast in the frame is hatched");
    }

    private static BufferedImage halosOnly(Viewport vp, IncidentIndex of) {
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            UncertaintyHalos.paint(g, vp, of, areas);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * On a page, a city's soft disc is nested translucent discs, not a gradient fading to transparent:
     * PDF makes that a shading under a soft mask, which Ghostscript drew as one opaque fill over the map.
     */
    @Test
    void aPdfPageDrawsTheCitysDiscWithoutAShading(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        Coordinate taraz = MapProjection.kazakhstan().toMap(TARAZ_LON, TARAZ_LAT);
        org.locationtech.jts.geom.Envelope area = new org.locationtech.jts.geom.Envelope(taraz);
        area.expandBy(20_000);
        java.nio.file.Path pdf = tmp.resolve("taraz.pdf");
        new PageExporter().write(map.model(), new ExportRequest(ExportFormat.PDF, PageSize.A4, false, 150, 10,
                "Taraz", "", area, java.time.ZonedDateTime.parse("2026-12-07T18:00:00Z")), pdf);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            org.apache.pdfbox.pdmodel.PDPage page = doc.getPage(0);
            assertEquals(0, shadings(page.getResources()), "no gradient in the page");
            java.awt.image.BufferedImage drawn = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImage(0, 1f);
            // The middle of the map is Taraz: tinted by its disc, not covered by an opaque fill.
            int rgb = drawn.getRGB(drawn.getWidth() * 2 / 5, drawn.getHeight() / 2);
            int r = rgb >> 16 & 0xFF;
            int b = rgb & 0xFF;
            assertTrue(b >= r - 10 && r > 120, "a pale bluish tint at the middle of the map: " + Integer.toHexString(rgb));
        }
    }

    /** Shadings and shading patterns in {@code res} and the forms it draws. */
    private static int shadings(org.apache.pdfbox.pdmodel.PDResources res) throws java.io.IOException {
        if (res == null) {
            return 0;
        }
        int n = 0;
        for (org.apache.pdfbox.cos.COSName name : res.getShadingNames()) {
            n++;
        }
        for (org.apache.pdfbox.cos.COSName name : res.getPatternNames()) {
            n++;
        }
        for (org.apache.pdfbox.cos.COSName name : res.getXObjectNames()) {
            if (res.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
                n += shadings(form.getResources());
            }
        }
        return n;
    }

    private static MapModel withoutAreas() {
        return map.model().with(IncidentLayer.NAME,
                l -> l.withSource(IncidentLayer.indexed(l).orElseThrow().withAreas(UncertaintyAreas.NONE)));
    }

    private static BufferedImage draw(Viewport vp, MapModel model) throws Exception {
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            new MapRenderer().render(g, vp, model.visibleLayers(), () -> false);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static int differing(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                n += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return n;
    }
}
