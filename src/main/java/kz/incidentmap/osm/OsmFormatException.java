package kz.incidentmap.osm;

import java.io.IOException;

/**
 * An OpenStreetMap file that cannot be read: the message names the file, where in it (line and
 * column for XML, block and byte offset for PBF) and which element, and says what is wrong.
 */
public final class OsmFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public OsmFormatException(String message) {
        super(message);
    }

    public OsmFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
