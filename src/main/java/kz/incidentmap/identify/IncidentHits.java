package kz.incidentmap.identify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.incidentmap.layers.ClusterStyles;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.LayerPresentation;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.layers.NearestRows;
import kz.incidentmap.model.Incident;
import kz.incidentmap.render.FrameGroups;
import kz.incidentmap.render.FrameLayers;
import kz.incidentmap.render.IndexClusterer;
import kz.incidentmap.render.RuleSelector;
import kz.incidentmap.render.Viewport;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.style.FeatureTypeStyle;
import org.geotools.api.style.Rule;
import org.geotools.data.collection.CollectionFeatureSource;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * What a click on the incident layer hits, found in the layer's {@link IncidentIndex}: the groups
 * near the click are formed as the frame forms them (same map-anchored cells), hit-tested by their
 * drawn symbols, and only then are records read from the store — the incident itself, or for a
 * cluster the {@value RecordPages#FIRST_PAGE} members nearest the click. So a click where ninety thousand incidents
 * lie reads a few thousand index rows and a page of records, not ninety thousand.
 */
final class IncidentHits implements LayerHitTester {

    /**
     * Cells around the click whose groups are formed when the frame's are not at hand: merging looks
     * two cells away, so three cells reproduce the frame's groups at the click.
     */
    private static final int CELLS_AROUND = 3;
    /** No incident or cluster symbol is wider than this, pixels: groups farther from the click cannot be hit. */
    private static final double MAX_SYMBOL_PX = 60;

    /** Hit-tests the features the groups near a click become, as drawn. */
    private final FeatureHits tester;

    IncidentHits(FeatureHits tester) {
        this.tester = tester;
    }

    /** The hits of a click at (px, py) on {@code layer}, nearest first. */
    @Override
    public List<Hit> hits(MapLayer layer, Viewport vp, double px, double py, double tolerancePx, FrameGroups drawn)
            throws IOException {
        IncidentFeatureSource source = IncidentLayer.indexed(layer).orElseThrow();
        if (layer.presentation() != LayerPresentation.CLUSTERS) {
            return plain(layer, source, vp, px, py, tolerancePx);
        }
        IncidentIndex index = source.index();
        double cell = FrameLayers.cellMetres(layer, vp);
        Coordinate click = vp.toWorld(px, py);
        Envelope area = new Envelope(click);
        area.expandBy(CELLS_AROUND * cell + tolerancePx * vp.metresPerPixel());
        // The groups of the frame the user clicked on, when it was drawn; else those around the click.
        List<IndexClusterer.Group> near = drawn.of(index, FrameLayers.gatherArea(vp), cell)
                .orElseGet(() -> IndexClusterer.cluster(index, area, cell));
        SimpleFeatureType type = FrameLayers.clusterType(source.getSchema());
        SimpleFeatureBuilder fb = new SimpleFeatureBuilder(type);
        Map<String, IndexClusterer.Group> groups = new HashMap<>();
        List<SimpleFeature> features = new ArrayList<>();
        Envelope hitArea = new Envelope(click);
        hitArea.expandBy((tolerancePx + MAX_SYMBOL_PX) * vp.metresPerPixel());
        for (IndexClusterer.Group g : near) {
            if (!hitArea.covers(g.x(), g.y())) {
                continue;
            }
            SimpleFeature f = FrameLayers.groupFeature(fb, index, g);
            groups.put(f.getID(), g);
            features.add(f);
        }
        MapLayer local = layer.withSource(new CollectionFeatureSource(new ListFeatureCollection(type, features)))
                .withStyle(FrameLayers.clusteredStyle(layer.style()));
        List<Hit> hits = new ArrayList<>();
        for (Hit h : tester.drawnHits(local, vp, px, py, tolerancePx)) {
            IndexClusterer.Group g = groups.get(h.featureId());
            Hit full = g.count() == 1 ? single(layer, source, g, h) : cluster(layer, source, g, h, click, cell);
            if (full != null) {
                hits.add(full);
            }
        }
        return hits;
    }

    /** Most incidents a click on the plain (unclustered) layer lists, nearest first. */
    static final int PLAIN_LIMIT = 50;

    /**
     * A click on the layer with clustering off: every incident is its own marker. Each marker's radius
     * depends only on what the style reads of it (type, casualties, date), so it is worked out once per
     * such look and the rows near the click are tested with it; records are read for the hits alone.
     */
    private static List<Hit> plain(MapLayer layer, IncidentFeatureSource source, Viewport vp, double px, double py,
            double tolerancePx) throws IOException {
        IncidentIndex index = source.index();
        Coordinate click = vp.toWorld(px, py);
        Envelope box = new Envelope(click);
        box.expandBy((tolerancePx + MAX_SYMBOL_PX) * vp.metresPerPixel());
        List<Rule> active = new ArrayList<>();
        for (FeatureTypeStyle fts : layer.style().featureTypeStyles()) {
            active.addAll(RuleSelector.active(fts, vp.scaleDenominator()));
        }
        SimpleFeatureBuilder fb = new SimpleFeatureBuilder(FrameLayers.clusterType(source.getSchema()));
        Map<Long, Double> radiusByLook = new HashMap<>();
        NearestRows nearest = new NearestRows(PLAIN_LIMIT);
        Map<Integer, Double> distanceOf = new HashMap<>();
        index.forEachWithin(box, row -> {
            double radius = radiusByLook.computeIfAbsent(index.look(row, true), k -> markerRadius(active,
                    FrameLayers.groupFeature(fb, index, IndexClusterer.single(index, row))));
            if (radius < 0) {
                return; // no rule draws it
            }
            double d = Math.max(0, Math.hypot(index.x(row) - click.x, index.y(row) - click.y) / vp.metresPerPixel() - radius);
            if (d <= tolerancePx) {
                nearest.offer(d * d, index.fid(row), row);
                distanceOf.put(row, d);
            }
        });
        int[] rows = nearest.sorted();
        long[] fids = new long[rows.length];
        for (int k = 0; k < rows.length; k++) {
            fids[k] = index.fid(rows[k]);
        }
        Map<Long, Incident> byRow = source.records().byRows(fids);
        List<Hit> hits = new ArrayList<>();
        for (int row : rows) {
            Incident i = byRow.get(index.fid(row));
            if (i != null) {
                Map<String, Object> attrs = IncidentLayer.attributes(i, index.casualties(row));
                hits.add(new Hit(layer.name(), layer.title(), i.id(), distanceOf.get(row), attrs, i));
            }
        }
        return hits;
    }

    /** Half the largest marker the rules draw for {@code f}; -1 when no rule draws a marker. */
    private static double markerRadius(List<Rule> active, SimpleFeature f) {
        double size = FeatureHits.symbolSize(RuleSelector.matching(active, f), f);
        return size > 0 ? size / 2 : -1; // -1: no rule draws a symbol for it
    }

    private static Hit single(MapLayer layer, IncidentFeatureSource source, IndexClusterer.Group g, Hit drawn)
            throws IOException {
        long fid = source.index().fid(g.firstRow());
        Incident i = source.records().byRows(new long[] {fid}).get(fid);
        if (i == null) {
            return null; // deleted by another program since the index was read
        }
        Map<String, Object> attrs = IncidentLayer.attributes(i, source.index().casualties(g.firstRow()));
        attrs.put(ClusterStyles.COUNT, 1);
        attrs.put(ClusterStyles.MEMBERS, i.id());
        return new Hit(layer.name(), layer.title(), i.id(), drawn.distancePx(), attrs, i);
    }

    private static Hit cluster(MapLayer layer, IncidentFeatureSource source, IndexClusterer.Group g, Hit drawn,
            Coordinate click, double cell) throws IOException {
        Envelope extent = IndexClusterer.cellExtent(g, cell);
        RecordPages pages = (from, count) -> page(source, g, cell, click, from, count);
        List<Incident> first = pages.page(0, RecordPages.FIRST_PAGE);
        Map<String, Object> attrs = new LinkedHashMap<>(drawn.attributes());
        attrs.put(ClusterStyles.MEMBERS, String.join(",", first.stream().map(Incident::id).toList()));
        return new Hit(layer.name(), layer.title(), drawn.featureId(), drawn.distancePx(), attrs, first, extent, pages);
    }

    /**
     * Members {@code from}..{@code from + count - 1} of a cluster by distance from the click. The search
     * starts in a small circle around the click and doubles it until the circle holds that many members
     * or covers the cluster: at a dense spot the nearest page lies in a few hundred metres, and the tens
     * of thousands of other members are never looked at.
     */
    private static List<Incident> page(IncidentFeatureSource source, IndexClusterer.Group g, double cell,
            Coordinate click, int from, int count) throws IOException {
        IncidentIndex index = source.index();
        int wanted = Math.max(0, from) + Math.max(0, count);
        Envelope cluster = IndexClusterer.cellExtent(g, cell);
        double reach = Math.max(cluster.getWidth(), cluster.getHeight()) + click.distance(cluster.centre());
        int[] rows;
        // Start where the cluster's mean density would put twice the members wanted inside the circle:
        // around Almaty (320,000 incidents) a first circle of a sixteenth of a cell held tens of
        // thousands of rows, all read to list ten. Too small a start only costs another doubling.
        double first = Math.sqrt(2.0 * wanted * Math.max(cluster.getArea(), cell * cell)
                / (Math.PI * Math.max(1, g.count())));
        for (double radius = Math.min(cell / 16, Math.max(first, cell / 4096)); ; radius *= 2) {
            IncidentIndex.Nearby near = index.nearby(click.x, click.y, radius, wanted,
                    row -> IndexClusterer.isMember(index, g, cell, row));
            rows = near.nearest();
            if (near.count() >= wanted || radius >= reach) {
                break;
            }
        }
        int start = Math.min(rows.length, Math.max(0, from));
        long[] fids = new long[rows.length - start];
        for (int k = start; k < rows.length; k++) {
            fids[k - start] = index.fid(rows[k]);
        }
        Map<Long, Incident> byRow = source.records().byRows(fids);
        List<Incident> page = new ArrayList<>();
        for (long fid : fids) {
            Incident i = byRow.get(fid);
            if (i != null) {
                page.add(i);
            }
        }
        return page;
    }
}
