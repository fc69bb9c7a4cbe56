package kz.incidentmap.render;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.layers.MapModel;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The dates of the incidents a map area shows, for the snapshot's footer.
 *
 * @param count incidents in the area
 * @param first the earliest date, or null when none has a date
 * @param last the latest date, or null
 */
record IncidentDates(int count, LocalDate first, LocalDate last) {

    static IncidentDates in(MapModel model, Envelope area) throws IOException {
        MapLayer layer = model.layer(IncidentLayer.NAME).filter(MapLayer::visible).orElse(null);
        if (layer == null) {
            return new IncidentDates(0, null, null);
        }
        if (layer.source() instanceof IncidentFeatureSource indexed) {
            return in(indexed.index(), area);
        }
        int n = 0;
        LocalDate first = null;
        LocalDate last = null;
        try (SimpleFeatureIterator it = layer.source().getFeatures().features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                Geometry g = (Geometry) f.getDefaultGeometry();
                if (g == null || !area.intersects(g.getEnvelopeInternal())) {
                    continue;
                }
                n++;
                LocalDate d = parse(f.getAttribute("date"));
                if (d != null) {
                    first = first == null || d.isBefore(first) ? d : first;
                    last = last == null || d.isAfter(last) ? d : last;
                }
            }
        }
        return new IncidentDates(n, first, last);
    }

    private static IncidentDates in(IncidentIndex index, Envelope area) {
        int[] n = {0};
        int[] range = {Integer.MAX_VALUE, Integer.MIN_VALUE};
        index.forEachWithin(area, row -> {
            n[0]++;
            int d = index.epochDay(row);
            if (d != IncidentIndex.NO_DATE) {
                range[0] = Math.min(range[0], d);
                range[1] = Math.max(range[1], d);
            }
        });
        return range[0] > range[1] ? new IncidentDates(n[0], null, null)
                : new IncidentDates(n[0], LocalDate.ofEpochDay(range[0]), LocalDate.ofEpochDay(range[1]));
    }

    private static LocalDate parse(Object v) {
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v.toString().length() > 10 ? v.toString().substring(0, 10) : v.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "12 incidents, 31 Oct 2011 – 3 Dec 2011". */
    String describe() {
        if (count == 0) {
            return "No incidents in this area";
        }
        String what = count == 1 ? "1 incident" : String.format(Locale.ROOT, "%,d incidents", count);
        if (first == null) {
            return what + ", dates unknown";
        }
        return first.equals(last) ? what + ", " + first : what + ", " + first + " \u2013 " + last;
    }
}
