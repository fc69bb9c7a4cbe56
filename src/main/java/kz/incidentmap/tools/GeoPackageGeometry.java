package kz.incidentmap.tools;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Decodes the geometry blobs of an OGC GeoPackage ("GeoPackageBinary": a small header followed by
 * standard WKB) into JTS geometries. GeoTools' GeoPackage module is not in our GeoTools build, and the
 * header is simple enough that reading it here is cheaper than another dependency.
 *
 * <p>Header layout (GeoPackage 1.x, clause 2.1.3): magic {@code "GP"}, version byte, flags byte
 * (bit 0 byte order of the header, bits 1-3 envelope kind, bit 4 empty geometry, bit 5 extended
 * type), int32 srs_id, then an envelope of 0, 4, 6, 6 or 8 doubles, then WKB.
 */
public final class GeoPackageGeometry {

    private GeoPackageGeometry() {
    }

    /**
     * Parses one blob. The returned geometry carries the blob's srs_id as its SRID.
     *
     * @throws IOException when the blob is not GeoPackage binary this reader understands
     */
    public static Geometry parse(byte[] blob, GeometryFactory factory) throws IOException {
        if (blob == null) {
            throw new IOException("GeoPackage geometry: blob is null");
        }
        if (blob.length < 8) {
            throw new IOException("GeoPackage geometry: blob has " + blob.length
                    + " bytes, shorter than the 8-byte header");
        }
        if (blob[0] != 'G' || blob[1] != 'P') {
            throw new IOException("GeoPackage geometry: blob does not start with \"GP\" (starts with "
                    + String.format("0x%02X 0x%02X", blob[0], blob[1]) + ")");
        }
        int version = blob[2] & 0xFF;
        if (version != 0) {
            // Version byte 0 means GeoPackage 1.x; nothing else has been published.
            throw new IOException("GeoPackage geometry: unsupported binary version " + version);
        }
        int flags = blob[3] & 0xFF;
        if ((flags & 0b0010_0000) != 0) {
            throw new IOException("GeoPackage geometry: extended (non-standard) geometry types are not supported");
        }
        boolean empty = (flags & 0b0001_0000) != 0;
        int envelopeKind = (flags >> 1) & 0b111;
        ByteOrder order = (flags & 1) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        int envelopeDoubles = switch (envelopeKind) {
            case 0 -> 0;
            case 1 -> 4;
            case 2, 3 -> 6;
            case 4 -> 8;
            default -> throw new IOException("GeoPackage geometry: invalid envelope indicator " + envelopeKind);
        };
        int srsId = ByteBuffer.wrap(blob, 4, 4).order(order).getInt();
        int wkbStart = 8 + envelopeDoubles * Double.BYTES;
        if (blob.length <= wkbStart) {
            throw new IOException("GeoPackage geometry: blob has " + blob.length + " bytes but the header with its "
                    + envelopeDoubles + "-value envelope needs " + wkbStart + " before the WKB");
        }
        Geometry geometry;
        try {
            geometry = new WKBReader(factory).read(Arrays.copyOfRange(blob, wkbStart, blob.length));
        } catch (ParseException | RuntimeException e) {
            throw new IOException("GeoPackage geometry: WKB part is unreadable: " + e.getMessage(), e);
        }
        if (empty && !geometry.isEmpty()) {
            // An empty point is written as POINT(NaN NaN); JTS reads that as a point with NaN ordinates.
            geometry = geometry instanceof Point ? factory.createPoint() : factory.createEmpty(geometry.getDimension());
        }
        geometry.setSRID(srsId);
        return geometry;
    }
}
