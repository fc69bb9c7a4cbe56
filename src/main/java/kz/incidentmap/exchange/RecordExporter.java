package kz.incidentmap.exchange;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import kz.incidentmap.files.PartFiles;
import kz.incidentmap.model.Incident;
import kz.incidentmap.redact.Redaction;
import kz.incidentmap.store.DiskSpace;
import kz.incidentmap.store.IncidentScan;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;

/**
 * Writes records to a file in one of the export formats. The file is written beside the target under a
 * hidden temporary name (see {@link PartFiles}) and moved into place only when complete, so a failure
 * or a cancel never leaves half a file; an export estimated not to fit on the disk is refused before
 * it starts, and one that runs out of room anyway says so. A GeoPackage is never written over an existing file. Records are written as they are
 * iterated, so an {@link IncidentScan} of a large store is read a page at a time and never held whole.
 * Runs on a worker thread.
 */
public final class RecordExporter {

    private RecordExporter() {
    }

    /**
     * Writes {@code incidents} to {@code out}; returns how many were written (fewer than their size when
     * a scan's incidents were deleted meanwhile). A scan that cannot read a page fails with its
     * {@link StoreException}; a cancel, seen between records and once more before the file is moved
     * into place, with {@link CancelledException}.
     */
    public static int export(Collection<Incident> incidents, ExchangeFormat format, Path out, Progress progress)
            throws IOException, StoreException, CancelledException {
        return export(incidents, format, out, progress, null);
    }

    /**
     * As {@link #export(Collection, ExchangeFormat, Path, Progress)}; a GeoPackage also gets the local
     * copies that {@code copiesFrom} keeps of the sources it holds (none when null). The other formats
     * carry no copies.
     */
    public static int export(Collection<Incident> incidents, ExchangeFormat format, Path out, Progress progress,
            IncidentStore copiesFrom) throws IOException, StoreException, CancelledException {
        return export(incidents, format, out, progress, copiesFrom, Redaction.NONE);
    }

    /**
     * As {@link #export(Collection, ExchangeFormat, Path, Progress, IncidentStore)}, each record shared as
     * {@code redaction} lets it be (restricted ones left out) and the file saying so: a GeoJSON's
     * top-level {@code redaction} member, a KML document's description, a GeoPackage's description of its
     * incidents table; a CSV (ours or ACLED's, whose readers take no comment line) gets a side file
     * {@code FILE.csv.redaction.txt}, removed when the same name is exported again without redaction.
     * A redacted GeoPackage carries no copies of sources.
     */
    public static int export(Collection<Incident> incidents, ExchangeFormat format, Path out, Progress progress,
            IncidentStore copiesFrom, Redaction redaction) throws IOException, StoreException, CancelledException {
        incidents = redaction.applyAll(incidents);
        String note = redaction.label();
        if (!format.exportable()) {
            throw new IllegalArgumentException("records cannot be exported as " + format.code() + ", which is read only"
                    + " (export as " + String.join(", ", Arrays.stream(ExchangeFormat.values())
                    .filter(ExchangeFormat::exportable).map(ExchangeFormat::code).toList()) + ")");
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException(out + ": folder " + dir + " does not exist");
        }
        if (format == ExchangeFormat.GPKG && Files.exists(out)) {
            throw new IOException(out + ": already exists; a store is never written over (choose a new name)");
        }
        PartFiles.removeStale(dir);
        long needed = (long) incidents.size() * format.bytesPerIncident();
        String what = String.format(Locale.ROOT, "export %,d incidents", incidents.size());
        DiskSpace.requireRoom(out, needed, what, "nothing was written");
        Path tmp = PartFiles.beside(out, "tmp");
        try {
            int written;
            if (format == ExchangeFormat.GPKG) {
                IncidentStore.createEmpty(tmp);
                try (IncidentStore store = IncidentStore.open(tmp)) {
                    if (progress.isCancelled()) {
                        throw new CancelledException("export cancelled");
                    }
                    written = store.mergeAll(watched(incidents, progress)).added();
                    if (copiesFrom != null && !redaction.active()) {
                        store.carryCopies(copiesFrom);
                        store.carryEvents(copiesFrom);
                    }
                    if (redaction.active()) {
                        store.describeAsRedacted(note);
                    }
                }
                Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + "-lock"));
            } else {
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                    written = write(incidents, format, os, progress, note);
                }
            }
            if (!progress.commit()) {
                throw new CancelledException("export cancelled");
            }
            move(tmp, out);
            sideNote(format, out, note);
            return written;
        } catch (IncidentScan.ReadFailure e) {
            throw e.getCause();
        } catch (Cancelled e) {
            throw new CancelledException("export cancelled");
        } catch (IOException | StoreException e) {
            if (!DiskSpace.isFull(e)) {
                throw e;
            }
            // Told once the part file is gone, so that the room the message gives is the room there is.
            deleteParts(tmp);
            throw DiskSpace.full(out, needed, what, "nothing was written", e);
        } finally {
            deleteParts(tmp);
        }
    }

    private static void deleteParts(Path tmp) throws IOException {
        Files.deleteIfExists(tmp);
        Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + "-lock"));
        Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + "-journal"));
    }

    /** Carries a cancel out of the store's merge, which rolls its transaction back on any unchecked exception. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("export cancelled", null, false, false);
        }
    }

    /** The incidents as a merge takes them, reporting progress and stopping at a cancel. */
    private static Iterator<Incident> watched(Collection<Incident> incidents, Progress progress) {
        Iterator<Incident> it = incidents.iterator();
        return new Iterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                if (progress.isCancelled()) {
                    throw new Cancelled();
                }
                return it.hasNext();
            }

            @Override
            public Incident next() {
                Incident i = it.next();
                progress.report(++n, incidents.size());
                return i;
            }
        };
    }

    /** The side file that says how a CSV was redacted. */
    public static Path sideNoteFile(Path csv) {
        return csv.resolveSibling(csv.getFileName() + ".redaction.txt");
    }

    private static void sideNote(ExchangeFormat format, Path out, String note) throws IOException {
        if (format != ExchangeFormat.CSV && format != ExchangeFormat.ACLED) {
            return;
        }
        Path side = sideNoteFile(out);
        if (note.isEmpty()) {
            Files.deleteIfExists(side);
        } else {
            Files.writeString(side, note + System.lineSeparator(), StandardCharsets.UTF_8);
        }
    }

    private static int write(Collection<Incident> incidents, ExchangeFormat format, OutputStream os,
            Progress progress, String note) throws IOException, CancelledException {
        switch (format) {
            case CSV -> {
                Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                int n = IncidentCsv.write(incidents, w, progress);
                w.flush();
                return n;
            }
            case ACLED -> {
                Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                int n = AcledWriter.write(incidents, w, progress);
                w.flush();
                return n;
            }
            case GEOJSON -> {
                return IncidentGeoJson.write(incidents, os, progress, note);
            }
            case KML -> {
                return IncidentKml.write(incidents, os, progress, note);
            }
            default -> throw new IllegalArgumentException(format.code());
        }
    }

    private static void move(Path tmp, Path out) throws IOException {
        try {
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
