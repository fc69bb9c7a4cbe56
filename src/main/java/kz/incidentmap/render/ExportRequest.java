package kz.incidentmap.render;

import java.time.ZonedDateTime;
import java.util.Objects;
import kz.incidentmap.i18n.Texts;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Everything that decides what an exported snapshot looks like, as one immutable value: the app's
 * export dialog and the {@code snapshot} command both build one and hand it to {@link PageExporter}, so
 * the same request gives the same picture.
 *
 * @param format PNG, SVG or PDF
 * @param page paper size
 * @param portrait portrait instead of landscape
 * @param dpi resolution of a PNG (also stored in the file); vector formats ignore it
 * @param marginMm white margin around the layout, millimetres
 * @param title the heading
 * @param subtitle the line under the heading, or empty
 * @param extent the map area to show (map metres); it is fitted into the page's map frame
 * @param exportedAt the time printed as the time of export
 * @param filterLine the filter the map shows, in words, printed under the subtitle; empty when none
 * @param filterArea the filter's area (longitude/latitude), outlined on the map as the window shows it; null when none
 * @param texts the language of the page's own words (legend, scale bar, footer); the title is given as it is
 * @param redaction the redaction profile's line ("Redacted: city (…)") printed under the subtitle, or empty
 *        when nothing is redacted; a redacted page tells its dates and its time of export to the month only
 */
public record ExportRequest(ExportFormat format, PageSize page, boolean portrait, int dpi, double marginMm,
        String title, String subtitle, Envelope extent, ZonedDateTime exportedAt, String filterLine,
        Geometry filterArea, Texts texts, String redaction) {

    public static final int MIN_DPI = 72;
    public static final int MAX_DPI = 600;
    public static final double DEFAULT_MARGIN_MM = 10;
    /** Layout units per inch: the layout is drawn in CSS pixels, so at 96 DPI one unit is one pixel. */
    public static final double UNITS_PER_INCH = 96;

    public ExportRequest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(extent, "extent");
        Objects.requireNonNull(exportedAt, "exportedAt");
        title = title == null ? "" : title;
        subtitle = subtitle == null ? "" : subtitle;
        filterLine = filterLine == null ? "" : filterLine;
        texts = texts == null ? Texts.ENGLISH : texts;
        redaction = redaction == null ? "" : redaction;
        extent = new Envelope(extent);
        if (dpi < MIN_DPI || dpi > MAX_DPI) {
            throw new IllegalArgumentException("DPI " + dpi + ": must be between " + MIN_DPI + " and " + MAX_DPI);
        }
        if (!(marginMm >= 0 && marginMm <= 40)) {
            throw new IllegalArgumentException("margin " + marginMm + " mm: must be between 0 and 40 mm");
        }
        if (extent.isNull() || extent.getWidth() <= 0 || extent.getHeight() <= 0) {
            throw new IllegalArgumentException("the map area to export is empty");
        }
    }

    /** A request whose page speaks English. */
    public ExportRequest(ExportFormat format, PageSize page, boolean portrait, int dpi, double marginMm,
            String title, String subtitle, Envelope extent, ZonedDateTime exportedAt, String filterLine,
            Geometry filterArea) {
        this(format, page, portrait, dpi, marginMm, title, subtitle, extent, exportedAt, filterLine, filterArea,
                Texts.ENGLISH, "");
    }

    /** A request for a map without a filter. */
    public ExportRequest(ExportFormat format, PageSize page, boolean portrait, int dpi, double marginMm,
            String title, String subtitle, Envelope extent, ZonedDateTime exportedAt) {
        this(format, page, portrait, dpi, marginMm, title, subtitle, extent, exportedAt, "", null);
    }

    @Override
    public Envelope extent() {
        return new Envelope(extent);
    }

    /** Page width in layout units. */
    public double widthUnits() {
        return page.widthMm(portrait) / 25.4 * UNITS_PER_INCH;
    }

    /** Page height in layout units. */
    public double heightUnits() {
        return page.heightMm(portrait) / 25.4 * UNITS_PER_INCH;
    }

    /** Size of the PNG in pixels at this request's DPI. */
    public int pixelWidth() {
        return (int) Math.round(page.widthMm(portrait) / 25.4 * dpi);
    }

    public int pixelHeight() {
        return (int) Math.round(page.heightMm(portrait) / 25.4 * dpi);
    }

    public ExportRequest withDpi(int newDpi) {
        return new ExportRequest(format, page, portrait, newDpi, marginMm, title, subtitle, extent, exportedAt,
                filterLine, filterArea, texts, redaction);
    }

    /**
     * The same request with the filter the map shows: {@code line} (the filter in words) printed under its
     * subtitle, and {@code area} (longitude/latitude, or null) outlined on the map.
     */
    public ExportRequest withFilter(String line, Geometry area) {
        return new ExportRequest(format, page, portrait, dpi, marginMm, title, subtitle, extent, exportedAt, line, area,
                texts, redaction);
    }

    /** The same request, its page's own words in the language of {@code language}. */
    public ExportRequest withTexts(Texts language) {
        return new ExportRequest(format, page, portrait, dpi, marginMm, title, subtitle, extent, exportedAt, filterLine,
                filterArea, language, redaction);
    }

    /** The same request shaped by a redaction: {@code label} printed on it, its dates and time of export to the month. */
    public ExportRequest withRedaction(String label) {
        return new ExportRequest(format, page, portrait, dpi, marginMm, title, subtitle, extent, exportedAt, filterLine,
                filterArea, texts, label);
    }

    /** Whether a redaction shaped the page. */
    public boolean redacted() {
        return !redaction.isEmpty();
    }
}
