package kz.incidentmap.model;

import java.time.Instant;

/**
 * A local copy of a source's document (a web page, a PDF, an image, or pasted text), kept in the store
 * so that it can be read when the original is gone or offline. The bytes are read apart, when opened.
 *
 * @param id the copy's row id in the store
 * @param sourceKey the {@link Source#key()} of the source it copies
 * @param fileName the name of the file it was made from ({@code pasted.txt} for pasted text)
 * @param mediaType its media type ({@code text/html}, {@code application/pdf}, …)
 * @param size its length in bytes
 * @param sha256 the SHA-256 of its bytes, 64 lower-case hex digits, taken when it was saved
 * @param savedAt when it was saved
 */
public record SourceCopy(long id, String sourceKey, String fileName, String mediaType, long size, String sha256,
        Instant savedAt) {

    /** The largest copy kept: a whole report as a PDF fits, a video does not. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;
}
