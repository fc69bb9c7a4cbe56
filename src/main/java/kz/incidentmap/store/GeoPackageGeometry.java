package kz.incidentmap.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Encodes and decodes GeoPackage geometry blobs (OGC GeoPackage 1.2, "GeoPackageBinary"): the "GP"
 * magic, version 0, a flags byte, the srs_id, an optional envelope, then standard WKB. We write
 * little-endian blobs with a [minx, maxx, miny, maxy] envelope (envelope code 1), or no envelope and
 * the empty flag for empty geometries; we read any byte order and any envelope code. Malformed blobs
 * are an {@link IllegalArgumentException} that says what is wrong.
 */
public final class GeoPackageGeometry {

    private static final int HEADER_FIXED = 8;
    private static final int FLAG_LITTLE_ENDIAN = 0x01;
    private static final int FLAG_EMPTY = 0x10;
    private static final int FLAG_EXTENDED = 0x20;
    private static final int ENVELOPE_XY = 1;

    private GeoPackageGeometry() {
    }

    /**
     * The header of a blob.
     *
     * @param srsId the spatial reference system id written in the blob
     * @param empty whether the empty flag is set
     * @param envelope [minx, maxx, miny, maxy, ...] as stored (length 0, 4, 6 or 8)
     * @param wkbOffset where the WKB starts
     */
    public record Header(int srsId, boolean empty, double[] envelope, int wkbOffset) {
    }

    /** A blob for the point (lon, lat). */
    public static byte[] encodePoint(double lon, double lat, int srsId) {
        GeometryFactory factory = new GeometryFactory(new PrecisionModel(), srsId);
        return encode(factory.createPoint(new Coordinate(lon, lat)), srsId);
    }

    /** A blob for any two-dimensional geometry. */
    public static byte[] encode(Geometry geometry, int srsId) {
        byte[] wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(geometry);
        boolean empty = geometry.isEmpty();
        int envelopeBytes = empty ? 0 : 32;
        ByteBuffer out = ByteBuffer.allocate(HEADER_FIXED + envelopeBytes + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 'G').put((byte) 'P').put((byte) 0);
        int flags = FLAG_LITTLE_ENDIAN | (empty ? FLAG_EMPTY : ENVELOPE_XY << 1);
        out.put((byte) flags);
        out.putInt(srsId);
        if (!empty) {
            Envelope e = geometry.getEnvelopeInternal();
            out.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        }
        out.put(wkb);
        return out.array();
    }

    /** Reads the header of a blob without decoding the geometry. */
    public static Header header(byte[] blob) {
        if (blob == null) {
            throw new IllegalArgumentException("geometry blob is null");
        }
        if (blob.length < HEADER_FIXED) {
            throw new IllegalArgumentException("geometry blob too short (" + blob.length + " bytes)");
        }
        if (blob[0] != 'G' || blob[1] != 'P') {
            throw new IllegalArgumentException("geometry blob does not start with the GeoPackage magic 'GP'");
        }
        if (blob[2] != 0) {
            throw new IllegalArgumentException("unsupported GeoPackage geometry version " + blob[2]);
        }
        int flags = blob[3] & 0xff;
        if ((flags & FLAG_EXTENDED) != 0) {
            throw new IllegalArgumentException("extended GeoPackage geometries are not supported");
        }
        int envelopeCode = (flags >> 1) & 0x07;
        int doubles = switch (envelopeCode) {
            case 0 -> 0;
            case 1 -> 4;
            case 2, 3 -> 6;
            case 4 -> 8;
            default -> throw new IllegalArgumentException("invalid envelope code " + envelopeCode);
        };
        int wkbOffset = HEADER_FIXED + doubles * 8;
        if (blob.length <= wkbOffset) {
            throw new IllegalArgumentException("geometry blob truncated (" + blob.length + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(blob)
                .order((flags & FLAG_LITTLE_ENDIAN) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int srsId = in.getInt(4);
        double[] envelope = new double[doubles];
        for (int i = 0; i < doubles; i++) {
            envelope[i] = in.getDouble(HEADER_FIXED + i * 8);
        }
        return new Header(srsId, (flags & FLAG_EMPTY) != 0, envelope, wkbOffset);
    }

    /** Decodes a blob; the geometry's SRID is the blob's srs_id. */
    public static Geometry decode(byte[] blob) {
        Header header = header(blob);
        GeometryFactory factory = new GeometryFactory(new PrecisionModel(), header.srsId());
        Geometry g;
        try {
            g = new WKBReader(factory).read(Arrays.copyOfRange(blob, header.wkbOffset(), blob.length));
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("invalid WKB in geometry blob: " + e.getMessage(), e);
        }
        if (header.empty() && !g.isEmpty()) {
            // Writers store an empty point as POINT(NaN NaN), which JTS reads as a point with NaN ordinates.
            return g instanceof Point ? factory.createPoint() : factory.createEmpty(g.getDimension());
        }
        return g;
    }

    /** Decodes a blob that must hold a non-empty point. */
    public static Point decodePoint(byte[] blob) {
        Geometry g = decode(blob);
        if (!(g instanceof Point p) || p.isEmpty()) {
            throw new IllegalArgumentException("expected a point, found " + (g.isEmpty() ? "an empty " : "a ")
                    + g.getGeometryType());
        }
        return p;
    }

    /** Whether the blob holds an empty geometry (by flag, or by content when the flag is not set). */
    public static boolean isEmpty(byte[] blob) {
        Header header = header(blob);
        return header.empty() || (header.envelope().length == 0 && decode(blob).isEmpty());
    }

    /** [minx, maxx, miny, maxy] of the blob's geometry, or null when it is empty. */
    public static double[] envelope(byte[] blob) {
        Header header = header(blob);
        if (header.empty()) {
            return null;
        }
        if (header.envelope().length >= 4) {
            return Arrays.copyOf(header.envelope(), 4);
        }
        Geometry g = decode(blob);
        if (g.isEmpty()) {
            return null;
        }
        Envelope e = g.getEnvelopeInternal();
        return new double[] {e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY()};
    }
}
