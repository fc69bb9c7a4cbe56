package kz.incidentmap.store.pg;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.LongConsumer;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.Source;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Writes a large record into empty tables through {@code COPY … FROM STDIN} (text format), inside the
 * caller's transaction: millions of incidents in minutes where row-by-row inserts would take hours.
 * The incidents stream straight to the server; their links, claims and incident_points rows are
 * spooled to temporary files meanwhile (one connection runs one COPY at a time) and copied after them.
 * The row ids are given (1, 2, …), as COPY may for an identity column, and the identity then set past
 * them, so that incident_points can name its incident without a look-up.
 */
final class PgBulkWriter {

    /** How often progress is told, in incidents. */
    private static final int PROGRESS_EVERY = 100_000;
    /** Start of the hexadecimal EWKB of a point in EPSG:4326, little-endian. */
    private static final String EWKB_POINT_4326 = "0101000020E6100000";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PgBulkWriter() {
    }

    /**
     * Copies {@code sources} and {@code incidents} into the (empty) tables; returns how many incidents.
     * {@code now} stands in for a missing created or updated time.
     */
    static long write(Connection c, List<Source> sources, Iterator<Incident> incidents, Instant now,
            LongConsumer progress) throws SQLException, IOException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        copySources(copy, sources);
        List<Path> spools = new ArrayList<>();
        try {
            Path links = spool(spools, "links");
            Path claims = spool(spools, "claims");
            Path points = spool(spools, "points");
            long n;
            try (Writer linkOut = writer(links); Writer claimOut = writer(claims); Writer pointOut = writer(points)) {
                CopyText linkRows = new CopyText(linkOut::append);
                CopyText claimRows = new CopyText(claimOut::append);
                CopyText pointRows = new CopyText(pointOut::append);
                CopyIn in = copy.copyIn("COPY incidents (fid, uuid, geom, title, type, date, date_precision, place,"
                        + " oblast, location_precision, perpetrator, claimed_by, description, event_group, sub_type,"
                        + " time, tags, created, updated) FROM STDIN");
                try {
                    CopyText rows = new CopyText(chunk -> send(in, chunk));
                    n = 0;
                    while (incidents.hasNext()) {
                        Incident i = incidents.next();
                        long fid = ++n;
                        incident(rows, fid, i, now);
                        links(linkRows, i);
                        claims(claimRows, i);
                        if (Double.isFinite(i.lon()) && Double.isFinite(i.lat())) {
                            point(pointRows, fid, i);
                        }
                        if (n % PROGRESS_EVERY == 0) {
                            progress.accept(n);
                        }
                    }
                    rows.flush();
                    in.endCopy();
                } finally {
                    if (in.isActive()) {
                        in.cancelCopy();
                    }
                }
                linkRows.flush();
                claimRows.flush();
                pointRows.flush();
            }
            copyFrom(copy, "COPY incident_sources (incident_uuid, source_key, seq) FROM STDIN", links);
            copyFrom(copy, "COPY claims (incident_uuid, source_key, seq, killed, wounded, date, note, credibility)"
                    + " FROM STDIN", claims);
            copyFrom(copy, "COPY incident_points (fid, lon, lat, type, day, casualties, date_precision, sub_type,"
                    + " location_precision, killed_min, killed_max, wounded_min, wounded_max, restricted) FROM STDIN",
                    points);
            try (Statement s = c.createStatement()) {
                // The identity goes on after the ids given, for the next incident written the usual way.
                s.execute("SELECT setval(pg_get_serial_sequence('incidents', 'fid'), greatest(" + n + ", 1), " + (n > 0)
                        + ")");
            }
            if (n % PROGRESS_EVERY != 0) {
                progress.accept(n);
            }
            return n;
        } finally {
            for (Path p : spools) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void copySources(CopyManager copy, List<Source> sources) throws SQLException, IOException {
        StringBuilder all = new StringBuilder();
        CopyText rows = new CopyText(all::append);
        for (Source s : sources) {
            rows.text(s.key()).text(s.title()).text(s.publisher()).text(s.url()).plain(s.published())
                    .text(s.language()).text(s.reliability() == null ? null : s.reliability().code()).endRow();
        }
        rows.flush();
        copy.copyIn("COPY sources (key, title, publisher, url, published, language, reliability) FROM STDIN",
                new StringReader(all.toString()));
    }

    private static void incident(CopyText rows, long fid, Incident i, Instant now) throws IOException {
        boolean placed = Double.isFinite(i.lon()) && Double.isFinite(i.lat());
        rows.number(fid).text(i.id()).plain(placed ? point(i.lon(), i.lat()) : null).text(i.title())
                .text(i.type().code()).plain(i.date())
                .text(i.datePrecision() == null ? null : i.datePrecision().code()).text(i.place()).text(i.oblast())
                .text(i.locationPrecision() == null ? null : i.locationPrecision().code()).text(i.perpetrator())
                .text(i.claimedBy()).text(i.description()).text(i.eventGroup())
                .text(i.subType() == null ? null : i.subType().code()).plain(i.time()).text(array(i.tags()))
                .plain(i.created() == null ? now : i.created()).plain(i.updated() == null ? now : i.updated())
                .endRow();
    }

    private static void links(CopyText rows, Incident i) throws IOException {
        List<Source> cited = i.sources();
        for (int k = 0; k < cited.size(); k++) {
            rows.text(i.id()).text(cited.get(k).key()).number(k).endRow();
        }
    }

    private static void claims(CopyText rows, Incident i) throws IOException {
        List<Claim> said = i.claims();
        for (int k = 0; k < said.size(); k++) {
            Claim claim = said.get(k);
            rows.text(i.id()).text(claim.sourceKey()).number(k).number(claim.killed()).number(claim.wounded())
                    .plain(claim.date()).text(claim.note())
                    .number(claim.credibility() == null ? null : claim.credibility().code()).endRow();
        }
    }

    /** The incident_points row, as {@link PgIncidentWriter} writes it. */
    private static void point(CopyText rows, long fid, Incident i) throws IOException {
        rows.number(fid).plain(i.lon()).plain(i.lat()).text(i.type().code())
                .number(i.date() == null ? null : (int) i.date().toEpochDay())
                .number(i.maxKilled().orElse(0) + i.maxWounded().orElse(0))
                .number(i.datePrecision() == null ? null : i.datePrecision().ordinal())
                .number(i.subType() == null ? null : i.subType().ordinal())
                .number(i.locationPrecision() == null ? null : i.locationPrecision().ordinal())
                .number(figure(i.minKilled())).number(figure(i.maxKilled()))
                .number(figure(i.minWounded())).number(figure(i.maxWounded()))
                .plain(PgRowSecurity.tagged(i.tags())).endRow();
    }

    private static Integer figure(OptionalInt figure) {
        return figure.isPresent() ? figure.getAsInt() : null;
    }

    /** The point as hexadecimal EWKB, which PostGIS reads fastest of its text forms. */
    static String point(double lon, double lat) {
        StringBuilder hex = new StringBuilder(EWKB_POINT_4326.length() + 32).append(EWKB_POINT_4326);
        littleEndian(hex, Double.doubleToRawLongBits(lon));
        littleEndian(hex, Double.doubleToRawLongBits(lat));
        return hex.toString();
    }

    private static void littleEndian(StringBuilder hex, long bits) {
        for (int b = 0; b < 8; b++) {
            int v = (int) (bits >>> (8 * b)) & 0xFF;
            hex.append(HEX[v >>> 4]).append(HEX[v & 0xF]);
        }
    }

    /** A text[] literal: each element quoted, its quotes and backslashes escaped. */
    private static String array(List<String> values) {
        StringBuilder a = new StringBuilder("{");
        for (int k = 0; k < values.size(); k++) {
            if (k > 0) {
                a.append(',');
            }
            a.append('"').append(values.get(k).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return a.append('}').toString();
    }

    private static void send(CopyIn in, CharSequence chunk) throws IOException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        try {
            in.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static Path spool(List<Path> spools, String what) throws IOException {
        Path p = Files.createTempFile("kim-copy-" + what + "-", ".tsv");
        spools.add(p);
        // Deleted below when the copy ends; this also when the process is stopped in the middle of it.
        p.toFile().deleteOnExit();
        return p;
    }

    private static Writer writer(Path p) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), 1 << 16);
    }

    private static void copyFrom(CopyManager copy, String sql, Path rows) throws SQLException, IOException {
        try (Reader in = Files.newBufferedReader(rows, StandardCharsets.UTF_8)) {
            copy.copyIn(sql, in, 1 << 16);
        }
    }
}
