package kz.incidentmap.render;

import java.time.LocalDate;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.layers.MapModel;
import org.locationtech.jts.geom.Envelope;

/**
 * The dates of the incidents a map area shows, for the snapshot's footer.
 *
 * @param count incidents in the area
 * @param first the earliest date, or null when none has a date
 * @param last the latest date, or null
 */
record IncidentDates(int count, LocalDate first, LocalDate last) {

    /** The incidents of the model's visible incident layer inside {@code area}, read from its index. */
    static IncidentDates in(MapModel model, Envelope area) {
        return model.layer(IncidentLayer.NAME).filter(MapLayer::visible).flatMap(IncidentLayer::indexed)
                .map(source -> in(source.index(), area)).orElse(new IncidentDates(0, null, null));
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

    /** "12 incidents, 31 Oct 2011 – 3 Dec 2011"; with {@code months}, "12 incidents, Oct 2011 – Dec 2011". */
    String describe(Texts texts, boolean months) {
        if (count == 0) {
            return texts.text("page.noIncidents");
        }
        String what = texts.format("page.incidents", count);
        if (first == null) {
            return texts.format("page.datesUnknown", what);
        }
        if (months) {
            java.time.format.DateTimeFormatter month = texts.datePattern("MMM yyyy");
            return first.withDayOfMonth(1).equals(last.withDayOfMonth(1))
                    ? texts.format("page.oneDay", what, month.format(first))
                    : texts.format("page.days", what, month.format(first), month.format(last));
        }
        return first.equals(last) ? texts.format("page.oneDay", what, texts.date(first))
                : texts.format("page.days", what, texts.date(first), texts.date(last));
    }
}
