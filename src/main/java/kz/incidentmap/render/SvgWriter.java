package kz.incidentmap.render;

import java.awt.Dimension;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import kz.incidentmap.layers.MapModel;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the page as SVG through Batik's SVG generator: shapes stay vectors and text stays
 * {@code <text>}, so it is sharp at any zoom and searchable. Sized in millimetres of the page.
 */
final class SvgWriter {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    private SvgWriter() {
    }

    static void write(PageLayout layout, MapModel model, ExportRequest r, Path file) throws IOException {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument(SVG_NS, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML document builder: " + e.getMessage(), e);
        }
        SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
        ctx.setComment("Kazakhstan Incident Map snapshot: " + r.title() + (r.redacted() ? " \u00b7 " + r.redaction() : ""));
        ctx.setEmbeddedFontsOn(false);
        ctx.setPrecision(3);
        SVGGraphics2D g = new SVGGraphics2D(ctx, false);
        int w = (int) Math.ceil(r.widthUnits());
        int h = (int) Math.ceil(r.heightUnits());
        g.setSVGCanvasSize(new Dimension(w, h));
        layout.draw(g, model, r);
        Element root = g.getRoot();
        root.setAttribute("width", String.format(Locale.ROOT, "%.1fmm", r.page().widthMm(r.portrait())));
        root.setAttribute("height", String.format(Locale.ROOT, "%.1fmm", r.page().heightMm(r.portrait())));
        root.setAttribute("viewBox", String.format(Locale.ROOT, "0 0 %.3f %.3f", r.widthUnits(), r.heightUnits()));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            g.stream(root, out, true, false);
        } finally {
            g.dispose();
        }
    }
}
