package kz.incidentmap.render;

import java.awt.AlphaComposite;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.layers.IncidentIndex;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.LayerPresentation;
import kz.incidentmap.layers.MapLayer;
import kz.incidentmap.render.SpriteCache.Pass;
import kz.incidentmap.render.SpriteCache.Sprite;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.api.style.FeatureTypeStyle;
import org.geotools.api.style.PointSymbolizer;
import org.geotools.api.style.Rule;
import org.geotools.api.style.Style;
import org.geotools.api.style.Symbolizer;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.filter.FilterAttributeExtractor;
import org.locationtech.jts.geom.Geometry;

/**
 * Draws an indexed incident layer for one frame straight from its {@link IncidentIndex}: the groups of
 * {@link IndexClusterer} (recorded in the frame, for a click on it to hit as drawn) or, with
 * clustering off, every incident on its own; clusters as
 * styled features, single incidents — thousands at street scales — stamped from pre-drawn sprites into
 * raster targets. A sprite is drawn once per distinct look (the attributes the style reads: type,
 * casualties, and the date when the style uses it) with the same {@link SymbolizerPainter}, so a
 * stamped marker is the styled marker, placed to the nearest pixel; sprites are kept in the
 * {@link RenderContext}. Vector targets (SVG, PDF) get every marker as a shape.
 */
final class IncidentFramePainter implements LayerPainter {

    /** How an incident only perhaps in the days shown is drawn. */
    static final AlphaComposite PERHAPS = AlphaComposite.SrcOver.derive(0.35f);

    @Override
    public boolean groupsAside(MapLayer layer) {
        return true;
    }

    /**
     * What a frame draws of the layer: its clusters, or every incident on its own with clustering off.
     * The costly part of the layer's frame, and free of any drawing, so it may run on another thread.
     */
    @Override
    public List<IndexClusterer.Group> groups(Viewport vp, MapLayer layer) {
        return groupsOf(vp, layer);
    }

    static List<IndexClusterer.Group> groupsOf(Viewport vp, MapLayer layer) {
        IncidentIndex index = IncidentLayer.indexed(layer).orElseThrow().index();
        return layer.presentation() == LayerPresentation.CLUSTERS
                ? IndexClusterer.cluster(index, FrameLayers.gatherArea(vp), FrameLayers.cellMetres(layer, vp))
                : IndexClusterer.singles(index, FrameLayers.gatherArea(vp));
    }

    /** The clusters, not a plain layer's single incidents: a click on those is tested near it alone. */
    @Override
    public void record(FrameGroups.Builder into, Viewport vp, MapLayer layer, List<IndexClusterer.Group> groups) {
        if (layer.presentation() == LayerPresentation.CLUSTERS) {
            into.add(IncidentLayer.indexed(layer).orElseThrow().index(), FrameLayers.gatherArea(vp),
                    FrameLayers.cellMetres(layer, vp), groups);
        }
    }

    /** Draws {@code groups}, found by {@link #groups} for this frame, or finds them first when null. */
    @Override
    public void paint(FrameDrawing frame, MapLayer layer, List<IndexClusterer.Group> found) {
        Graphics2D g = frame.graphics();
        Viewport vp = frame.viewport();
        RenderContext context = frame.context();
        IncidentFeatureSource source = IncidentLayer.indexed(layer).orElseThrow();
        List<IndexClusterer.Group> groups = found != null ? found : groupsOf(vp, layer);
        IncidentIndex index = source.index();
        boolean clustered = layer.presentation() == LayerPresentation.CLUSTERS;
        record(frame.groups(), vp, layer, groups);
        Style style = clustered ? context.clusteredStyle(layer.style()) : layer.style();
        SimpleFeatureType type = context.clusterType(source.getSchema());
        SimpleFeatureBuilder fb = new SimpleFeatureBuilder(type);
        boolean raster = stampsSprites(g);
        boolean usesDate = attributes(style).contains("date");
        Map<Pass, Map<Long, Sprite>> byPass = context.sprites().of(style);
        double scale = vp.scaleDenominator();
        // How far each incident may be from its point, under the markers.
        UncertaintyHalos.paint(g, vp, index, source.areas());
        List<FeatureTypeStyle> passes = style.featureTypeStyles();
        for (int pass = 0; pass < passes.size(); pass++) {
            List<Rule> active = RuleSelector.active(passes.get(pass), scale);
            if (active.isEmpty()) {
                continue;
            }
            Map<Long, Sprite> sprites = byPass.computeIfAbsent(new Pass(pass, active), p -> new ConcurrentHashMap<>());
            int n = 0;
            for (IndexClusterer.Group grp : groups) {
                if ((++n & 0x3FF) == 0) {
                    frame.checkCancelled();
                }
                // An incident whose date spans beyond the days shown is only perhaps in them: faded.
                boolean perhaps = grp.count() == 1 && source.perhapsInDays(grp.firstRow());
                Composite before = g.getComposite();
                if (perhaps) {
                    g.setComposite(PERHAPS);
                }
                try {
                    if (raster && grp.count() == 1) {
                        Sprite sprite = sprites.computeIfAbsent(index.look(grp.firstRow(), usesDate),
                                k -> draw(active, fb, index, grp, scale, g));
                        if (sprite != SpriteCache.AS_FEATURE) {
                            stamp(g, vp, grp, sprite, frame.labels());
                            continue;
                        }
                    }
                    SimpleFeature f = FrameLayers.groupFeature(fb, index, grp);
                    for (Rule r : RuleSelector.matching(active, f)) {
                        for (Symbolizer s : r.symbolizers()) {
                            frame.painter().paint(s, f, (Geometry) f.getDefaultGeometry());
                        }
                    }
                } finally {
                    g.setComposite(before);
                }
            }
        }
    }

