package kz.incidentmap.layers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;
import org.geotools.api.data.Query;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.filter.Filter;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The incident layer's features, made on demand from the {@link IncidentIndex} (where and what) and
 * the {@link IncidentRecords} (titles, places, casualty ranges) for the box a query asks for. Frames,
 * clusters and clicks do not come here: they read the index directly (see
 * {@code render.FrameLayers}); this serves the general GeoTools paths, a query of a small box or a
 * test. A query without a box gets every incident, which reads every
 * record: fine for the curated record, slow for a million. Thread-safe (immutable).
 */
public final class IncidentFeatureSource extends BoxQueriedSource {

    private static final GeometryFactory GF = new GeometryFactory();

    private final SimpleFeatureType type;
    private final IncidentIndex index;
    private final IncidentRecords records;
    private final UncertaintyAreas areas;
    /** The days the filter shows, as epoch days ({@link IncidentIndex#NO_DATE} for an open end); null: all. */
    private final int[] days;

    IncidentFeatureSource(SimpleFeatureType type, IncidentIndex index, IncidentRecords records) {
        this(type, index, records, UncertaintyAreas.NONE, null);
    }

    private IncidentFeatureSource(SimpleFeatureType type, IncidentIndex index, IncidentRecords records,
            UncertaintyAreas areas, int[] days) {
        super(type);
        this.type = type;
        this.index = index;
        this.records = records;
        this.areas = areas;
        this.days = days;
    }

    /**
     * The same incidents shown for the days {@code from} to {@code to} (either null for an open end): an
     * incident whose date may stand for days outside them ("November 2011" in a week of it) is only
     * perhaps in them, and is drawn faded.
     */
    public IncidentFeatureSource withDays(LocalDate from, LocalDate to) {
        int[] window = from == null && to == null ? null : new int[] {
            from == null ? IncidentIndex.NO_DATE : (int) from.toEpochDay(),
            to == null ? IncidentIndex.NO_DATE : (int) to.toEpochDay()};
        return new IncidentFeatureSource(type, index, records, areas, window);
    }

    /** Whether the incident of {@code row} is only perhaps in the days shown: its date spans beyond them. */
    public boolean perhapsInDays(int row) {
        if (days == null) {
            return false;
        }
        int start = index.spanStart(row);
        int end = index.spanEnd(row);
        if (start == IncidentIndex.NO_DATE || start == end) {
            return false;
        }
        return days[0] != IncidentIndex.NO_DATE && start < days[0] || days[1] != IncidentIndex.NO_DATE && end > days[1];
    }

    /** What a city's or a region's position stands for, for drawing how uncertain it is. */
    public UncertaintyAreas areas() {
        return areas;
    }

    /** The same incidents, knowing the cities and oblasts their imprecise positions stand for. */
    public IncidentFeatureSource withAreas(UncertaintyAreas known) {
        return new IncidentFeatureSource(type, index, records, known, days);
    }

    /** Where every incident is, its type, casualties and date. */
    public IncidentIndex index() {
        return index;
    }

    /** Where the full records are read. */
    public IncidentRecords records() {
        return records;
    }

    /** The same records with another index (after an edit, or filtered by date). */
    public IncidentFeatureSource withIndex(IncidentIndex changed) {
        return new IncidentFeatureSource(type, changed, records, areas, days);
    }

    /**
     * The same records after one incident changed in the store: moved, added or removed in the index.
     * Changes come one at a time, each applied to the source the one before gave.
     *
     * @param rowBefore the incident's store row before the change, or -1 when it had none (added)
     * @param rowAfter its row now, or -1 when it has none (removed)
     * @param now its record now, or null when it was removed
     */
    public IncidentFeatureSource afterEdit(long rowBefore, long rowAfter, Incident now) {
        IncidentIndex.Entry added = now == null || rowAfter < 0 ? null
                : IncidentIndex.Entry.of(rowAfter, now, MapProjection.kazakhstan());
        return withIndex(index.changed(rowBefore, added));
    }

    /**
     * The same records with the index read again from {@code store}: after an import or a change of many
     * incidents at once. Reads every position: off the JavaFX thread.
     */
    public IncidentFeatureSource reread(IncidentStore store) throws StoreException {
        return withIndex(IncidentIndex.of(store.points(), MapProjection.kazakhstan()));
    }

    @Override
    List<SimpleFeature> candidates(Envelope box) {
        List<Integer> rows = new ArrayList<>();
        if (box == null) {
            for (int r = 0; r < index.size(); r++) {
                rows.add(r);
            }
        } else {
            index.forEachWithin(box, rows::add);
        }
        return features(rows);
    }

    @Override
    public ReferencedEnvelope getBounds() {
        Envelope env = new Envelope();
        for (int r = 0; r < index.size(); r++) {
            env.expandToInclude(index.x(r), index.y(r));
        }
        return new ReferencedEnvelope(env, type.getCoordinateReferenceSystem());
    }

    @Override
    public int getCount(Query query) {
        return query.getFilter() == Filter.INCLUDE ? index.size() : getFeatures(query).size();
    }

    /** Features for these rows, in row order; the fewest casualties first, so the most end up on top. */
    private List<SimpleFeature> features(List<Integer> rows) {
        rows.sort((a, b) -> Integer.compare(index.casualties(a), index.casualties(b)));
        long[] ids = new long[rows.size()];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = index.fid(rows.get(k));
        }
        Map<Long, Incident> byRow;
        try {
            byRow = records.byRows(ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SimpleFeatureBuilder fb = new SimpleFeatureBuilder(type);
        List<SimpleFeature> out = new ArrayList<>(rows.size());
        for (int row : rows) {
            Incident i = byRow.get(index.fid(row));
            if (i != null) {
                out.add(IncidentLayer.feature(fb, i, index.x(row), index.y(row), index.casualties(row), GF));
            }
        }
        return out;
    }
}
