package kz.incidentmap.osm;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates a made-up OpenStreetMap extract of a given size for the benchmark: a grid town of named
 * streets, blocks of buildings, named shops, and market halls as multipolygons, laid
 * out in the steppe away from any real place. About 80 % of the nodes belong to buildings, as in real
 * city extracts. Written as PBF or as XML, sorted like a real extract.
 */
public final class SyntheticExtract {

    /** Where the made-up town lies (south-west corner), far from the schematic Taraz centre. */
    public static final double LON0 = 70.0;
    public static final double LAT0 = 44.0;
    private static final double STEP = 0.0003;

    private final int buildingsPerRow;
    private final int rows;

    private interface Sink {
        void node(long id, double lon, double lat, Map<String, String> tags) throws IOException;

        void way(long id, long[] refs, Map<String, String> tags) throws IOException;

        void relation(long id, List<OsmMember> members, Map<String, String> tags) throws IOException;
    }

    /** A town of about {@code nodes} nodes. */
    public SyntheticExtract(int nodes) {
        int buildings = (int) (nodes * 0.8 / 4);
        this.buildingsPerRow = Math.max(2, (int) Math.sqrt(buildings));
        this.rows = Math.max(2, buildings / buildingsPerRow);
    }

    /** The longitude/latitude box the town covers. */
    public double[] bounds() {
        return new double[] {LON0, LAT0, LON0 + (buildingsPerRow + 1) * STEP, LAT0 + (rows + 1) * STEP};
    }

    public void writePbf(Path file) throws IOException {
        try (OsmPbfWriter w = new OsmPbfWriter(file)) {
            write(new Sink() {
                @Override
                public void node(long id, double lon, double lat, Map<String, String> tags) throws IOException {
                    w.node(id, lon, lat, tags);
                }

                @Override
                public void way(long id, long[] refs, Map<String, String> tags) throws IOException {
                    w.way(id, refs, tags);
                }

                @Override
                public void relation(long id, List<OsmMember> members, Map<String, String> tags) throws IOException {
                    w.relation(id, members, tags);
                }
            });
        }
    }

    public void writeXml(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"kz-incident-map benchmark\">\n");
            write(new Sink() {
                @Override
                public void node(long id, double lon, double lat, Map<String, String> tags) throws IOException {
                    w.write(String.format(Locale.ROOT, " <node id=\"%d\" lat=\"%.7f\" lon=\"%.7f\"", id, lat, lon));
                    if (tags.isEmpty()) {
                        w.write("/>\n");
                    } else {
                        w.write(">\n");
                        tags(tags);
                        w.write(" </node>\n");
                    }
                }

                @Override
                public void way(long id, long[] refs, Map<String, String> tags) throws IOException {
                    w.write(" <way id=\"" + id + "\">\n");
                    for (long r : refs) {
                        w.write("  <nd ref=\"" + r + "\"/>\n");
                    }
                    tags(tags);
                    w.write(" </way>\n");
                }

                @Override
                public void relation(long id, List<OsmMember> members, Map<String, String> tags) throws IOException {
                    w.write(" <relation id=\"" + id + "\">\n");
                    for (OsmMember m : members) {
                        w.write("  <member type=\"way\" ref=\"" + m.ref() + "\" role=\"" + m.role() + "\"/>\n");
                    }
                    tags(tags);
                    w.write(" </relation>\n");
                }

                private void tags(Map<String, String> tags) throws IOException {
                    for (Map.Entry<String, String> t : tags.entrySet()) {
                        w.write("  <tag k=\"" + t.getKey() + "\" v=\"" + t.getValue() + "\"/>\n");
                    }
                }
            });
            w.write("</osm>\n");
        }
    }

    /**
     * Node ids: buildings from 1 (four corners each), then street nodes, then shops. Ways: buildings
     * from 1, streets, then the market rings. Every 50th building is a market hall (a multipolygon).
     */
    private void write(Sink sink) throws IOException {
        long buildings = (long) rows * buildingsPerRow;
        long nodeId = 1;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < buildingsPerRow; c++) {
                double lon = LON0 + (c + 0.5) * STEP;
                double lat = LAT0 + (r + 0.5) * STEP;
                double w = STEP * 0.45;
                sink.node(nodeId++, lon, lat, Map.of());
                sink.node(nodeId++, lon + w, lat, Map.of());
                sink.node(nodeId++, lon + w, lat + w, Map.of());
                sink.node(nodeId++, lon, lat + w, Map.of());
            }
        }
        long streetNodes = nodeId;
        // East-west streets along every second row gap, one node per building column.
        for (int r = 0; r <= rows; r += 2) {
            for (int c = 0; c <= buildingsPerRow; c++) {
                sink.node(nodeId++, LON0 + c * STEP + 0.0002, LAT0 + r * STEP + 0.0004, Map.of());
            }
        }
        for (long b = 0; b < buildings; b += 25) {
            int r = (int) (b / buildingsPerRow);
            int c = (int) (b % buildingsPerRow);
            sink.node(nodeId++, LON0 + (c + 0.7) * STEP, LAT0 + (r + 0.7) * STEP,
                    Map.of("shop", "convenience", "name", "Shop " + b));
        }
        long wayId = 1;
        for (long b = 0; b < buildings; b++) {
            long n = 1 + b * 4;
            Map<String, String> tags = b % 50 == 0 ? Map.of() : Map.of("building", "apartments");
            sink.way(wayId++, new long[] {n, n + 1, n + 2, n + 3, n}, tags);
        }
        long id = streetNodes;
        int street = 0;
        for (int r = 0; r <= rows; r += 2) {
            // Split every 10 columns, as OpenStreetMap splits streets at crossings.
            for (int c = 0; c < buildingsPerRow; c += 10) {
                int end = Math.min(buildingsPerRow, c + 10);
                long[] refs = new long[end - c + 1];
                for (int k = 0; k < refs.length; k++) {
                    refs[k] = id + c + k;
                }
                sink.way(wayId++, refs, Map.of("highway", street % 5 == 0 ? "primary" : "residential",
                        "name", "Street " + street));
            }
            id += buildingsPerRow + 1;
            street++;
        }
        long relationId = 1;
        for (long b = 0; b < buildings; b += 50) {
            // An untagged building ring becomes a market hall through its relation.
            sink.relation(relationId++, List.of(new OsmMember('w', b + 1, "outer")),
                    Map.of("type", "multipolygon", "building", "retail", "amenity", "marketplace", "name",
                            "Market " + b));
        }
    }
}
