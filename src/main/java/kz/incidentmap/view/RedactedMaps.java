package kz.incidentmap.view;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.layers.MapModel;
import kz.incidentmap.model.Incident;
import kz.incidentmap.redact.Redaction;

/**
 * The window's map as an export dialog's redaction lets a page show it: its incident layer replaced by
 * the records the filter chooses, redacted, so that no marker, cluster or date on the page comes from
 * an unredacted record. The last one made is kept for the previews that follow. Off the JavaFX thread.
 */
final class RedactedMaps implements ExportDialog.Shared {

    private final MapModel shown;
    private final IncidentFeatureSource all;
    private final IncidentFilter filter;
    /** Said when a redaction is chosen before the records are loaded, in the window's language. */
    private final String stillLoading;
    private String lastLabel;
    private MapModel last;

    RedactedMaps(MapModel shown, IncidentFeatureSource all, IncidentFilter filter, String stillLoading) {
        this.shown = shown;
        this.all = all;
        this.filter = filter;
        this.stillLoading = stillLoading;
    }

    @Override
    public synchronized MapModel model(Redaction redaction) throws IOException {
        if (!redaction.active()) {
            return shown;
        }
        if (all == null) {
            throw new IOException(stillLoading);
        }
        if (redaction.label().equals(lastLabel)) {
            return last;
        }
        List<Incident> chosen = new ArrayList<>();
        all.records().forEach((row, i) -> {
            if (filter.test(i)) {
                chosen.add(i);
            }
        });
        MapLayer layer = IncidentLayer.of(redaction.applyList(chosen), MapProjection.kazakhstan());
        last = shown.withIncidents(IncidentLayer.indexed(layer).orElseThrow());
        lastLabel = redaction.label();
        return last;
    }
}
