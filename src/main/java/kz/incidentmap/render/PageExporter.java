package kz.incidentmap.render;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import kz.incidentmap.layers.MapModel;

/**
 * Writes a snapshot — the {@link PageLayout} of a map — as PNG, SVG or PDF, and draws previews of it.
 * Every format goes through the same layout code; the file is written to a temporary file beside the
 * target and moved over it at the end, so on any error the target is left as it was. Called off the
 * JavaFX thread.
 */
public final class PageExporter {

    private final PageLayout layout;

    /** An exporter whose pages draw with {@code context} (the window's, or the command's). */
    public PageExporter(RenderContext context) {
        this(context, null);
    }

    /** An exporter whose pages draw {@code route} (or none when null) over the map. */
    public PageExporter(RenderContext context, EventRoute route) {
        this.layout = new PageLayout(context, route);
    }

    /** An exporter drawing on the calling thread alone (tests). */
    public PageExporter() {
        this(RenderContext.singleThreaded());
    }

    /** Writes {@code request} for {@code model} to {@code out}. */
    public void write(MapModel model, ExportRequest request, Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        // Created as any file the user makes (the umask decides its permissions): a temporary file of the
        // JDK's would be readable by its owner only, and keep that once moved into place.
        Path tmp = Files.createFile(dir.resolve(".snapshot-" + UUID.randomUUID() + "." + request.format().extension()
                + ".part"));
        try {
            switch (request.format()) {
                case PNG -> PngWriter.write(image(model, request), request.dpi(), request.redaction(), tmp);
                case SVG -> SvgWriter.write(layout, model, request, tmp);
                case PDF -> PdfWriter.write(layout, model, request, tmp);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** How many incidents the page's map shows: the count its footer prints. */
    public int incidentsDrawn(MapModel model, ExportRequest request) {
        return IncidentDates.in(model, PageLayout.mapViewport(request).bounds()).count();
    }

    /** The page as a raster at the request's DPI: what a PNG export contains. */
    public BufferedImage image(MapModel model, ExportRequest request) throws IOException {
        return raster(model, request, request.pixelWidth(), request.pixelHeight());
    }

    /**
     * A small picture of the page, at most {@code maxWidth}×{@code maxHeight} pixels, drawn by the same
     * layout as the export (the export dialog's preview).
     */
    public BufferedImage preview(MapModel model, ExportRequest request, int maxWidth, int maxHeight) throws IOException {
        double k = Math.min(maxWidth / request.widthUnits(), maxHeight / request.heightUnits());
        return raster(model, request, (int) Math.max(1, Math.round(request.widthUnits() * k)),
                (int) Math.max(1, Math.round(request.heightUnits() * k)));
    }

    private BufferedImage raster(MapModel model, ExportRequest request, int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            // The layout scales with the resolution; the map area it shows stays the same.
            g.scale(width / request.widthUnits(), height / request.heightUnits());
            layout.draw(g, model, request);
        } finally {
            g.dispose();
        }
        return img;
    }
}
