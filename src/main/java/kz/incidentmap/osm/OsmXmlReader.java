package kz.incidentmap.osm;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams OpenStreetMap XML (API 0.6, as the OSM API, JOSM and extract services write it) with StAX:
 * one element in memory at a time. Elements JOSM marks {@code action="delete"} or
 * {@code visible="false"} are skipped. Errors name file, line, column and the element. The file is
 * decoded as UTF-8 here rather than by the parser: the JDK's parser prints "[Fatal Error]" on the
 * process's error stream for a byte that is not UTF-8, before the exception that we report ourselves.
 */
final class OsmXmlReader extends OsmFileReader {

    private XMLStreamReader xml;
    private String element = "";
    private String newestText;

    OsmXmlReader(Path file) {
        this(file, false);
    }

    OsmXmlReader(Path file, boolean bzip2) {
        super(file, bzip2);
    }

    @Override
    void read(OsmHandler handler, LongConsumer bytesRead) throws IOException {
        try {
            readText(handler, bytesRead);
        } catch (OsmFormatException e) {
            // A damaged compressed block yields garbage before its checksum is reached: say so, rather
            // than what the garbage looked like to the parser.
            checkIntact(e);
            throw e;
        }
    }

    private void readText(OsmHandler handler, LongConsumer bytesRead) throws IOException {
        element = "";
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (CountingInputStream counting = new CountingInputStream(Files.newInputStream(file));
                PushbackReader in = new PushbackReader(new InputStreamReader(new BufferedInputStream(content(counting), 1 << 16),
                        utf8))) {
            // A byte-order mark may open the file; given characters, the parser would take it for text.
            int first = in.read();
            if (first >= 0 && first != '\uFEFF') {
                in.unread(first);
            }
            xml = factory.createXMLStreamReader(in);
            try {
                readDocument(handler, () -> bytesRead.accept(counting.count()));
            } finally {
                xml.close();
            }
            bytesRead.accept(counting.count());
        } catch (XMLStreamException e) {
            OsmFormatException damaged = cause(e, OsmFormatException.class);
            if (damaged != null) {
                throw damaged; // the compressed stream's own message: where the damage is
            }
            if (causedBy(e, CharacterCodingException.class)) {
                throw notUtf8(e);
            }
            throw error("not well-formed XML (truncated or broken file?): " + stripLocation(e.getMessage()), e);
        } catch (CharacterCodingException e) {
            throw notUtf8(e);
        }
    }

