package kz.incidentmap.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import kz.incidentmap.layers.FrameScale;
import kz.incidentmap.layers.MapLayer;
import org.geotools.api.data.Query;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.filter.FilterFactory;
import org.geotools.api.style.FeatureTypeStyle;
import org.geotools.api.style.Rule;
import org.geotools.api.style.Symbolizer;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.factory.CommonFactoryFinder;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Draws a layer of features ({@link kz.incidentmap.layers.LayerKind#FEATURES}): the features in the
 * frame and its {@link FrameMargin} (so that symbols at the edge are whole), read from its source by box
 * once per frame (not once per pass: the roads' style has a score of passes), then for each pass of its
 * style each feature by the rules that match it.
 */
final class FeatureLayerPainter implements LayerPainter {

    private static final FilterFactory FF = CommonFactoryFinder.getFilterFactory();

    @Override
    public void paint(FrameDrawing frame, MapLayer layer, List<IndexClusterer.Group> groups) throws IOException {
        double scale = frame.viewport().scaleDenominator();
        List<List<Rule>> passes = new ArrayList<>();
        for (FeatureTypeStyle fts : layer.style().featureTypeStyles()) {
            passes.add(RuleSelector.active(fts, scale));
        }
        if (passes.stream().allMatch(List::isEmpty)) {
            return;
        }
        List<SimpleFeature> features = read(frame, layer);
        String geometryName = layer.source().getSchema().getGeometryDescriptor().getLocalName();
        for (List<Rule> active : passes) {
            if (!active.isEmpty()) {
                drawPass(frame, active, features, geometryName);
            }
        }
    }

    private static List<SimpleFeature> read(FrameDrawing frame, MapLayer layer) throws IOException {
        List<SimpleFeature> features = new ArrayList<>();
        try (SimpleFeatureIterator it = layer.source().getFeatures(query(layer, frame.viewport())).features()) {
            while (it.hasNext()) {
                if ((features.size() & 0xFF) == 0) {
                    frame.checkCancelled();
                }
                SimpleFeature f = it.next();
                if (f.getDefaultGeometry() != null) {
                    features.add(f);
                }
            }
        }
        return features;
    }

    private static void drawPass(FrameDrawing frame, List<Rule> active, List<SimpleFeature> features,
            String geometryName) {
        PassRules rules = new PassRules(active, geometryName);
        SymbolizerPainter painter = frame.painter();
        int n = 0;
        for (SimpleFeature f : features) {
            if ((++n & 0xFF) == 0) {
                frame.checkCancelled();
            }
            Geometry geom = (Geometry) f.getDefaultGeometry();
            for (Rule r : rules.matching(f)) {
                for (Symbolizer s : r.symbolizers()) {
                    painter.paint(s, f, geom);
                }
            }
        }
    }

    private static Query query(MapLayer layer, Viewport viewport) {
        Envelope env = FrameMargin.symbols(viewport);
        String geomName = layer.source().getSchema().getGeometryDescriptor().getLocalName();
        ReferencedEnvelope ref = new ReferencedEnvelope(env, layer.source().getSchema().getCoordinateReferenceSystem());
        return FrameScale.hinted(new Query(layer.source().getSchema().getTypeName(), FF.bbox(FF.property(geomName), ref)),
                viewport.scaleDenominator());
    }
}
