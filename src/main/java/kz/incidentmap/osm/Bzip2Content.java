package kz.incidentmap.osm;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * The text of a bzip2-compressed file ({@code .osm.bz2}), decompressed as it is read. A damaged or
 * truncated stream is an {@link OsmFormatException} naming the file and how far into it (in compressed
 * bytes) the damage lies, never a short text that would look like a truncated extract.
 */
final class Bzip2Content extends FilterInputStream {

    /** The first bytes of every bzip2 stream: "BZh" and the block size, '1' to '9'. */
    static boolean isBzip2(byte[] head) {
        return head.length >= 4 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h' && head[3] >= '1'
                && head[3] <= '9';
    }

    private final Path file;
    private final CountingInputStream counting;

    private Bzip2Content(InputStream decompressed, Path file, CountingInputStream counting) {
        super(decompressed);
        this.file = file;
        this.counting = counting;
    }

    /**
     * The decompressed content of {@code file}, whose raw bytes {@code counting} reads (and counts, for
     * progress). Streams put one after the other, as parallel compressors write them, are read as one.
     */
    static InputStream open(Path file, CountingInputStream counting) throws IOException {
        try {
            return new Bzip2Content(new BZip2CompressorInputStream(counting, true), file, counting);
        } catch (IOException e) {
            throw damaged(file, counting, e);
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw damaged(file, counting, e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw damaged(file, counting, e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw damaged(file, counting, e);
        }
    }

    private static OsmFormatException damaged(Path file, CountingInputStream counting, IOException e) {
        if (e instanceof OsmFormatException already) {
            return already;
        }
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new OsmFormatException(file + ": damaged or truncated bzip2 data near byte " + counting.count()
                + " of the compressed file (" + why + "); nothing was imported", e);
    }
}