    /** Whether {@code type} is among the causes of {@code e}. */
    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type) != null;
    }

    /** The first of the causes of {@code e} that is a {@code type}, or null. */
    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t instanceof XMLStreamException x && type.isInstance(x.getNestedException())) {
                return type.cast(x.getNestedException());
            }
        }
        return null;
    }

    /** The file is not UTF-8: names the first byte that is not, with its line and offset. */
    private OsmFormatException notUtf8(Exception cause) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long offset = 0;
        long line = 1;
        try (CountingInputStream counting = new CountingInputStream(Files.newInputStream(file));
                InputStream in = new BufferedInputStream(content(counting))) {
            boolean end = false;
            while (!end) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = n < 0;
                bytes.position(bytes.position() + Math.max(n, 0)).flip();
                int start = bytes.position();
                CoderResult r = decoder.decode(bytes, chars, end);
                for (int i = start; i < bytes.position(); i++) {
                    line += bytes.get(i) == '\n' ? 1 : 0;
                }
                offset += bytes.position() - start;
                if (r.isError()) {
                    return new OsmFormatException(String.format(Locale.ROOT, "%s:%d: not UTF-8 text (byte 0x%02X at"
                            + " offset %d); OpenStreetMap XML is UTF-8", file, line, bytes.get(bytes.position()) & 0xff,
                            offset), cause);
                }
                chars.clear();
                bytes.compact();
            }
        }
        return error("not UTF-8 text", cause);
    }

    private void readDocument(OsmHandler handler, Runnable tick) throws XMLStreamException, OsmFormatException {
        boolean root = true;
        int n = 0;
        while (xml.hasNext()) {
            if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            if (root) {
                if (!name.equals("osm") && !name.equals("osmChange")) {
                    throw error("the root element is <" + name + ">, expected <osm>: not an OpenStreetMap XML file", null);
                }
                root = false;
                String stamp = xml.getAttributeValue(null, "timestamp");
                long millis = stamp == null ? Long.MIN_VALUE : instant(stamp);
                if (millis != Long.MIN_VALUE) {
                    headerTimestamp(millis);
                }
                continue;
            }
            boolean skip = handler.relationsOnly();
            switch (name) {
                case "node" -> {
                    if (skip) {
                        element(handler, 'n', "node");
                        skipTo("node");
                    } else {
                        readNode(handler);
                    }
                }
                case "way" -> {
                    if (skip) {
                        element(handler, 'w', "way");
                        skipTo("way");
                    } else {
                        readWay(handler);
                    }
                }
                case "relation" -> readRelation(handler);
                default -> {
                    continue;
                }
            }
            if (++n % TICK_EVERY == 0) {
                tick.run();
            }
        }
        if (root) {
            throw error("no <osm> element: not an OpenStreetMap XML file", null);
        }
    }

    /** Reads the id of the element the reader is at and tells the handler of it, unless it is skipped. */
    private long element(OsmHandler handler, char type, String kind) throws OsmFormatException {
        long id = id(kind);
        if (!skipped()) {
            handler.element(type, id);
            if (!hasHeaderTimestamp()) {
                newest(xml.getAttributeValue(null, "timestamp"));
            }
        }
        return id;
    }

    /**
     * Keeps the newest element timestamp as text: OpenStreetMap writes them all as
     * {@code 2026-11-30T21:14:07Z}, which sort as text, so only the newest is parsed, at the end.
     */
    private void newest(String stamp) {
        if (stamp != null && (newestText == null || stamp.compareTo(newestText) > 0)) {
            long millis = instant(stamp);
            if (millis != Long.MIN_VALUE) {
                newestText = stamp;
                elementTimestamp(millis);
            }
        }
    }

    /**
     * The time {@code text} gives, or MIN_VALUE when it is none: a broken timestamp only costs the
     * extract its date (the file's is taken then), not worth refusing the data for.
     */
    private static long instant(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return Long.MIN_VALUE;
        }
    }

    private void readNode(OsmHandler handler) throws XMLStreamException, OsmFormatException {
        long id = element(handler, 'n', "node");
        boolean skip = skipped();
        double lat = skip ? 0 : coordinate("lat", 90);
        double lon = skip ? 0 : coordinate("lon", 180);
        Map<String, String> tags = new HashMap<>();
        while (nextChild("node")) {
            if (xml.getLocalName().equals("tag")) {
                tag(tags);
            }
        }
        if (!skip) {
            handler.node(id, lon, lat, tags);
        }
    }

    private void readWay(OsmHandler handler) throws XMLStreamException, OsmFormatException {
        long id = element(handler, 'w', "way");
        boolean skip = skipped();
        LongList refs = new LongList();
        Map<String, String> tags = new HashMap<>();
        while (nextChild("way")) {
            switch (xml.getLocalName()) {
                case "nd" -> refs.add(longAttribute("ref"));
                case "tag" -> tag(tags);
                default -> {
                }
            }
        }
        if (!skip) {
            handler.way(id, refs.toArray(), tags);
        }
    }

    private void readRelation(OsmHandler handler) throws XMLStreamException, OsmFormatException {
        long id = element(handler, 'r', "relation");
        boolean skip = skipped();
        List<OsmMember> members = new ArrayList<>();
        Map<String, String> tags = new HashMap<>();
        while (nextChild("relation")) {
            switch (xml.getLocalName()) {
                case "member" -> members.add(member());
                case "tag" -> tag(tags);
                default -> {
                }
            }
        }
        if (!skip) {
            handler.relation(id, members, tags);
        }
    }

    private OsmMember member() throws OsmFormatException {
        String type = required("type");
        char t = switch (type) {
            case "node" -> 'n';
            case "way" -> 'w';
            case "relation" -> 'r';
            default -> throw error("<member> type '" + type + "' is not node, way or relation", null);
        };
        String role = xml.getAttributeValue(null, "role");
        return new OsmMember(t, longAttribute("ref"), role == null ? "" : role);
    }

    /** Advances past the end tag of the current element, reading nothing of its content. */
    private void skipTo(String name) throws XMLStreamException {
        while (nextChild(name)) {
            // children of nodes and ways (tags, node references) hold no further nesting
        }
    }

    /** Advances to the next child start element of {@code parent}; false at the parent's end tag. */
    private boolean nextChild(String parent) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals(parent)) {
                return false;
            }
        }
        return false;
    }

    @Override
    String place() {
        Location at = xml == null ? null : xml.getLocation();
        return at == null || at.getLineNumber() < 0 ? "an unknown line" : "line " + at.getLineNumber();
    }

    private long id(String kind) throws OsmFormatException {
        element = "<" + kind + ">";
        String id = xml.getAttributeValue(null, "id");
        element = id == null ? "<" + kind + ">" : "<" + kind + " id=\"" + id + "\">";
        return longAttribute("id");
    }

    private boolean skipped() {
        return "delete".equals(xml.getAttributeValue(null, "action"))
                || "false".equals(xml.getAttributeValue(null, "visible"));
    }

    private void tag(Map<String, String> tags) throws OsmFormatException {
        tags.put(required("k"), required("v"));
    }

    private double coordinate(String name, double limit) throws OsmFormatException {
        String text = required(name);
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw error(name + " '" + text + "' is not a number", null);
        }
        if (!(Math.abs(v) <= limit)) {
            throw error(name + " " + text + " is outside -" + (int) limit + ".." + (int) limit, null);
        }
        return v;
    }

    private long longAttribute(String name) throws OsmFormatException {
        String text = required(name);
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw error(name + " '" + text + "' of <" + xml.getLocalName() + "> is not a whole number", null);
        }
    }

    private String required(String name) throws OsmFormatException {
        String v = xml.getAttributeValue(null, name);
        if (v == null) {
            throw error("<" + xml.getLocalName() + "> has no '" + name + "' attribute", null);
        }
        return v;
    }

    private OsmFormatException error(String problem, Throwable cause) {
        Location at = xml == null ? null : xml.getLocation();
        String where = at == null || at.getLineNumber() < 0 ? file.toString()
                : file + ":" + at.getLineNumber() + ":" + at.getColumnNumber();
        String in = element.isEmpty() ? "" : " in " + element;
        return new OsmFormatException(where + in + ": " + problem, cause);
    }

    private static String stripLocation(String message) {
        // StAX prefixes "ParseError at [row,col]:[3,5]\nMessage: "; we give the position ourselves.
        int i = message == null ? -1 : message.indexOf("Message: ");
        return i < 0 ? String.valueOf(message) : message.substring(i + "Message: ".length());
    }
}
