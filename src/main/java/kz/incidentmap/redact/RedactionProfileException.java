package kz.incidentmap.redact;

/** A profile that cannot be used: an unknown name, or a profile file that is unreadable or wrong. */
public final class RedactionProfileException extends Exception {

    public RedactionProfileException(String message) {
        super(message);
    }

    public RedactionProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
