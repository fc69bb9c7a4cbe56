package kz.incidentmap.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads CSV row by row (RFC 4180, see {@link CsvTable}; blank lines skipped), each row with the line it
 * starts on, refusing an unclosed quote or text after a closing quote with the line. Read from a file,
 * it holds only a buffer of it: a million-row import never has the file, or its rows, in memory. Bytes
 * are then checked as UTF-8 as they are decoded (the first bad byte is refused with its line) and a
 * leading byte-order mark is dropped. Not thread-safe.
 */
final class CsvRowReader implements RowSource {

    private static final int BUFFER = 1 << 20;

    /** What messages name: the file, or the name given with a text. */
    private final String name;
    /** The file being read, or null for a text in memory. */
    private final Path file;
    private final InputStream in;
    /** The file's size in bytes, or 0 for a text. */
    private final long size;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes;
    private final CharBuffer chars;
    private long bytesDecoded;
    private boolean endOfInput;
    private boolean first = true;

    /** Characters of the current row's fields, one after another, and where each field ends. */
    private char[] rowChars = new char[4096];
    private int[] fieldEnds = new int[64];
    private int line = 1;
    /** A character read ahead (the one after a quote or a CR), or -1. */
    private int pushedBack = -1;

    /** The start of the reason a file that is not UTF-8 is refused with. */
    static final String NOT_UTF8 = "not UTF-8 text";

    CsvRowReader(Path file) throws ImportException {
        this(file, StandardCharsets.UTF_8);
    }

    /**
     * Reads a file in {@code charset}: UTF-8 is checked strictly (see {@link #NOT_UTF8}); a single-byte
     * charset of an older export (Windows-1252) takes every byte, one it leaves undefined read as U+FFFD.
     */
    CsvRowReader(Path file, Charset charset) throws ImportException {
        this.name = file.toString();
        this.file = file;
        CodingErrorAction bad = charset.equals(StandardCharsets.UTF_8) ? CodingErrorAction.REPORT
                : CodingErrorAction.REPLACE;
        this.decoder = charset.newDecoder().onMalformedInput(bad).onUnmappableCharacter(bad);
        try {
            this.in = Files.newInputStream(file);
            this.size = Files.size(file);
        } catch (IOException e) {
            throw new ImportException(new ImportProblem(name, null, "cannot read: " + e.getMessage()));
        }
        bytes = ByteBuffer.allocate(BUFFER).flip();
        chars = CharBuffer.allocate(BUFFER).flip();
    }

    /** Reads the rows of a text already in memory (and already checked as text); {@code name} names it in messages. */
    CsvRowReader(String name, String text) {
        this.name = name;
        this.file = null;
        this.in = null;
        this.size = 0;
        this.decoder = StandardCharsets.UTF_8.newDecoder();
        bytes = ByteBuffer.allocate(0);
        chars = CharBuffer.wrap(text);
    }

    /** Bytes of the file decoded so far: how far the reading is. */
    long bytesRead() {
        return bytesDecoded;
    }

    @Override
    public String where(CsvTable.Row row) {
        return name + ":" + row.line();
    }

    @Override
    public double fractionRead() {
        return size <= 0 ? 0 : Math.min(1, bytesDecoded / (double) size);
    }

    /** The next row that is not blank, or null at the end of the file. */
    @Override
    public CsvTable.Row next() throws ImportException {
        while (true) {
            int rowLine = line;
            int fields = readRow();
            if (fields < 0) {
                return null;
            }
            boolean blank = fields == 1 && fieldEnds[0] == 0;
            if (!blank) {
                String[] values = new String[fields];
                int start = 0;
                for (int f = 0; f < fields; f++) {
                    values[f] = new String(rowChars, start, fieldEnds[f] - start);
                    start = fieldEnds[f];
                }
                return new CsvTable.Row(rowLine, Arrays.asList(values));
            }
        }
    }

