package kz.incidentmap.osm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Streams an OpenStreetMap file, XML ({@code .osm}) or PBF ({@code .osm.pbf}), to an {@link OsmHandler}.
 * The format is told by the name and, failing that, by the first bytes.
 */
abstract class OsmFileReader {

    /** How many elements are read between two calls of the byte-count callback. */
    static final int TICK_EVERY = 4096;

    protected final Path file;

    OsmFileReader(Path file) {
        this.file = file;
    }

    /**
     * Reads the whole file once.
     *
     * @param bytesRead called now and then with the bytes read so far; it may throw
     *                  {@link java.util.concurrent.CancellationException} to stop the read
     */
    abstract void read(OsmHandler handler, LongConsumer bytesRead) throws IOException;

    /**
     * Where the element being read is, for a message: {@code line 47} (XML) or {@code block 3 (byte
     * 51200)} (PBF). Only meaningful during a call to the handler.
     */
    abstract String place();

    /** The reader for this file; a missing, empty or unrecognised file is an {@link OsmFormatException}. */
    static OsmFileReader forFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new OsmFormatException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new OsmFormatException(file + ": not a regular file");
        }
        if (Files.size(file) == 0) {
            throw new OsmFormatException(file + ": empty file, no OpenStreetMap data in it");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pbf")) {
            return new OsmPbfReader(file);
        }
        if (name.endsWith(".osm") || name.endsWith(".xml")) {
            return new OsmXmlReader(file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64);
            String text = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
            if (text.startsWith("<") || text.startsWith("\uFEFF") || text.startsWith("\u00EF\u00BB\u00BF")) {
                return new OsmXmlReader(file);
            }
        }
        return new OsmPbfReader(file);
    }
}
