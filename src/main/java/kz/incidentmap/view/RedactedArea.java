package kz.incidentmap.view;

import kz.incidentmap.redact.Redaction;
import org.locationtech.jts.geom.Envelope;

/**
 * The map area a redacted page may show: its centre moved to the middle of a square of the profile's
 * size (map metres) and the area made at least four such squares wide and high, so that a view zoomed
 * on an incident does not say where it happened whatever its marker shows.
 */
final class RedactedArea {

    private RedactedArea() {
    }

    static Envelope of(Envelope extent, Redaction redaction) {
        int km = redaction.viewKm();
        if (km == 0) {
            return extent;
        }
        double cell = km * 1000.0;
        double cx = (Math.floor(extent.centre().x / cell) + 0.5) * cell;
        double cy = (Math.floor(extent.centre().y / cell) + 0.5) * cell;
        double w = Math.max(extent.getWidth(), 4 * cell) / 2;
        double h = Math.max(extent.getHeight(), 4 * cell) / 2;
        return new Envelope(cx - w, cx + w, cy - h, cy + h);
    }
}
