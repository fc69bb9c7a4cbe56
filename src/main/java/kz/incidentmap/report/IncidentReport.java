package kz.incidentmap.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import kz.incidentmap.files.PartFiles;
import kz.incidentmap.geo.MapProjection;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.IncidentLayer;
import kz.incidentmap.layers.MapModel;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentEvent;
import kz.incidentmap.model.SourceCopy;
import kz.incidentmap.redact.Redaction;
import kz.incidentmap.redact.RedactionProfile;
import kz.incidentmap.render.MapFigure;
import kz.incidentmap.render.RenderContext;
import kz.incidentmap.store.DiskSpace;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Writes the incident report, a multi-page A4 PDF: the cover with the map of the view, its legend and
 * the filter in words; the contents; summary tables by month, type and oblast; the timeline chart; one
 * card per incident; the event sequences; the sources with their URLs and the hashes of their copies.
 * Every page carries its number and, when redacted, the profile. The file is written beside the target
 * under a part name and moved over it when complete: on any failure nothing is left. Off the JavaFX thread.
 */
public final class IncidentReport {

    /** What was written. */
    public record Written(Path file, int pages, int incidents) {
    }

    private static final DateTimeFormatter MADE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);
    private static final Color REDACTED = new Color(0x9a3412);
    /** The sections the contents lists, in order. */
    private static final List<String> SECTIONS = List.of("report.section.byMonth", "report.section.byType",
            "report.section.byOblast", "report.section.timeline", "report.section.incidents",
            "report.section.events", "report.section.sources");

    private final MapFigure figure;

    /** A report whose maps draw with {@code context} (the window's, or the command's). */
    public IncidentReport(RenderContext context) {
        this.figure = new MapFigure(context);
    }

    /** The reason {@code out} cannot be written, if one can be told before trying. */
    public static Optional<String> unwritable(Path out) {
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return Optional.of("folder " + dir + " does not exist");
        }
        if (Files.isDirectory(out)) {
            return Optional.of(out + " is a folder");
        }
        if (!Files.isWritable(dir) || Files.exists(out) && !Files.isWritable(out)) {
            return Optional.of("cannot write there (" + (Files.isWritable(dir) ? out + " is read-only"
                    : "folder " + dir + " is not writable") + ")");
        }
        return Optional.empty();
    }

    public Written write(ReportRequest r, Path out, ReportProgress progress) throws IOException {
        Optional<String> problem = unwritable(out);
        if (problem.isPresent()) {
            throw new IOException(out + ": " + problem.get() + "; nothing was written");
        }
        Path part = PartFiles.beside(out, "part");
        try {
            int pages;
            List<Shared> shared = shared(r);
            try (PDDocument doc = new PDDocument()) {
                pages = lay(doc, r, shared, progress);
                progress.at(r.texts().text("report.progress.saving"), 0.98);
                doc.save(part.toFile());
            }
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Written(out, pages, shared.size());
        } catch (IOException e) {
            Files.deleteIfExists(part);
            if (DiskSpace.isFull(e)) {
                throw new IOException(DiskSpace.full(out, 0, "write the report " + out, "nothing was written", e)
                        .getMessage(), e);
            }
            throw e;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** A record as the report shows it, and the copies of its sources, in the order of its sources. */
    private record Shared(Incident incident, List<List<SourceCopy>> copies) {
    }

    /**
     * The records redacted, in date order. The copies of a source go with it while the redaction lets
     * its name and URL out: a copy's hash names the document as surely as its address does.
     */
    private static List<Shared> shared(ReportRequest r) {
        Redaction red = r.redaction();
        boolean hashes = red.profile().map(p -> !p.drops(RedactionProfile.Drop.SOURCE_URLS)
                && !p.drops(RedactionProfile.Drop.SOURCE_NAMES)).orElse(true);
        List<Shared> out = new ArrayList<>();
        for (Incident stored : r.incidents()) {
            Optional<Incident> s = red.apply(stored);
            if (s.isEmpty()) {
                continue;
            }
            // Redaction keeps a record's sources in their order: the n-th shared is the n-th stored.
            List<List<SourceCopy>> copies = new ArrayList<>();
            for (var source : stored.sources()) {
                copies.add(hashes ? r.copies().getOrDefault(source.key(), List.of()) : List.of());
            }
            out.add(new Shared(s.get(), copies));
        }
        out.sort((a, b) -> EventSequences.ORDER.compare(a.incident(), b.incident()));
        return out;
    }

    private int lay(PDDocument doc, ReportRequest r, List<Shared> shared, ReportProgress progress) throws IOException {
        Texts t = r.texts();
        List<Incident> incidents = shared.stream().map(Shared::incident).toList();
        ReportFonts fonts = ReportFonts.load(doc);
        DayWords days = new DayWords(t, r.redaction().datesToMonth());
        Contents contents = new Contents();
        try (Pages p = new Pages(doc, fonts)) {
            progress.at(t.text("report.progress.cover"), 0);
            cover(p, r, incidents);
            check(progress);
            p.newPage();
            contents.keep(p, SECTIONS.size());
            SummaryRows.Row total = SummaryRows.total(incidents, t);
            contents.section(p, t.text(SECTIONS.get(0)), 60);
            SummaryTable.draw(p, "", t.text("report.col.month"), SummaryRows.byMonth(incidents, t), total, t);
            contents.section(p, t.text(SECTIONS.get(1)), 60);
            SummaryTable.draw(p, "", t.text("report.col.type"), SummaryRows.byType(incidents, t), total, t);
            contents.section(p, t.text(SECTIONS.get(2)), 60);
            SummaryTable.draw(p, "", t.text("report.col.oblast"), SummaryRows.byOblast(incidents, t), total, t);
            contents.section(p, t.text(SECTIONS.get(3)), TimelineChart.HEIGHT + 20);
            TimelineChart.draw(p, incidents, t);
            contents.section(p, t.text(SECTIONS.get(4)), Locators.H + 30);
            Locators locators = new Locators(figure, doc, MapFigure.ground(r.map()), incidents);
            if (incidents.isEmpty()) {
                p.paragraph(t.text("report.noIncidents"), Pages.LEFT, Pages.WIDTH, false, 9, Pages.MUTED);
            }
            int n = 0;
            for (Incident i : incidents) {
                IncidentCard.draw(p, i, locators, t, days);
                if (++n % 20 == 0) {
                    check(progress);
                    progress.at(t.format("report.progress.cards", n, incidents.size()), 0.05 + 0.85 * n / incidents.size());
                }
            }
            contents.section(p, t.text(SECTIONS.get(5)), 60);
            // An event's title may tell its day ("… of 12 November 2011"): printed as the redaction lets it be.
            EventSequences.draw(p, incidents, r.events().stream().map(e -> new IncidentEvent(e.id(),
                    r.redaction().text(e.title()), e.kind(), e.parentId(), e.start(), e.end(), e.members())).toList(), t);
            contents.section(p, t.text(SECTIONS.get(6)), 60);
            SourceList.draw(p, sources(shared), r.redaction().profile()
                    .map(pr -> pr.drops(RedactionProfile.Drop.SOURCE_NAMES)).orElse(false), t, days);
        }
        contents.write(new Pages(doc, fonts), t.text("report.contents"));
        footers(doc, fonts, r);
        info(doc, r);
        return doc.getNumberOfPages();
    }

    private static void check(ReportProgress progress) {
        if (progress.cancelled()) {
            throw new CancellationException("the report was cancelled");
        }
    }

    private static List<SourceList.Entry> sources(List<Shared> shared) {
        List<SourceList.Entry> cited = new ArrayList<>();
        for (Shared s : shared) {
            for (int k = 0; k < s.incident().sources().size(); k++) {
                cited.add(new SourceList.Entry(s.incident().sources().get(k), s.copies().get(k)));
            }
        }
        return SourceList.unique(cited);
    }

    /** The title, what it holds, the redaction, when it was made, and the map of the view with its legend. */
    private void cover(Pages p, ReportRequest r, List<Incident> incidents) throws IOException {
        Texts t = r.texts();
        Redaction red = r.redaction();
        p.newPage();
        p.paragraph(red.text(r.title()), Pages.LEFT, Pages.WIDTH, true, 20, Pages.INK);
        p.down(2);
        p.paragraph(red.text(r.subtitle()), Pages.LEFT, Pages.WIDTH, false, 11, Pages.MUTED);
        p.down(4);
        p.paragraph(t.format("report.holds", incidents.size()), Pages.LEFT, Pages.WIDTH, false, 9.5f, Pages.INK);
        if (!r.filterWords().isBlank()) {
            p.paragraph(t.format("page.filter", red.text(r.filterWords())), Pages.LEFT, Pages.WIDTH, false, 9.5f, Pages.INK);
        }
        if (red.active()) {
            p.paragraph(red.label(), Pages.LEFT, Pages.WIDTH, true, 9.5f, REDACTED);
        }
        p.paragraph(t.format("report.made", made(r)), Pages.LEFT, Pages.WIDTH, false, 8.5f, Pages.MUTED);
        p.down(10);
        float h = p.room() - 4;
        MapModel model = r.map().withIncidents(IncidentLayer.indexed(
                IncidentLayer.of(incidents, MapProjection.kazakhstan())).orElseThrow());
        PDFormXObject map = figure.withLegend(p.doc, model, red.viewArea(r.extent()), Pages.WIDTH, h, t);
        PDPageContentStream content = p.content();
        content.saveGraphicsState();
        content.transform(Matrix.getTranslateInstance(Pages.LEFT, p.y() - h));
        content.drawForm(map);
        content.restoreGraphicsState();
        p.down(h);
    }

    private static String made(ReportRequest r) {
        return r.redaction().active() ? r.texts().datePattern("LLLL yyyy").format(r.madeAt()) : MADE.format(r.madeAt());
    }

    /** "n / N" on every page, with the report's title, and over them the redaction when there is one. */
    private static void footers(PDDocument doc, ReportFonts fonts, ReportRequest r) throws IOException {
        Pages measure = new Pages(doc, fonts);
        int total = doc.getNumberOfPages();
        String label = r.redaction().label();
        String title = r.redaction().text(r.title());
        for (int k = 0; k < total; k++) {
            try (PDPageContentStream cs = new PDPageContentStream(doc, doc.getPage(k),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                Pages.Writer w = new Pages.Writer(measure, cs);
                String number = r.texts().format("report.pageOf", k + 1, total);
                float numberW = measure.width(number, false, 8);
                float y = Pages.MARGIN - 8;
                w.text(Pages.LEFT, y, measure.fit(title, false, 7.5f, Pages.WIDTH - numberW - 20), false, 7.5f,
                        Pages.MUTED);
                w.text(Pages.RIGHT - numberW, y, number, false, 8, Pages.INK);
                if (!label.isEmpty()) {
                    w.text(Pages.LEFT, y + 10, measure.fit(label, false, 7f, Pages.WIDTH), false, 7f, REDACTED);
                }
            }
        }
    }

    private static void info(PDDocument doc, ReportRequest r) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(r.redaction().text(r.title()));
        info.setSubject(r.redaction().text(r.subtitle()));
        info.setCreator("Kazakhstan Incident Map");
        info.setCreationDate(GregorianCalendar.from(r.redaction().active()
                ? r.madeAt().withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS) : r.madeAt()));
        if (r.redaction().active()) {
            info.setKeywords(r.redaction().label());
        }
    }
}
