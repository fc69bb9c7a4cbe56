package kz.incidentmap.tools;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a compiled gettext catalogue ({@code .mo}): the message ids and their translations. GeoNames'
 * packaged catalogues use GeoNames ids ("1516905") and admin codes ("KZ.17") as message ids, with the
 * preferred name in the catalogue's language as the translation.
 */
final class MoCatalog {

    private static final int MAGIC = 0x950412de;

    private MoCatalog() {
    }

    /** Every id and its translation, the header entry (empty id) left out. */
    static Map<String, String> read(Path mo) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(mo));
        b.order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 20) {
            throw new IOException(mo + ": too short for a gettext catalogue");
        }
        if (b.getInt(0) != MAGIC) {
            b.order(ByteOrder.BIG_ENDIAN);
            if (b.getInt(0) != MAGIC) {
                throw new IOException(mo + ": not a gettext catalogue (no .mo magic number)");
            }
        }
        int count = b.getInt(8);
        int ids = b.getInt(12);
        int translations = b.getInt(16);
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (int i = 0; i < count; i++) {
                String id = string(b, ids + 8 * i);
                if (!id.isEmpty()) {
                    out.put(id, string(b, translations + 8 * i));
                }
            }
        } catch (IndexOutOfBoundsException e) {
            throw new IOException(mo + ": an entry points outside the file (damaged catalogue)");
        }
        return out;
    }

    private static String string(ByteBuffer b, int entry) {
        int length = b.getInt(entry);
        int offset = b.getInt(entry + 4);
        return new String(b.array(), offset, length, StandardCharsets.UTF_8);
    }
}
