package kz.incidentmap.store;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/** GeoPackage geometry blobs: what we write, and what other writers may give us. */
class GeoPackageGeometryTest {

    private final GeometryFactory factory = new GeometryFactory();

    @Test
    void pointRoundTrip() {
        byte[] blob = GeoPackageGeometry.encodePoint(71.36667, 42.9, 4326);
        Point p = GeoPackageGeometry.decodePoint(blob);
        assertEquals(71.36667, p.getX());
        assertEquals(42.9, p.getY());
        assertEquals(4326, p.getSRID());
        assertArrayEquals(new double[] {71.36667, 71.36667, 42.9, 42.9}, GeoPackageGeometry.envelope(blob));
        assertFalse(GeoPackageGeometry.isEmpty(blob));
    }

    @Test
    void emptyPointHasTheEmptyFlagAndNoEnvelope() {
        byte[] blob = GeoPackageGeometry.encode(factory.createPoint(), 4326);
        assertEquals(0x11, blob[3], "little-endian, empty, no envelope");
        assertTrue(GeoPackageGeometry.isEmpty(blob));
        assertNull(GeoPackageGeometry.envelope(blob));
        assertThrows(IllegalArgumentException.class, () -> GeoPackageGeometry.decodePoint(blob));
    }

    @Test
    void readsBigEndianBlobsWithoutEnvelope() {
        Geometry line = factory.createLineString(new Coordinate[] {new Coordinate(1, 2), new Coordinate(3, -4)});
        byte[] wkb = new WKBWriter(2, ByteOrderValues.BIG_ENDIAN).write(line);
        ByteBuffer b = ByteBuffer.allocate(8 + wkb.length).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 0).putInt(3857).put(wkb);
        byte[] blob = b.array();
        assertEquals(3857, GeoPackageGeometry.header(blob).srsId());
        assertArrayEquals(new double[] {1, 3, -4, 2}, GeoPackageGeometry.envelope(blob));
        assertEquals(line, GeoPackageGeometry.decode(blob));
    }

    @Test
    void rejectsWhatIsNotAGeoPackageGeometry() {
        assertThrows(IllegalArgumentException.class, () -> GeoPackageGeometry.decode(new byte[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> GeoPackageGeometry.decode("XP\0\1abcdefgh".getBytes()));
        byte[] extended = GeoPackageGeometry.encodePoint(1, 2, 4326);
        extended[3] |= 0x20;
        assertThrows(IllegalArgumentException.class, () -> GeoPackageGeometry.decode(extended));
        byte[] cut = java.util.Arrays.copyOf(GeoPackageGeometry.encodePoint(1, 2, 4326), 45);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GeoPackageGeometry.decode(cut));
        assertTrue(e.getMessage().contains("WKB"), e.getMessage());
    }

    @Test
    void skipsEnvelopesOfSixAndEightValues() {
        Geometry line = factory.createLineString(new Coordinate[] {new Coordinate(1, 2), new Coordinate(3, 4)});
        byte[] wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(line);
        for (int code = 2; code <= 4; code++) {
            int doubles = code == 4 ? 8 : 6;
            ByteBuffer b = ByteBuffer.allocate(8 + doubles * 8 + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
            b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) (1 | code << 1)).putInt(4326);
            for (int i = 0; i < doubles; i++) {
                b.putDouble(i < 4 ? new double[] {1, 3, 2, 4}[i] : 0);
            }
            byte[] blob = b.put(wkb).array();
            assertEquals(line, GeoPackageGeometry.decode(blob), "envelope code " + code);
            assertArrayEquals(new double[] {1, 3, 2, 4}, GeoPackageGeometry.envelope(blob));
        }
    }

    @Test
    void theEmptyFlagWinsOverANaNPoint() {
        byte[] wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN)
                .write(factory.createPoint(new Coordinate(Double.NaN, Double.NaN)));
        ByteBuffer b = ByteBuffer.allocate(8 + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 0x11).putInt(4326).put(wkb);
        Geometry g = GeoPackageGeometry.decode(b.array());
        assertInstanceOf(Point.class, g);
        assertTrue(g.isEmpty());
    }
}
