package kz.incidentmap.render;

import de.rototor.pdfbox.graphics2d.IPdfBoxGraphics2DFontTextDrawer;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawerDefaultFonts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The DejaVu Sans files every PDF the app writes embeds: Java's "SansSerif" on most Linux desktops, so
 * that text on a page is measured and drawn in the same letters, and every script stays text.
 */
public final class PageFonts {

    /** Directories where the DejaVu fonts live. */
    private static final List<Path> FONT_DIRS = List.of(Path.of("/usr/share/fonts/truetype/dejavu"),
            Path.of("/usr/share/fonts/dejavu"), Path.of("/usr/share/fonts/TTF"));
    private static final String[][] SANS = {{"SansSerif.plain", "DejaVuSans.ttf"}, {"SansSerif.bold", "DejaVuSans-Bold.ttf"},
            {"SansSerif.italic", "DejaVuSans-Oblique.ttf"}, {"SansSerif.bolditalic", "DejaVuSans-BoldOblique.ttf"}};

    private PageFonts() {
    }

    /** The folder holding DejaVuSans.ttf, if this system has one. */
    private static Optional<Path> folder() {
        return FONT_DIRS.stream().filter(dir -> Files.isRegularFile(dir.resolve(SANS[0][1]))).findFirst();
    }

    /** DejaVu Sans (or its bold), if installed; the plain face stands in for a missing bold. */
    public static Optional<Path> sans(boolean bold) {
        return folder().map(dir -> {
            Path file = dir.resolve(SANS[bold ? 1 : 0][1]);
            return Files.isRegularFile(file) ? file : dir.resolve(SANS[0][1]);
        });
    }

    /**
     * Text in the font the layout measured it with, embedded (subset), so that label halos fit the
     * letters and every script stays text; without those font files, the standard Helvetica.
     */
    static IPdfBoxGraphics2DFontTextDrawer drawer() {
        Optional<Path> found = folder();
        if (found.isEmpty()) {
            return new PdfBoxGraphics2DFontTextDrawerDefaultFonts();
        }
        PdfBoxGraphics2DFontTextDrawer drawer = new PdfBoxGraphics2DFontTextDrawer();
        for (String[] f : SANS) {
            Path file = found.get().resolve(f[1]);
            drawer.registerFont(f[0], (Files.isRegularFile(file) ? file : found.get().resolve(SANS[0][1])).toFile());
        }
        return drawer;
    }
}
