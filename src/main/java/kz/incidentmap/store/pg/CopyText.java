package kz.incidentmap.store.pg;

import java.io.IOException;

/**
 * Rows in the text format of PostgreSQL's {@code COPY … FROM STDIN}: fields apart by tabs, rows ended by
 * a newline, {@code \N} for null, and a backslash, tab, newline or carriage return in a value escaped.
 * Rows gather in a buffer that goes to {@link Drain} whenever it holds some 64 KB, so that millions of
 * rows stream through without being held.
 */
final class CopyText {

    /** Where full buffers go: a COPY in progress, or a file to copy from later. */
    @FunctionalInterface
    interface Drain {
        void write(CharSequence chunk) throws IOException;
    }

    private static final int CHUNK = 1 << 16;

    private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
    private final Drain drain;
    private boolean first = true;

    CopyText(Drain drain) {
        this.drain = drain;
    }

    CopyText text(String value) {
        separate();
        if (value == null) {
            buffer.append("\\N");
            return this;
        }
        for (int k = 0; k < value.length(); k++) {
            char ch = value.charAt(k);
            switch (ch) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(ch);
            }
        }
        return this;
    }

    CopyText number(long value) {
        separate();
        buffer.append(value);
        return this;
    }

    /** A number, or null when {@code value} is. */
    CopyText number(Integer value) {
        return value == null ? text(null) : number(value.longValue());
    }

    /** A value that needs no escaping (hexadecimal, a number, a date in ISO form), or null. */
    CopyText plain(Object value) {
        separate();
        buffer.append(value == null ? "\\N" : value.toString());
        return this;
    }

    void endRow() throws IOException {
        buffer.append('\n');
        first = true;
        if (buffer.length() >= CHUNK) {
            flush();
        }
    }

    void flush() throws IOException {
        if (buffer.length() > 0) {
            drain.write(buffer);
            buffer.setLength(0);
        }
    }

    private void separate() {
        if (!first) {
            buffer.append('\t');
        }
        first = false;
    }
}
