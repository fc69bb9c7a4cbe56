package kz.incidentmap.osm;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import crosby.binary.Fileformat;
import crosby.binary.Osmformat;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Streams an OpenStreetMap PBF file block by block: the framing (length, {@code BlobHeader}, {@code Blob})
 * is read here so that a truncated or damaged file is reported with its block and byte offset; the
 * blocks are decoded with the protocol buffer classes of the {@code osmpbf} library. One block (at most
 * 32 MiB unpacked) is in memory at a time.
 */
final class OsmPbfReader extends OsmFileReader {

    private static final int MAX_HEADER = 64 * 1024;
    private static final int MAX_BLOB = 32 * 1024 * 1024;
    private static final Set<String> SUPPORTED = Set.of("OsmSchema-V0.6", "DenseNodes", "HistoricalInformation");

    /** The block being decoded, for {@link #place()}. */
    private String place = "";

    OsmPbfReader(Path file) {
        super(file, false);
    }

    @Override
    String place() {
        return place;
    }

    @Override
    void read(OsmHandler handler, LongConsumer bytesRead) throws IOException {
        try (CountingInputStream counting = new CountingInputStream(Files.newInputStream(file));
                DataInputStream in = new DataInputStream(new BufferedInputStream(counting, 1 << 16))) {
            long offset = 0;
            int block = 0;
            boolean header = false;
            while (true) {
                int b0 = in.read();
                if (b0 < 0) {
                    break;
                }
                String where = file + ": block " + (block + 1) + " at byte " + offset;
                byte[] len = new byte[3];
                readFully(in, len, where, "block length");
                int headerSize = (b0 << 24) | ((len[0] & 0xff) << 16) | ((len[1] & 0xff) << 8) | (len[2] & 0xff);
                if (headerSize <= 0 || headerSize > MAX_HEADER) {
                    throw new OsmFormatException(where + ": block header size " + headerSize
                            + " is impossible: not an OpenStreetMap PBF file, or a damaged one");
                }
                byte[] headerBytes = new byte[headerSize];
                readFully(in, headerBytes, where, "block header");
                Fileformat.BlobHeader blobHeader = parse(() -> Fileformat.BlobHeader.parseFrom(headerBytes), where,
                        "block header");
                int dataSize = blobHeader.getDatasize();
                if (dataSize < 0 || dataSize > MAX_BLOB) {
                    throw new OsmFormatException(where + ": block size " + dataSize + " is outside 0.." + MAX_BLOB);
                }
                byte[] blobBytes = new byte[dataSize];
                readFully(in, blobBytes, where, blobHeader.getType() + " block of " + dataSize + " bytes");
                byte[] data = unpack(parse(() -> Fileformat.Blob.parseFrom(blobBytes), where, "blob"), where);
                switch (blobHeader.getType()) {
                    case "OSMHeader" -> {
                        Osmformat.HeaderBlock headerBlock = parse(() -> Osmformat.HeaderBlock.parseFrom(data), where,
                                "OSMHeader");
                        checkFeatures(headerBlock, where);
                        if (headerBlock.getOsmosisReplicationTimestamp() > 0) {
                            headerTimestamp(headerBlock.getOsmosisReplicationTimestamp() * 1000);
                        }
                        header = true;
                    }
                    case "OSMData" -> {
                        if (!header) {
                            throw new OsmFormatException(where + ": OSMData block before the OSMHeader block");
                        }
                        Osmformat.PrimitiveBlock pb = parse(() -> Osmformat.PrimitiveBlock.parseFrom(data), where,
                                "OSMData");
                        place = "block " + (block + 1) + " (byte " + offset + ")";
                        new PbfBlockDecoder(pb, where).decode(handler);
                        if (!hasHeaderTimestamp()) {
                            elementTimestamp(newestTimestamp(pb));
                        }
                    }
                    default -> {
                        // Unknown block types are skipped, as the format asks.
                    }
                }
                offset += 4 + headerSize + dataSize;
                block++;
                bytesRead.accept(counting.count());
            }
            if (block == 0 || !header) {
                throw new OsmFormatException(file + ": no OSMHeader block: not an OpenStreetMap PBF file");
            }
        }
    }

