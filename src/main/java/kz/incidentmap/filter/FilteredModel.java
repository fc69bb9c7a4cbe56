package kz.incidentmap.filter;

import java.io.IOException;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.layers.MapModel;

/**
 * A map whose incident layer holds only the incidents that pass a filter: markers, clusters, the heat
 * map, the legend and identify all read that layer's index, so they all show what the filter lets
 * through. The window, {@code snapshot} and {@code identify} make their maps here.
 *
 * @param model the map with the incident layer narrowed (the same model when the filter is empty)
 * @param filter the filter applied
 * @param shown incidents on the map that pass
 * @param total incidents on the map before filtering
 */
public record FilteredModel(MapModel model, IncidentFilter filter, int shown, int total) {

    /**
     * {@code full} (whose incident layer holds every incident) narrowed by {@code filter}; its record
     * parts are answered by {@code matches}, which is scanned here when null or made for other ones.
     * Off the JavaFX thread: the scan reads every record.
     */
    public static FilteredModel of(MapModel full, IncidentFilter filter, RecordMatches matches, MapProjection projection)
            throws IOException {
        MapLayer layer = full.layer(IncidentLayer.NAME).orElse(null);
        IncidentFeatureSource source = layer == null ? null : IncidentLayer.indexed(layer).orElse(null);
        if (source == null) {
            return new FilteredModel(full, filter, 0, 0);
        }
        int total = source.index().size();
        if (filter.isEmpty()) {
            return new FilteredModel(full, filter, total, total);
        }
        Narrowed n = narrow(source, filter, matches, projection);
        MapModel model = full.with(IncidentLayer.NAME, l -> l.withSource(n.source()));
        return new FilteredModel(model, filter, n.source().index().size(), total);
    }

    /**
     * An incident layer's source narrowed by a filter, and the record scan that answered its record parts.
     *
     * @param source the source with only the incidents that pass
     * @param matches the scan used, to be handed back for the next filter with the same record parts
     */
    public record Narrowed(IncidentFeatureSource source, RecordMatches matches) {
    }

    /**
     * {@code full} narrowed by {@code filter}; its record parts are answered by {@code matches}, scanned
     * here when null or made for other ones. Off the JavaFX thread: the scan reads every record.
     */
    public static Narrowed narrow(IncidentFeatureSource full, IncidentFilter filter, RecordMatches matches,
            MapProjection projection) throws IOException {
        RecordMatches answer = matches != null && matches.answers(filter) ? matches
                : RecordMatches.scan(filter, full.records());
        RowMask mask = RowMask.of(filter, full.index(), answer, projection);
        return new Narrowed(full.withIndex(full.index().filtered(mask)).withDays(filter.from(), filter.to()), answer);
    }

    /** The filter in words with its count: "1 May – 31 Dec 2011 · Explosion · 7 of 16 incidents". */
    public String describe() {
        return filter.describe(shown, total);
    }

    /** The same in the language of {@code texts}. */
    public String describe(Texts texts) {
        return filter.describe(shown, total, texts);
    }
}
