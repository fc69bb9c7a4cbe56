package kz.incidentmap.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import kz.incidentmap.edit.IncidentDraft;
import kz.incidentmap.edit.IncidentValidator;
import kz.incidentmap.edit.SourceDraft;
import kz.incidentmap.layers.MapStyles;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;

/**
 * KML 2.2, as Google Earth and QGIS open it: a Document with one shared Style per incident type (the map's
 * marker colour on the standard pin) and one Placemark per incident with its name, a readable
 * description, a TimeStamp, a Point, and every field of the record in ExtendedData ({@code Data}
 * elements). The sources and their claims are one Data element each, holding the rows of our CSV as a
 * JSON array, so that a KML file reads back into the same records. Problems name the line where the
 * Placemark starts.
 */
final class IncidentKml {

    static final String NS = "http://www.opengis.net/kml/2.2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private IncidentKml() {
    }

    /** Writes the incidents, the document described by {@code note} unless it is empty. */
    static int write(Collection<Incident> incidents, OutputStream out, Progress progress, String note)
            throws IOException, CancelledException {
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("kml");
            w.writeDefaultNamespace(NS);
            w.writeStartElement("Document");
            element(w, "name", "Kazakhstan incidents");
            if (!note.isEmpty()) {
                element(w, "description", note);
            }
            for (MapStyles.TypeSymbol ts : MapStyles.INCIDENT_SYMBOLS) {
                w.writeStartElement("Style");
                w.writeAttribute("id", "type-" + ts.type().code());
                w.writeStartElement("IconStyle");
                element(w, "color", kmlColor(ts.fill()));
                element(w, "scale", "1.1");
                w.writeEndElement();
                w.writeEndElement();
            }
            int n = 0;
            for (Incident i : incidents) {
                if (progress.isCancelled()) {
                    throw new CancelledException("export cancelled");
                }
                placemark(w, i);
                progress.report(++n, incidents.size());
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return n;
        } catch (XMLStreamException e) {
            throw new IOException("cannot write KML: " + e.getMessage(), e);
        }
    }

    /** KML colours are aabbggrr. */
    static String kmlColor(Color c) {
        return String.format(Locale.ROOT, "ff%02x%02x%02x", c.getBlue(), c.getGreen(), c.getRed());
    }

    private static void placemark(XMLStreamWriter w, Incident i) throws XMLStreamException, IOException {
        IncidentDraft d = IncidentDraft.of(i);
        w.writeStartElement("Placemark");
        w.writeAttribute("id", "incident-" + i.id());
        element(w, "name", i.title());
        element(w, "description", summary(i));
        if (i.date() != null) {
            w.writeStartElement("TimeStamp");
            element(w, "when", when(i));
            w.writeEndElement();
        }
        element(w, "styleUrl", "#type-" + i.type().code());
        w.writeStartElement("ExtendedData");
        Map<String, String> data = new LinkedHashMap<>();
        List<String> own = List.of(d.id(), d.title(), d.type(), d.subType(), d.date(), d.datePrecision(), d.time(),
                n(d.place()), n(d.oblast()), d.lon(), d.lat(), d.locationPrecision(), n(d.perpetrator()),
                n(d.claimedBy()), n(d.description()), n(d.eventGroup()), d.tags(), d.created(), d.updated());
        for (int k = 0; k < own.size(); k++) {
            data.put(IncidentCsv.INCIDENT_COLUMNS.get(k), own.get(k));
        }
        data.put("killed", i.killedRange());
        data.put("wounded", i.woundedRange());
        data.put("sources", JSON.writeValueAsString(d.sources()));
        for (Map.Entry<String, String> e : data.entrySet()) {
            w.writeStartElement("Data");
            w.writeAttribute("name", e.getKey());
            element(w, "value", e.getValue());
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeStartElement("Point");
        element(w, "coordinates", d.lon() + "," + d.lat());
        w.writeEndElement();
        w.writeEndElement();
    }

    /**
     * The date as precise as it is known, in KML's xsd:date forms: "2011-11-12", "2011-11" for a month,
     * "2011" for a year, so that a month's record (dated the 1st) shows no day it does not know.
     */
    private static String when(Incident i) {
        String iso = i.date().toString();
        if (i.datePrecision() == DatePrecision.MONTH) {
            return iso.substring(0, 7);
        }
        return i.datePrecision() == DatePrecision.YEAR ? iso.substring(0, 4) : iso;
    }

    /** The balloon text: what, when, where, casualties, sources. */
    private static String summary(Incident i) {
        StringBuilder sb = new StringBuilder();
        sb.append(i.type().label()).append(", ").append(i.date() == null ? "date unknown" : when(i)).append('\n');
        sb.append(i.place() == null ? "" : i.place()).append('\n');
        sb.append("Killed: ").append(i.killedRange()).append(", wounded: ").append(i.woundedRange()).append('\n');
        if (i.description() != null) {
            sb.append(i.description()).append('\n');
        }
        for (Source s : i.sources()) {
            sb.append("Source: ").append(s.title()).append(s.publisher() == null ? "" : " (" + s.publisher() + ")")
                    .append(s.reliability() == null ? "" : ", graded " + s.reliability().code())
                    .append(s.url() == null ? "" : " " + s.url()).append('\n');
        }
        return sb.toString().strip();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text == null ? "" : text);
        w.writeEndElement();
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    static ParsedRecords read(Path file, String text, IncidentValidator validator, LocalDate today, Progress progress)
            throws ImportException, CancelledException {
        ParsedRecords parsed = new ParsedRecords();
        XMLInputFactory f = XMLInputFactory.newFactory();
        // No DTDs or external entities: an import file never makes us open another file or address.
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        int index = 0;
        boolean sawKml = false;
        try {
            XMLStreamReader r = f.createXMLStreamReader(new StringReader(text));
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if ("kml".equals(r.getLocalName())) {
                    sawKml = true;
                } else if ("Placemark".equals(r.getLocalName())) {
                    if (progress.isCancelled()) {
                        throw new CancelledException("import cancelled");
                    }
                    int line = r.getLocation().getLineNumber();
                    placemark(file + ":" + line + " (placemark " + index + ")", r, validator, today, parsed);
                    index++;
                    progress.report(r.getLocation().getCharacterOffset(), text.length());
                }
            }
        } catch (XMLStreamException e) {
            String at = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNumber() + ":"
                    + e.getLocation().getColumnNumber();
            String msg = e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col]:\\[\\d+,\\d+]\\s*Message:\\s*", "");
            throw new ImportException(new ImportProblem(file + at, null, "not well-formed XML: " + msg.strip()));
        }
        if (!sawKml) {
            throw new ImportException(new ImportProblem(file.toString(), null, "not a KML document (no <kml> element)"));
        }
        return parsed;
    }

    /** Reads one Placemark (the reader is at its start) up to its end. */
    private static void placemark(String where, XMLStreamReader r, IncidentValidator validator, LocalDate today,
            ParsedRecords parsed) throws XMLStreamException {
        Map<String, String> data = new LinkedHashMap<>();
        String name = "";
        String coordinates = "";
        String dataName = null;
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                switch (r.getLocalName()) {
                    case "Data" -> dataName = r.getAttributeValue(null, "name");
                    case "value" -> {
                        data.put(dataName, text(r));
                        depth--;
                    }
                    case "name" -> {
                        name = text(r);
                        depth--;
                    }
                    case "coordinates" -> {
                        coordinates = text(r).strip();
                        depth--;
                    }
                    default -> {
                        // other KML elements (styleUrl, description, TimeStamp) are not read back
                    }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        String[] lonLat = coordinates.split("\\s*,\\s*");
        if (lonLat.length < 2) {
            parsed.records++;
            parsed.errors.add(new ImportProblem(where, "coordinates", "expected 'longitude,latitude', found '"
                    + coordinates + "'"));
            return;
        }
        List<SourceDraft> sources = new ArrayList<>();
        try {
            for (JsonNode s : JSON.readTree(data.getOrDefault("sources", "[]"))) {
                sources.add(JSON.treeToValue(s, SourceDraft.class));
            }
        } catch (StreamConstraintsException e) {
            parsed.records++;
            parsed.errors.add(new ImportProblem(where, "sources", JsonLimits.describe(e,
                    JSON.getFactory().streamReadConstraints())));
            return;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            parsed.records++;
            parsed.errors.add(new ImportProblem(where, "sources", "not the JSON array of sources this map writes: "
                    + (e instanceof JsonProcessingException j ? JsonLimits.plain(j)
                            : e.getMessage().lines().findFirst().orElse(""))));
            return;
        }
        IncidentDraft d = new IncidentDraft(get(data, "id"), data.getOrDefault("title", name), get(data, "type"),
                get(data, "sub_type"), get(data, "date"), get(data, "date_precision"), get(data, "time"),
                get(data, "place"), get(data, "oblast"), lonLat[0], lonLat[1], get(data, "location_precision"),
                get(data, "perpetrator"), get(data, "claimed_by"), get(data, "description"), get(data, "event_group"),
                get(data, "tags"), get(data, "created"), get(data, "updated"), sources);
        parsed.add(validator, d, where, p -> new ImportProblem(where, p.field(), p.message()), today);
    }

    private static String get(Map<String, String> data, String key) {
        return data.getOrDefault(key, "");
    }

    /**
     * The text of the element the reader is at. The reader's own complaint when it holds other elements
     * instead names one of its functions; this says what is wrong with the file.
     */
    private static String text(XMLStreamReader r) throws XMLStreamException {
        String element = r.getLocalName();
        try {
            return r.getElementText();
        } catch (XMLStreamException e) {
            if (String.valueOf(e.getMessage()).contains("elementGetText")) {
                throw new XMLStreamException("<" + element + "> holds other elements where its text belongs",
                        r.getLocation());
            }
            throw e;
        }
    }
}
