package kz.incidentmap.timeline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import kz.incidentmap.filter.FilteredModel;
import kz.incidentmap.layers.IncidentFeatureSource;
import kz.incidentmap.filter.IncidentFilter;
import kz.incidentmap.filter.RecordMatches;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.MapModel;
import kz.incidentmap.render.MapRenderer;
import kz.incidentmap.render.Viewport;

/**
 * Draws the frames of a playback: the map with only the incidents of the frame's days that pass the
 * filter, its dates in
 * large type in the top left corner (so that a frame cut out of a GIF still says when it is), the
 * number of incidents drawn, and a bar along the bottom showing how far through the playback it is.
 */
public final class PlaybackFrames {

    private static final Font DATE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 26);
    private static final Font COUNT_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Color PANEL = new Color(255, 255, 255, 225);
    private static final Color INK = new Color(0x222222);
    private static final Color PROGRESS = new Color(0xB22222);

    private final MapModel model;
    private final IncidentFeatureSource incidents;
    private final IncidentFilter filter;
    private final Viewport viewport;
    private final Playback playback;
    private final MapRenderer renderer = new MapRenderer();
    /** The scan of the records for the filter's text, names or expression: made once, kept for every frame. */
    private RecordMatches matches;

    /**
     * @param model the map, whose incident layer holds every incident the playback may show
     * @param filter what else the incidents must pass; each frame sets its time range, with the filter's
     *               time match (an incident dated to a month overlaps each week of it, by default)
     */
    public PlaybackFrames(MapModel model, IncidentFilter filter, Viewport viewport, Playback playback) {
        this.model = model;
        this.filter = filter;
        this.viewport = viewport;
        this.playback = playback;
        this.incidents = model.layer(IncidentLayer.NAME).flatMap(IncidentLayer::indexed)
                .orElseThrow(() -> new IllegalArgumentException("the map has no incident layer to play"));
    }

    /** The map of the frame's days: its incident layer holds what passes the filter on those days. */
    public FilteredModel shown(Playback.Frame frame) throws IOException {
        IncidentFilter onDays = filter.toBuilder().time(frame.first(), frame.last(), filter.timeMatch()).build();
        if (matches == null && filter.needsRecords()) {
            matches = RecordMatches.scan(filter, incidents.records());
        }
        return FilteredModel.of(model, onDays, matches, viewport.projection());
    }

    /** The frame, drawn; {@code cancelled} is polled while the map is drawn. */
    public BufferedImage draw(Playback.Frame frame, int frameCount, BooleanSupplier cancelled) throws IOException {
        FilteredModel shown = shown(frame);
        BufferedImage img = new BufferedImage(viewport.width(), viewport.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            renderer.render(g, viewport, shown.model().visibleLayers(), cancelled);
            caption(g, frame.label(playback.step(), playback.window()), shown.shown(), frame.number(), frameCount);
        } finally {
            g.dispose();
        }
        return img;
    }

    private void caption(Graphics2D g, String dates, int count, int number, int frameCount) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        String counted = count + (count == 1 ? " incident" : " incidents")
                + (playback.cumulative() ? " since " + new DateRange(playback.from(), playback.from()).label() : "");
        FontMetrics big = g.getFontMetrics(DATE_FONT);
        FontMetrics small = g.getFontMetrics(COUNT_FONT);
        int pad = 10;
        int w = Math.max(big.stringWidth(dates), small.stringWidth(counted)) + 2 * pad;
        int h = big.getHeight() + small.getHeight() + 2 * pad;
        g.setColor(PANEL);
        g.fillRoundRect(12, 12, w, h, 8, 8);
        g.setColor(INK);
        g.setStroke(new BasicStroke(1f));
        g.drawRoundRect(12, 12, w, h, 8, 8);
        g.setFont(DATE_FONT);
        g.drawString(dates, 12 + pad, 12 + pad + big.getAscent());
        g.setFont(COUNT_FONT);
        g.drawString(counted, 12 + pad, 12 + pad + big.getHeight() + small.getAscent());
        int barY = viewport.height() - 6;
        g.setColor(PANEL);
        g.fillRect(0, barY, viewport.width(), 6);
        g.setColor(PROGRESS);
        g.fillRect(0, barY, (int) Math.round(viewport.width() * (double) number / frameCount), 6);
    }
}
