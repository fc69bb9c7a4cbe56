package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.List;
import kz.incidentmap.TestMaps;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** An incident dated to a month is drawn faded in a week of that month: it is only perhaps in it. */
class PerhapsInDaysTest {

    private static Incident dated(String id, double lonOffset, LocalDate day, DatePrecision precision) {
        Incident i = TestMaps.withPrecision(TestMaps.incident(id, IncidentType.EXPLOSION, TestMaps.MARKET_LON + lonOffset,
                TestMaps.MARKET_LAT, 0), LocationPrecision.EXACT);
        return new Incident(i.id(), i.title(), i.type(), day, precision, i.place(), i.oblast(), i.lon(), i.lat(),
                i.locationPrecision(), i.perpetrator(), i.claimedBy(), i.description(), i.eventGroup(), i.sources(),
                i.claims());
    }

    @Test
    void aMonthsIncidentIsFadedInAWeekOfItAndNotInTheMonth() throws Exception {
        MapLayer layer = IncidentLayer.of(List.of(
                dated("day", 0, LocalDate.of(2011, 11, 12), DatePrecision.DAY),
                dated("month", 0.004, LocalDate.of(2011, 11, 1), DatePrecision.MONTH)), MapProjection.kazakhstan());
        IncidentFeatureSource all = IncidentLayer.indexed(layer).orElseThrow();
        IncidentFeatureSource week = all.withDays(LocalDate.of(2011, 11, 10), LocalDate.of(2011, 11, 16));
        IncidentFeatureSource month = all.withDays(LocalDate.of(2011, 11, 1), LocalDate.of(2011, 11, 30));
        int dayRow = row(all, 0);
        int monthRow = row(all, 1);
        assertFalse(week.perhapsInDays(dayRow), "the 12th is in the week");
        assertTrue(week.perhapsInDays(monthRow), "November may be any day of it");
        assertFalse(month.perhapsInDays(monthRow), "November is wholly in November");
        assertFalse(all.perhapsInDays(monthRow), "no days chosen: nothing is perhaps");

        Coordinate c = MapProjection.kazakhstan().toMap(TestMaps.MARKET_LON + 0.004, TestMaps.MARKET_LAT);
        Viewport vp = Viewport.atScale(c.x, c.y, 5_000, 200, 200);
        int faded = contrast(layer.withSource(week), vp);
        int full = contrast(layer.withSource(month), vp);
        assertTrue(full > 150, "drawn in full: " + full);
        assertTrue(faded < full / 2, "drawn faded: " + faded + " against " + full);
    }

    private static int row(IncidentFeatureSource source, int fid) {
        for (int r = 0; r < source.index().size(); r++) {
            if (source.index().fid(r) == fid) {
                return r;
            }
        }
        throw new AssertionError("no row of " + fid);
    }

    /** How far the marker's centre pixel is from the background's colour (summed over red, green, blue). */
    private static int contrast(MapLayer layer, Viewport vp) throws Exception {
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            new MapRenderer().render(g, vp, List.of(layer), () -> false);
        } finally {
            g.dispose();
        }
        int centre = img.getRGB(vp.width() / 2, vp.height() / 2);
        int background = MapRenderer.BACKGROUND.getRGB();
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d += Math.abs((centre >> shift & 0xFF) - (background >> shift & 0xFF));
        }
        return d;
    }
}
