package kz.incidentmap.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import kz.incidentmap.layers.Gazetteer;
import org.locationtech.jts.geom.Envelope;

/**
 * The name of a page that shows a box: the place at the box's centre ("Taraz \u2014 centre", "near
 * Taraz"); when no place is near, the oblast with the box's corners to 3 decimals ("Zhambyl oblast
 * 70.5,43.5,71,44"), or only the corners ("Area 70,42,73,44") outside every oblast.
 */
final class BoxTitle {

    private BoxTitle() {
    }

    static String of(Gazetteer gazetteer, Envelope box) {
        double lon = box.centre().x;
        double lat = box.centre().y;
        Optional<String> near = gazetteer.whereabouts(lon, lat);
        if (near.isPresent()) {
            return near.get();
        }
        String corners = degrees(box.getMinX()) + "," + degrees(box.getMinY()) + "," + degrees(box.getMaxX()) + ","
                + degrees(box.getMaxY());
        return gazetteer.oblastAt(lon, lat).map(o -> o.name() + " " + corners).orElse("Area " + corners);
    }

    /** To 3 decimals (about 100 m), without trailing zeros: a box typed 42.901 is not 42.900999999999996. */
    private static String degrees(double d) {
        return BigDecimal.valueOf(d).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
