package kz.incidentmap.exchange;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads an import file as UTF-8 text after the checks every format shares: it exists, it is not empty,
 * it is not larger than {@link #MAX_BYTES}, and it is valid UTF-8 (the first bad byte is reported with
 * its line). A leading byte-order mark is dropped.
 */
final class InputText {

    /**
     * Largest file an import reads: 1 GiB, about 600,000 incidents as KML (the most verbose format we
     * write) or two million rows of our CSV. The formats read whole hold the file in memory while it is
     * checked; our CSV is read as a stream, but keeps the limit, since a CSV whose incident rows are
     * scattered is read whole too.
     */
    static final long MAX_BYTES = 1024L * 1024 * 1024;

    private InputText() {
    }

    /** Checks size and presence; returns the size. */
    static long checkSize(Path file) throws ImportException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ImportException(new ImportProblem(file.toString(), null, "no such file"));
        } catch (IOException e) {
            throw new ImportException(new ImportProblem(file.toString(), null, "cannot read: " + e.getMessage()));
        }
        if (size == 0) {
            throw new ImportException(new ImportProblem(file.toString(), null, "empty file, nothing to import"));
        }
        if (size > MAX_BYTES) {
            throw new ImportException(new ImportProblem(file.toString(), null, String.format(
                    "file too large (%,d bytes; the limit is %,d bytes = 1 GiB); split it and import the parts",
                    size, MAX_BYTES)));
        }
        return size;
    }

    static String read(Path file) throws ImportException {
        checkSize(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImportException(new ImportProblem(file.toString(), null, "cannot read: " + e.getMessage()));
        }
        String text = decode(file, bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new ImportException(new ImportProblem(file.toString(), null, "empty file, nothing to import"));
        }
        return text;
    }

    /** Checks the bytes are UTF-8 (decoding through a small buffer, so memory stays low), then decodes. */
    private static String decode(Path file, byte[] bytes) throws ImportException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        CoderResult r;
        do {
            out.clear();
            r = decoder.decode(in, out, true);
        } while (r.isOverflow());
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ImportException(new ImportProblem(file + ":" + line, null, String.format(
                    "not UTF-8 text (byte 0x%02X at offset %d); save the file as UTF-8 and try again",
                    bytes[at] & 0xff, at)));
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
