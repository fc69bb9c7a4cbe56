package kz.incidentmap.cli;

import kz.incidentmap.redact.Redaction;
import kz.incidentmap.render.Viewport;

/**
 * The view a redacted picture may show: a view of 1:5,000 centred on an incident would say where it
 * happened whatever its marker shows, so the centre goes to the middle of a square of the profile's
 * size (in map metres) and the scale to no finer than 1:10,000 per kilometre of it (1:250,000 for a
 * 25 km grid, 1:50,000 for the city profile's 5 km).
 */
final class RedactedView {

    private RedactedView() {
    }

    static Viewport of(Viewport vp, Redaction redaction) {
        int km = redaction.viewKm();
        if (km == 0) {
            return vp;
        }
        double cell = km * 1000.0;
        double cx = (Math.floor(vp.centerX() / cell) + 0.5) * cell;
        double cy = (Math.floor(vp.centerY() / cell) + 0.5) * cell;
        return Viewport.atScale(cx, cy, Math.max(vp.scaleDenominator(), km * 10_000.0), vp.width(), vp.height());
    }
}