    private static void stamp(Graphics2D g, Viewport vp, IndexClusterer.Group grp, Sprite sprite, LabelPlacer labels) {
        Point2D at = vp.toScreen(grp.x(), grp.y());
        int x = (int) Math.round(at.getX()) - sprite.originX();
        int y = (int) Math.round(at.getY()) - sprite.originY();
        if (sprite.image() != null) {
            g.drawImage(sprite.image(), x, y, null);
        }
        Rectangle2D b = sprite.bounds();
        labels.obstacle(new Rectangle2D.Double(b.getX() + x, b.getY() + y, b.getWidth(), b.getHeight()));
    }

    /**
     * The sprite of a single incident drawn by {@code active}; {@link SpriteCache#AS_FEATURE} when its rules draw more
     * than point symbols (a label must go through the label placer), so the incident is drawn as a feature.
     */
    private static Sprite draw(List<Rule> active, SimpleFeatureBuilder fb, IncidentIndex index, IndexClusterer.Group grp,
            double scale, Graphics2D like) {
        SimpleFeature f = FrameLayers.groupFeature(fb, index, grp);
        List<Rule> rules = RuleSelector.matching(active, f);
        double size = 0;
        for (Rule r : rules) {
            for (Symbolizer s : r.symbolizers()) {
                if (!(s instanceof PointSymbolizer ps)) {
                    return SpriteCache.AS_FEATURE;
                }
                size = Math.max(size, ps.getGraphic() == null ? 0 : StyleValues.pointSize(ps.getGraphic(), f));
            }
        }
        int half = (int) Math.ceil(size / 2) + 4;
        int side = 2 * half;
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D sg = img.createGraphics();
        try {
            sg.setRenderingHints(like.getRenderingHints());
            sg.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Viewport at = Viewport.atScale(grp.x(), grp.y(), scale, side, side);
            LabelPlacer none = new LabelPlacer(new Rectangle2D.Double(0, 0, side, side));
            SymbolizerPainter painter = new SymbolizerPainter(sg, at, none);
            for (Rule r : rules) {
                for (Symbolizer s : r.symbolizers()) {
                    painter.paint(s, f, (Geometry) f.getDefaultGeometry());
                }
            }
        } finally {
            sg.dispose();
        }
        Rectangle2D bounds = new Rectangle2D.Double(half - size / 2, half - size / 2, size, size);
        return new Sprite(rules.isEmpty() ? null : img, half, half, bounds);
    }

    /** The attributes the rules of {@code style} select by or size by. */
    private static Set<String> attributes(Style style) {
        FilterAttributeExtractor extractor = new FilterAttributeExtractor();
        for (FeatureTypeStyle fts : style.featureTypeStyles()) {
            for (Rule r : fts.rules()) {
                if (r.getFilter() != null) {
                    r.getFilter().accept(extractor, null);
                }
                for (Symbolizer s : r.symbolizers()) {
                    if (s instanceof PointSymbolizer ps && ps.getGraphic() != null && ps.getGraphic().getSize() != null) {
                        ps.getGraphic().getSize().accept(extractor, null);
                    }
                }
            }
        }
        return extractor.getAttributeNameSet();
    }

    /**
     * Whether {@code g} draws into pixels (an image the screen or a PNG shows) rather than a vector
     * document: only there are stamped sprites right. Java2D's own image graphics is the one raster kind.
     */
    static boolean isRaster(Graphics2D g) {
        return g.getClass().getName().equals("sun.java2d.SunGraphics2D");
    }

    /**
     * Whether markers may be stamped: into pixels, one map pixel to one image pixel (a page drawn at
     * 300 dpi scales its map, and a scaled sprite would be blurred; there markers are drawn as shapes).
     */
    static boolean stampsSprites(Graphics2D g) {
        int type = g.getTransform().getType();
        return isRaster(g) && (type == AffineTransform.TYPE_IDENTITY || type == AffineTransform.TYPE_TRANSLATION);
    }
}
