package kz.incidentmap.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** What the PNG writer writes, any standard reader reads back pixel for pixel, with its resolution. */
class PngWriterTest {

    @TempDir
    Path tmp;

    /** Gradients, antialiased edges and flat areas, so that each row filter gets chosen somewhere. */
    private static BufferedImage picture(int type) {
        BufferedImage img = new BufferedImage(301, 97, type);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int alpha = type == BufferedImage.TYPE_INT_ARGB ? (x * 7 + y) % 256 : 255;
                img.setRGB(x, y, alpha << 24 | (x % 256) << 16 | (y * 3 % 256) << 8 | ((x ^ y) & 0xFF));
            }
        }
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xF7F2E4));
        g.fillRect(150, 0, 151, 60);
        g.setColor(new Color(200, 30, 40, 180));
        g.fill(new Ellipse2D.Double(20, 10, 180, 70));
        g.dispose();
        return img;
    }

    @Test
    void rgbPagesReadBackExactly() throws Exception {
        assertReadsBack(picture(BufferedImage.TYPE_INT_RGB), 150);
    }

    @Test
    void transparentImagesKeepTheirAlpha() throws Exception {
        assertReadsBack(picture(BufferedImage.TYPE_INT_ARGB), 96);
    }

    @Test
    void otherImageTypesAreWrittenThroughTheirColours() throws Exception {
        BufferedImage bgr = new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bgr.createGraphics();
        g.drawImage(picture(BufferedImage.TYPE_INT_RGB), 0, 0, null);
        g.dispose();
        assertReadsBack(bgr, 300);
    }

    private void assertReadsBack(BufferedImage written, int dpi) throws Exception {
        Path file = tmp.resolve("p.png");
        PngWriter.write(written, dpi, file);
        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals(written.getWidth(), read.getWidth());
        assertEquals(written.getHeight(), read.getHeight());
        assertEquals(written.getColorModel().hasAlpha(), read.getColorModel().hasAlpha());
        for (int y = 0; y < written.getHeight(); y++) {
            for (int x = 0; x < written.getWidth(); x++) {
                assertEquals(Integer.toHexString(written.getRGB(x, y)), Integer.toHexString(read.getRGB(x, y)),
                        "pixel " + x + "," + y);
            }
        }
        assertEquals(Math.round(dpi / 0.0254), pixelsPerMetre(file));
    }

    private static long pixelsPerMetre(Path png) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata meta = reader.getImageMetadata(0);
            Element phys = (Element) ((Element) meta.getAsTree("javax_imageio_png_1.0"))
                    .getElementsByTagName("pHYs").item(0);
            assertEquals("meter", phys.getAttribute("unitSpecifier"));
            assertEquals(phys.getAttribute("pixelsPerUnitXAxis"), phys.getAttribute("pixelsPerUnitYAxis"));
            reader.dispose();
            return Long.parseLong(phys.getAttribute("pixelsPerUnitXAxis"));
        }
    }
}
