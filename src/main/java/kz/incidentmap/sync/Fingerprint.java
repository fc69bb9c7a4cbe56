package kz.incidentmap.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import kz.incidentmap.model.Incident;

/**
 * A short digest of an incident as the local copy holds it. The copy keeps the digest of each incident
 * as it came from the server: an incident whose digest differs now was changed here and is not yet on
 * the server. Every part of the record is a value with a stable text (records, enums, dates), so its
 * text is its content.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(Incident incident) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(incident.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