    /**
     * The newest timestamp of the block's elements in epoch milliseconds, MIN_VALUE when they carry
     * none: the extract's date when its header has none.
     */
    private static long newestTimestamp(Osmformat.PrimitiveBlock pb) {
        long newest = Long.MIN_VALUE;
        for (Osmformat.PrimitiveGroup g : pb.getPrimitivegroupList()) {
            if (g.hasDense() && g.getDense().hasDenseinfo()) {
                long t = 0;
                for (long delta : g.getDense().getDenseinfo().getTimestampList()) {
                    t += delta;
                    newest = Math.max(newest, t);
                }
            }
            for (Osmformat.Node n : g.getNodesList()) {
                newest = n.hasInfo() && n.getInfo().hasTimestamp() ? Math.max(newest, n.getInfo().getTimestamp()) : newest;
            }
            for (Osmformat.Way w : g.getWaysList()) {
                newest = w.hasInfo() && w.getInfo().hasTimestamp() ? Math.max(newest, w.getInfo().getTimestamp()) : newest;
            }
            for (Osmformat.Relation r : g.getRelationsList()) {
                newest = r.hasInfo() && r.getInfo().hasTimestamp() ? Math.max(newest, r.getInfo().getTimestamp()) : newest;
            }
        }
        // Timestamps count date_granularity milliseconds (1000 unless the block says otherwise).
        return newest <= 0 ? Long.MIN_VALUE : newest * pb.getDateGranularity();
    }

    private static void readFully(DataInputStream in, byte[] into, String where, String what) throws IOException {
        int n = in.readNBytes(into, 0, into.length);
        if (n < into.length) {
            throw new OsmFormatException(where + ": file truncated in the " + what + " (" + n + " of " + into.length
                    + " bytes present)");
        }
    }

