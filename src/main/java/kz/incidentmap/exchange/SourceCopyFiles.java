package kz.incidentmap.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import kz.incidentmap.model.SourceCopy;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;

/**
 * Local copies of sources' documents between files and the store: a file (HTML, PDF, image, text) or
 * pasted text kept for a source, and a kept copy written out to be opened. A file too large or that
 * cannot be read is refused before anything is stored, with a message naming it.
 */
public final class SourceCopyFiles {

    /** Media types by file extension, for the documents a source usually is. */
    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"), Map.entry("mhtml", "multipart/related"), Map.entry("pdf", "application/pdf"),
            Map.entry("txt", "text/plain"), Map.entry("md", "text/plain"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"), Map.entry("svg", "image/svg+xml"), Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"), Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    /** The name pasted text is kept under. */
    public static final String PASTED = "pasted.txt";

    private SourceCopyFiles() {
    }

    /** Keeps a copy of {@code file} for the source {@code sourceKey}. */
    public static SourceCopy keep(IncidentStore store, String sourceKey, Path file) throws IOException, StoreException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": " + (Files.exists(file) ? "not a file" : "no such file"));
        }
        long size = Files.size(file);
        if (size > SourceCopy.MAX_BYTES) {
            throw new IOException(file + ": " + String.format(Locale.ROOT, "%,d", size) + " bytes, more than the "
                    + SourceCopy.MAX_BYTES / (1024 * 1024) + " MB a kept copy may have; nothing was stored");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException(file + ": cannot be read (" + e.getMessage() + "); nothing was stored", e);
        }
        return store.keepCopy(sourceKey, file.getFileName().toString(), mediaType(file), bytes);
    }

    /** Keeps pasted text as a plain-text copy (UTF-8) for the source {@code sourceKey}. */
    public static SourceCopy keepText(IncidentStore store, String sourceKey, String text) throws StoreException {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("there is no text to keep");
        }
        return store.keepCopy(sourceKey, PASTED, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** The media type a file's name gives; {@code application/octet-stream} when it tells nothing. */
    public static String mediaType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "application/octet-stream" : TYPES.getOrDefault(name.substring(dot + 1),
                "application/octet-stream");
    }

    /** Whether the copy is plain text, which can be shown as it is. */
    public static boolean isText(SourceCopy copy) {
        return copy.mediaType().toLowerCase(Locale.ROOT).startsWith("text/plain");
    }

    /**
     * Writes the copy's bytes, checked against its SHA-256 (a damaged copy is a {@link StoreException}
     * saying so), to {@code out}; a file there already is refused.
     */
    public static void writeOut(IncidentStore store, SourceCopy copy, Path out) throws IOException, StoreException {
        byte[] bytes = store.copyBytes(copy);
        if (Files.exists(out)) {
            throw new IOException(out + ": already exists; choose another name");
        }
        Files.write(out, bytes);
    }

    /**
     * Writes the copy's checked bytes to a new file in a temporary folder of its own, under its own
     * name, for the system's viewer to open; returns that file.
     */
    public static Path toTemporaryFile(IncidentStore store, SourceCopy copy) throws IOException, StoreException {
        byte[] bytes = store.copyBytes(copy);
        Path dir = Files.createTempDirectory("kim-copy-");
        // The name is the user's own file name: only its last part is used, so it cannot leave the folder.
        String name = Path.of(copy.fileName()).getFileName().toString();
        Path file = dir.resolve(name.isBlank() ? "copy" : name);
        Files.write(file, bytes);
        file.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return file;
    }
}
