package kz.incidentmap.report;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.MapModel;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentEvent;
import kz.incidentmap.model.SourceCopy;
import kz.incidentmap.redact.Redaction;
import org.locationtech.jts.geom.Envelope;

/**
 * What a report is made of. The incidents are those the filter chose, as stored: the report applies the
 * redaction itself, to every record, date and area it prints.
 *
 * @param title the cover's title
 * @param subtitle the line under it: the place and the dates
 * @param filterWords the filter in words, or "" without one
 * @param incidents the incidents the filter chose, as stored
 * @param copies the local copies of sources, by the stored source key
 * @param map the map whose visible layers the cover map draws (its incidents become the report's)
 * @param extent the cover map's area, in map metres
 * @param redaction what the report may show
 * @param madeAt when it was made (printed to the month when redacted)
 * @param texts the language of the report's words
 */
public record ReportRequest(String title, String subtitle, String filterWords, List<Incident> incidents,
        Map<String, List<SourceCopy>> copies, MapModel map, Envelope extent, Redaction redaction,
        ZonedDateTime madeAt, Texts texts, List<IncidentEvent> events) {

    public ReportRequest {
        incidents = List.copyOf(incidents);
        copies = Map.copyOf(copies);
        events = List.copyOf(events);
    }

    /** A request without events as records: the sequences are the incidents' event groups. */
    public ReportRequest(String title, String subtitle, String filterWords, List<Incident> incidents,
            Map<String, List<SourceCopy>> copies, MapModel map, Envelope extent, Redaction redaction,
            ZonedDateTime madeAt, Texts texts) {
        this(title, subtitle, filterWords, incidents, copies, map, extent, redaction, madeAt, texts, List.of());
    }
}
