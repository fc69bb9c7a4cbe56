package kz.incidentmap.osm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The test OpenStreetMap files, and PBF twins of them written with {@link OsmPbfWriter}. */
final class OsmTestFiles {

    static final Path DIR = Path.of("src/test/resources/osm");

    private OsmTestFiles() {
    }

    static Path xml(String name) {
        return DIR.resolve(name);
    }

    /**
     * small.osm with the element whose start tag begins with {@code start} written once more: right
     * after itself, or, with {@code atEnd}, after everything else, out of order.
     */
    static Path withRepeated(String start, boolean atEnd, Path out) throws IOException {
        String text = Files.readString(xml("small.osm"));
        int from = text.indexOf(start);
        String tag = start.substring(1, start.indexOf(' '));
        int to = text.indexOf("</" + tag + ">", from) + tag.length() + 4;
        String element = text.substring(from, to);
        int at = atEnd ? text.indexOf("</osm>") : to;
        Files.writeString(out, text.substring(0, at) + element + text.substring(at));
        return out;
    }

    /** Writes the elements of an XML test file into a PBF file with the same content. */
    static Path pbfOf(String xmlName, Path pbf) throws IOException {
        return pbfOf(xml(xmlName), pbf);
    }

    /** Writes the elements of an XML file into a PBF file with the same content, in the same order. */
    static Path pbfOf(Path xml, Path pbf) throws IOException {
        try (OsmPbfWriter writer = new OsmPbfWriter(pbf)) {
            new OsmXmlReader(xml).read(new OsmHandler() {
                @Override
                public void node(long id, double lon, double lat, Map<String, String> tags) {
                    call(() -> writer.node(id, lon, lat, tags));
                }

                @Override
                public void way(long id, long[] refs, Map<String, String> tags) {
                    call(() -> writer.way(id, refs, tags));
                }

                @Override
                public void relation(long id, List<OsmMember> members, Map<String, String> tags) {
                    call(() -> writer.relation(id, members, tags));
                }
            }, bytes -> { });
        }
        return pbf;
    }

    private interface IoCall {
        void run() throws IOException;
    }

    private static void call(IoCall c) {
        try {
            c.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
