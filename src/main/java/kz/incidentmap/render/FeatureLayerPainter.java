package kz.incidentmap.render;

import java.io.IOException;
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
 * Draws a layer of features ({@link kz.incidentmap.layers.LayerKind#FEATURES}): for each pass of its
 * style, the features in the frame and its {@link FrameMargin} (so that symbols at the edge are whole)
 * read from its source by box, each drawn by the rules that match it.
 */
final class FeatureLayerPainter implements LayerPainter {

    private final FilterFactory ff = CommonFactoryFinder.getFilterFactory();

    @Override
    public void paint(FrameDrawing frame, MapLayer layer, List<IndexClusterer.Group> groups) throws IOException {
        double scale = frame.viewport().scaleDenominator();
        for (FeatureTypeStyle fts : layer.style().featureTypeStyles()) {
            List<Rule> active = RuleSelector.active(fts, scale);
            if (active.isEmpty()) {
                continue;
            }
            int n = 0;
            try (SimpleFeatureIterator it = layer.source().getFeatures(query(layer, frame.viewport())).features()) {
                while (it.hasNext()) {
                    if ((++n & 0xFF) == 0) {
                        frame.checkCancelled();
                    }
                    SimpleFeature f = it.next();
                    Geometry geom = (Geometry) f.getDefaultGeometry();
                    if (geom != null) {
                        draw(active, f, geom, frame.painter());
                    }
                }
            }
        }
    }

    private static void draw(List<Rule> rules, SimpleFeature f, Geometry geom, SymbolizerPainter painter) {
        for (Rule r : RuleSelector.matching(rules, f)) {
            for (Symbolizer s : r.symbolizers()) {
                painter.paint(s, f, geom);
            }
        }
    }

    private Query query(MapLayer layer, Viewport viewport) {
        Envelope env = FrameMargin.symbols(viewport);
        String geomName = layer.source().getSchema().getGeometryDescriptor().getLocalName();
        ReferencedEnvelope ref = new ReferencedEnvelope(env, layer.source().getSchema().getCoordinateReferenceSystem());
        return FrameScale.hinted(new Query(layer.source().getSchema().getTypeName(), ff.bbox(ff.property(geomName), ref)),
                viewport.scaleDenominator());
    }
}