    private static byte[] unpack(Fileformat.Blob blob, String where) throws OsmFormatException {
        if (blob.hasRaw()) {
            return blob.getRaw().toByteArray();
        }
        if (!blob.hasZlibData()) {
            throw new OsmFormatException(where + ": unsupported block compression (only raw and zlib are read)");
        }
        int size = blob.getRawSize();
        if (size < 0 || size > MAX_BLOB) {
            throw new OsmFormatException(where + ": unpacked size " + size + " is outside 0.." + MAX_BLOB);
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(blob.getZlibData().toByteArray());
            byte[] out = new byte[size];
            int n = 0;
            while (n < size && !inflater.finished()) {
                int got = inflater.inflate(out, n, size - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            if (n != size) {
                throw new OsmFormatException(where + ": compressed block unpacks to " + n + " bytes, header says " + size);
            }
            return out;
        } catch (DataFormatException e) {
            throw new OsmFormatException(where + ": damaged compressed block: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static void checkFeatures(Osmformat.HeaderBlock header, String where) throws OsmFormatException {
        for (String f : header.getRequiredFeaturesList()) {
            if (!SUPPORTED.contains(f)) {
                throw new OsmFormatException(where + ": the file needs the feature '" + f + "', which this reader lacks");
            }
        }
    }

    private interface Parse<T> {
        T parse() throws InvalidProtocolBufferException;
    }

    private static <T> T parse(Parse<T> p, String where, String what) throws OsmFormatException {
        try {
            return p.parse();
        } catch (InvalidProtocolBufferException e) {
            throw new OsmFormatException(where + ": damaged " + what + " (" + e.getMessage() + ")", e);
        }
    }

    /** Decodes the delta-coded entities of one primitive block. */
    private static final class PbfBlockDecoder {
        private final Osmformat.PrimitiveBlock block;
        private final String where;
        private final String[] strings;

        PbfBlockDecoder(Osmformat.PrimitiveBlock block, String where) {
            this.block = block;
            this.where = where;
            List<ByteString> s = block.getStringtable().getSList();
            strings = new String[s.size()];
            for (int i = 0; i < strings.length; i++) {
                strings[i] = s.get(i).toStringUtf8();
            }
        }

        void decode(OsmHandler handler) throws OsmFormatException {
            for (Osmformat.PrimitiveGroup group : block.getPrimitivegroupList()) {
                if (handler.relationsOnly()) {
                    ids(handler, group);
                    for (Osmformat.Relation r : group.getRelationsList()) {
                        relation(handler, r);
                    }
                    continue;
                }
                for (Osmformat.Node n : group.getNodesList()) {
                    handler.element('n', n.getId());
                    node(handler, n.getId(), n.getLat(), n.getLon(), tags(n.getKeysList(), n.getValsList(), "node " + n.getId()));
                }
                if (group.hasDense()) {
                    dense(handler, group.getDense());
                }
                for (Osmformat.Way w : group.getWaysList()) {
                    long[] refs = new long[w.getRefsCount()];
                    long ref = 0;
                    for (int i = 0; i < refs.length; i++) {
                        ref += w.getRefs(i);
                        refs[i] = ref;
                    }
                    handler.element('w', w.getId());
                    handler.way(w.getId(), refs, tags(w.getKeysList(), w.getValsList(), "way " + w.getId()));
                }
                for (Osmformat.Relation r : group.getRelationsList()) {
                    relation(handler, r);
                }
            }
        }

        /** The ids of the group's nodes and ways alone, for a handler that skips their content. */
        private static void ids(OsmHandler handler, Osmformat.PrimitiveGroup group) {
            for (Osmformat.Node n : group.getNodesList()) {
                handler.element('n', n.getId());
            }
            if (group.hasDense()) {
                Osmformat.DenseNodes dense = group.getDense();
                long id = 0;
                for (int i = 0; i < dense.getIdCount(); i++) {
                    id += dense.getId(i);
                    handler.element('n', id);
                }
            }
            for (Osmformat.Way w : group.getWaysList()) {
                handler.element('w', w.getId());
            }
        }

        private void dense(OsmHandler handler, Osmformat.DenseNodes d) throws OsmFormatException {
            if (d.getLatCount() != d.getIdCount() || d.getLonCount() != d.getIdCount()) {
                throw new OsmFormatException(where + ": dense nodes with " + d.getIdCount() + " ids but "
                        + d.getLatCount() + " latitudes and " + d.getLonCount() + " longitudes");
            }
            long id = 0;
            long lat = 0;
            long lon = 0;
            int kv = 0;
            for (int i = 0; i < d.getIdCount(); i++) {
                id += d.getId(i);
                lat += d.getLat(i);
                lon += d.getLon(i);
                // Most nodes have no tags: no map for them.
                Map<String, String> tags = kv < d.getKeysValsCount() && d.getKeysVals(kv) != 0 ? new HashMap<>() : Map.of();
                while (kv < d.getKeysValsCount() && d.getKeysVals(kv) != 0) {
                    if (kv + 1 >= d.getKeysValsCount()) {
                        throw new OsmFormatException(where + ": node " + id + ": tag key without a value");
                    }
                    tags.put(string(d.getKeysVals(kv), "node " + id), string(d.getKeysVals(kv + 1), "node " + id));
                    kv += 2;
                }
                kv++;
                handler.element('n', id);
                node(handler, id, lat, lon, tags);
            }
        }

        private void node(OsmHandler handler, long id, long rawLat, long rawLon, Map<String, String> tags)
                throws OsmFormatException {
            double lat = 1e-9 * (block.getLatOffset() + (long) block.getGranularity() * rawLat);
            double lon = 1e-9 * (block.getLonOffset() + (long) block.getGranularity() * rawLon);
            if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
                throw new OsmFormatException(where + ": node " + id + ": coordinates " + lon + ", " + lat
                        + " are outside the globe");
            }
            handler.node(id, lon, lat, tags);
        }

        private void relation(OsmHandler handler, Osmformat.Relation r) throws OsmFormatException {
            String what = "relation " + r.getId();
            if (r.getMemidsCount() != r.getTypesCount() || r.getRolesSidCount() != r.getTypesCount()) {
                throw new OsmFormatException(where + ": " + what + ": member ids, types and roles differ in number");
            }
            List<OsmMember> members = new ArrayList<>(r.getMemidsCount());
            long ref = 0;
            for (int i = 0; i < r.getMemidsCount(); i++) {
                ref += r.getMemids(i);
                char type = switch (r.getTypes(i)) {
                    case NODE -> 'n';
                    case WAY -> 'w';
                    case RELATION -> 'r';
                };
                members.add(new OsmMember(type, ref, string(r.getRolesSid(i), what)));
            }
            handler.element('r', r.getId());
            handler.relation(r.getId(), members, tags(r.getKeysList(), r.getValsList(), what));
        }

        private Map<String, String> tags(List<Integer> keys, List<Integer> vals, String what) throws OsmFormatException {
            if (keys.size() != vals.size()) {
                throw new OsmFormatException(where + ": " + what + ": " + keys.size() + " tag keys but " + vals.size()
                        + " values");
            }
            Map<String, String> tags = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                tags.put(string(keys.get(i), what), string(vals.get(i), what));
            }
            return tags;
        }

        private String string(int index, String what) throws OsmFormatException {
            if (index < 0 || index >= strings.length) {
                throw new OsmFormatException(where + ": " + what + ": string " + index + " is not in the block's table of "
                        + strings.length);
            }
            return strings[index];
        }
    }
}
