package kz.incidentmap.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bulk path's point blobs are byte for byte the ones the general geometry encoder writes. */
class IncidentRowsTest {

    @Test
    void pointBlobsAreTheGeneralEncodersBytes() {
        Random random = new Random(5);
        for (int k = 0; k < 1_000; k++) {
            double lon = (random.nextDouble() - 0.5) * 360;
            double lat = (random.nextDouble() - 0.5) * 180;
            assertArrayEquals(GeoPackageGeometry.encodePoint(lon, lat, GeoPackageSchema.WGS84),
                    IncidentRows.pointBlob(lon, lat), lon + ", " + lat);
        }
        assertArrayEquals(GeoPackageGeometry.encodePoint(71.36667, 42.9, GeoPackageSchema.WGS84),
                IncidentRows.pointBlob(71.36667, 42.9));
    }
}