    /** Reads one row's fields into rowChars / fieldEnds; returns their number, or -1 at the end. */
    private int readRow() throws ImportException {
        int length = 0;
        int fields = 0;
        int fieldStart = 0;
        int ch = read();
        if (ch < 0) {
            return -1;
        }
        boolean quoted = false;
        boolean afterQuote = false;
        int quoteLine = 0;
        while (true) {
            if (ch < 0) {
                if (quoted) {
                    throw new ImportException(new ImportProblem(name + ":" + quoteLine, null,
                            "a quoted field opened on this line is never closed"));
                }
                fields = endField(fields, length);
                return fields;
            }
            char c = (char) ch;
            if (quoted) {
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        length = put(length, '"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        pushedBack = after;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    length = put(length, c);
                }
            } else if (c == '"' && length == fieldStart && !afterQuote) {
                quoted = true;
                quoteLine = line;
            } else if (c == ',') {
                fields = endField(fields, length);
                fieldStart = length;
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    int after = read();
                    if (after != '\n') {
                        pushedBack = after;
                    }
                }
                line++;
                return endField(fields, length);
            } else if (afterQuote) {
                throw new ImportException(new ImportProblem(name + ":" + line, null,
                        "text after a closing quote; a quote inside a quoted field is written twice (\"\")"));
            } else {
                length = put(length, c);
            }
            ch = read();
        }
    }

    private int put(int length, char c) {
        if (length == rowChars.length) {
            rowChars = Arrays.copyOf(rowChars, length * 2);
        }
        rowChars[length] = c;
        return length + 1;
    }

    private int endField(int fields, int length) {
        if (fields == fieldEnds.length) {
            fieldEnds = Arrays.copyOf(fieldEnds, fields * 2);
        }
        fieldEnds[fields] = length;
        return fields + 1;
    }

    private int read() throws ImportException {
        if (pushedBack != -1) {
            int c = pushedBack;
            pushedBack = -1;
            return c;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        return chars.get();
    }

    /** Decodes the next piece of the file; false at its end (and at once for a text, which is all in {@link #chars}). */
    private boolean fill() throws ImportException {
        if (in == null) {
            return false;
        }
        chars.clear();
        while (chars.position() == 0) {
            if (!bytes.hasRemaining() && endOfInput) {
                break;
            }
            if (!endOfInput) {
                bytes.compact();
                try {
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        endOfInput = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                } catch (IOException e) {
                    throw new ImportException(new ImportProblem(name, null, "cannot read: " + e.getMessage()));
                }
                bytes.flip();
            }
            int before = bytes.position();
            CoderResult r = decoder.decode(bytes, chars, endOfInput);
            bytesDecoded += bytes.position() - before;
            if (r.isError()) {
                if (chars.position() > 0) {
                    break; // hand out what was decoded before the bad byte first
                }
                throw notUtf8(bytesDecoded, bytes.get(bytes.position()));
            }
            if (endOfInput && !bytes.hasRemaining()) {
                decoder.flush(chars);
                break;
            }
        }
        chars.flip();
        if (first) {
            first = false;
            if (chars.hasRemaining() && chars.get(chars.position()) == '\uFEFF') {
                chars.get();
            }
        }
        return chars.hasRemaining();
    }

    /** The bad byte at this offset, with its line (counted again from the start: a rare path). */
    private ImportException notUtf8(long offset, byte bad) {
        long lineOfByte = 1;
        try (InputStream again = Files.newInputStream(file)) {
            byte[] buf = new byte[BUFFER];
            long seen = 0;
            int n;
            while (seen < offset && (n = again.read(buf, 0, (int) Math.min(buf.length, offset - seen))) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lineOfByte++;
                    }
                }
                seen += n;
            }
        } catch (IOException e) {
            lineOfByte = line;
        }
        return new ImportException(new ImportProblem(name + ":" + lineOfByte, null, String.format(
                NOT_UTF8 + " (byte 0x%02X at offset %d); save the file as UTF-8 and try again", bad & 0xff, offset)));
    }

    @Override
    public void close() {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException e) {
            // Only read from: nothing is lost.
        }
    }
}
