package kz.incidentmap.osm;

import com.google.protobuf.ByteString;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockOutputStream;
import crosby.binary.file.FileBlock;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an OpenStreetMap PBF file (dense nodes, ways, relations; zlib-compressed blocks through the
 * {@code osmpbf} library's block writer). Elements must come sorted: nodes, then ways, then relations.
 * Used to generate test files and the benchmark's synthetic extract.
 */
public final class OsmPbfWriter implements AutoCloseable {

    private static final int BLOCK_ENTITIES = 8000;
    private static final long GRANULARITY = 100;

    private final BlockOutputStream out;
    private final List<Object[]> pending = new ArrayList<>();
    private char pendingType;

    public OsmPbfWriter(Path file) throws IOException {
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        out = new BlockOutputStream(os);
        Osmformat.HeaderBlock header = Osmformat.HeaderBlock.newBuilder()
                .addRequiredFeatures("OsmSchema-V0.6").addRequiredFeatures("DenseNodes")
                .setWritingprogram("kz-incident-map").build();
        out.write(FileBlock.newInstance("OSMHeader", header.toByteString(), null));
    }

    public void node(long id, double lon, double lat, Map<String, String> tags) throws IOException {
        add('n', new Object[] {id, lon, lat, tags});
    }

    public void way(long id, long[] refs, Map<String, String> tags) throws IOException {
        add('w', new Object[] {id, refs, tags});
    }

    public void relation(long id, List<OsmMember> members, Map<String, String> tags) throws IOException {
        add('r', new Object[] {id, members, tags});
    }

    private void add(char type, Object[] entity) throws IOException {
        if (type != pendingType || pending.size() >= BLOCK_ENTITIES) {
            flushBlock();
        }
        pendingType = type;
        pending.add(entity);
    }

    @SuppressWarnings("unchecked")
    private void flushBlock() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        Strings strings = new Strings();
        Osmformat.PrimitiveGroup.Builder group = Osmformat.PrimitiveGroup.newBuilder();
        switch (pendingType) {
            case 'n' -> {
                Osmformat.DenseNodes.Builder dense = Osmformat.DenseNodes.newBuilder();
                long lastId = 0;
                long lastLat = 0;
                long lastLon = 0;
                for (Object[] e : pending) {
                    long id = (Long) e[0];
                    long lon = Math.round((Double) e[1] * 1e9 / GRANULARITY);
                    long lat = Math.round((Double) e[2] * 1e9 / GRANULARITY);
                    dense.addId(id - lastId).addLat(lat - lastLat).addLon(lon - lastLon);
                    lastId = id;
                    lastLat = lat;
                    lastLon = lon;
                    for (Map.Entry<String, String> t : ((Map<String, String>) e[3]).entrySet()) {
                        dense.addKeysVals(strings.index(t.getKey())).addKeysVals(strings.index(t.getValue()));
                    }
                    dense.addKeysVals(0);
                }
                group.setDense(dense);
            }
            case 'w' -> {
                for (Object[] e : pending) {
                    Osmformat.Way.Builder w = Osmformat.Way.newBuilder().setId((Long) e[0]);
                    long last = 0;
                    for (long ref : (long[]) e[1]) {
                        w.addRefs(ref - last);
                        last = ref;
                    }
                    for (Map.Entry<String, String> t : ((Map<String, String>) e[2]).entrySet()) {
                        w.addKeys(strings.index(t.getKey())).addVals(strings.index(t.getValue()));
                    }
                    group.addWays(w);
                }
            }
            default -> {
                for (Object[] e : pending) {
                    Osmformat.Relation.Builder r = Osmformat.Relation.newBuilder().setId((Long) e[0]);
                    long last = 0;
                    for (OsmMember m : (List<OsmMember>) e[1]) {
                        r.addMemids(m.ref() - last).addRolesSid(strings.index(m.role()))
                                .addTypes(m.type() == 'n' ? Osmformat.Relation.MemberType.NODE
                                        : m.type() == 'w' ? Osmformat.Relation.MemberType.WAY
                                        : Osmformat.Relation.MemberType.RELATION);
                        last = m.ref();
                    }
                    for (Map.Entry<String, String> t : ((Map<String, String>) e[2]).entrySet()) {
                        r.addKeys(strings.index(t.getKey())).addVals(strings.index(t.getValue()));
                    }
                    group.addRelations(r);
                }
            }
        }
        Osmformat.PrimitiveBlock block = Osmformat.PrimitiveBlock.newBuilder().setStringtable(strings.table())
                .addPrimitivegroup(group).setGranularity((int) GRANULARITY).build();
        out.write(FileBlock.newInstance("OSMData", block.toByteString(), null));
        pending.clear();
    }

    @Override
    public void close() throws IOException {
        flushBlock();
        out.close();
    }

    /** The string table of one block; index 0 is the empty string, as the format requires. */
    private static final class Strings {
        private final Map<String, Integer> index = new HashMap<>();
        private final Osmformat.StringTable.Builder table = Osmformat.StringTable.newBuilder();

        Strings() {
            index("");
        }

        int index(String s) {
            return index.computeIfAbsent(s, k -> {
                table.addS(ByteString.copyFromUtf8(k));
                return index.size();
            });
        }

        Osmformat.StringTable table() {
            return table.build();
        }
    }
}
