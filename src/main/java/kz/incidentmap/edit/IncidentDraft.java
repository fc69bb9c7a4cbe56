package kz.incidentmap.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;
import kz.incidentmap.model.Tags;

/**
 * An incident as typed in the form or read from a file, before checking: every value is text (blank
 * means "not given"), codes are the vocabulary codes ({@code suicide_bombing}). {@link IncidentValidator}
 * turns it into an {@link Incident} or says, field by field, what is wrong. Each source row carries one
 * claim; a source with several claims gives several rows with the same key.
 */
public record IncidentDraft(String id, String title, String type, String subType, String date,
        String datePrecision, String time, String place, String oblast, String lon, String lat,
        String locationPrecision, String perpetrator, String claimedBy, String description, String eventGroup,
        String tags, String created, String updated, List<SourceDraft> sources) {

    public IncidentDraft {
        sources = List.copyOf(sources);
    }

    /** The record's values as text, one row per claim (and one per source without a claim). */
    public static IncidentDraft of(Incident i) {
        List<SourceDraft> rows = new ArrayList<>();
        for (Source s : i.sources()) {
            List<Claim> claims = i.claims().stream().filter(c -> c.sourceKey().equals(s.key())).toList();
            if (claims.isEmpty()) {
                rows.add(row(s, null));
            }
            claims.forEach(c -> rows.add(row(s, c)));
        }
        return new IncidentDraft(i.id(), i.title(), i.type().code(), i.subType() == null ? "" : i.subType().code(),
                str(i.date()), i.datePrecision() == null ? "" : i.datePrecision().code(), str(i.time()), i.place(),
                i.oblast(), Double.toString(i.lon()), Double.toString(i.lat()),
                i.locationPrecision() == null ? "" : i.locationPrecision().code(), i.perpetrator(), i.claimedBy(),
                i.description(), i.eventGroup(), Objects.toString(Tags.join(i.tags()), ""), str(i.created()),
                str(i.updated()), rows);
    }

    private static SourceDraft row(Source s, Claim c) {
        return new SourceDraft(s.key(), s.title(), s.publisher(), s.url(), str(s.published()), s.language(),
                c == null ? "" : str(c.killed()), c == null ? "" : str(c.wounded()), c == null ? "" : str(c.date()),
                c == null ? "" : c.note(), s.reliability() == null ? "" : s.reliability().code(),
                c == null || c.credibility() == null ? "" : Integer.toString(c.credibility().code()));
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
