package kz.incidentmap.osm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Streams an OpenStreetMap file, XML ({@code .osm}), bzip2-compressed XML ({@code .osm.bz2}) or PBF
 * ({@code .osm.pbf}), to an {@link OsmHandler}. Compression is told by the first bytes, whatever the
 * name; the format by the name and, failing that, by the first bytes.
 */
abstract class OsmFileReader {

    /** How many elements are read between two calls of the byte-count callback. */
    static final int TICK_EVERY = 4096;

    protected final Path file;
    private final boolean bzip2;
    /** The extract's own date (PBF header, XML root), in epoch milliseconds; MIN_VALUE when it has none. */
    private long headerMillis = Long.MIN_VALUE;
    /** The newest element's timestamp seen in any read, in epoch milliseconds; MIN_VALUE when none. */
    private long newestMillis = Long.MIN_VALUE;

    OsmFileReader(Path file, boolean bzip2) {
        this.file = file;
        this.bzip2 = bzip2;
    }

    /**
     * The content of the file to parse, decompressed if it is compressed, over {@code counting}, which
     * reads the file's own bytes and counts them (progress is a share of the file's size).
     */
    protected final InputStream content(CountingInputStream counting) throws IOException {
        return bzip2 ? Bzip2Content.open(file, counting) : counting;
    }

    /**
     * For a compressed file, decompresses it whole and throws the damage found, if any, with
     * {@code found} (what reading its content met) as a suppressed exception. Does nothing otherwise.
     */
    protected final void checkIntact(Exception found) throws IOException {
        if (!bzip2) {
            return;
        }
        try (CountingInputStream counting = new CountingInputStream(Files.newInputStream(file));
                InputStream in = content(counting)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (OsmFormatException damaged) {
            damaged.addSuppressed(found);
            throw damaged;
        }
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

    /** Records the timestamp the file's header gives the whole extract. */
    protected final void headerTimestamp(long epochMillis) {
        headerMillis = epochMillis;
    }

    /** Whether the header gave the extract's date, so that elements' timestamps need not be looked at. */
    protected final boolean hasHeaderTimestamp() {
        return headerMillis != Long.MIN_VALUE;
    }

    /** Records an element's timestamp; the newest one seen stands for the extract when the header has none. */
    protected final void elementTimestamp(long epochMillis) {
        newestMillis = Math.max(newestMillis, epochMillis);
    }

    /**
     * The extract's date as read so far: the header's (PBF {@code osmosis_replication_timestamp}, XML
     * {@code <osm timestamp>}), else the newest element's, else null.
     */
    final Instant extractTimestamp() {
        long t = hasHeaderTimestamp() ? headerMillis : newestMillis;
        return t == Long.MIN_VALUE ? null : Instant.ofEpochMilli(t);
    }

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
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Bzip2Content.isBzip2(head)) {
            // Only XML is worth compressing: PBF blocks are compressed already.
            return new OsmXmlReader(file, true);
        }
        if (name.endsWith(".bz2")) {
            throw new OsmFormatException(file + ": named .bz2 but not bzip2-compressed (it does not start with"
                    + " \"BZh\"): a damaged download, or a file renamed by mistake");
        }
        if (name.endsWith(".pbf")) {
            return new OsmPbfReader(file);
        }
        if (name.endsWith(".osm") || name.endsWith(".xml")) {
            return new OsmXmlReader(file);
        }
        String text = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
        if (text.startsWith("<") || text.startsWith("\uFEFF") || text.startsWith("\u00EF\u00BB\u00BF")) {
            return new OsmXmlReader(file);
        }
        return new OsmPbfReader(file);
    }
}
