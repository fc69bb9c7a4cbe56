package kz.incidentmap.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The file formats records move in and out through, and how a file's format is recognised. */
public enum ExchangeFormat {
    CSV("csv", true, 505), GEOJSON("geojson", true, 1426), KML("kml", true, 2075), GPKG("gpkg", true, 907),
    ACLED("acled", true, 390), GTD("gtd", false, 1100), UCDP("ucdp", false, 900);

    private final String code;
    private final boolean exportable;
    private final int bytesPerIncident;

    ExchangeFormat(String code, boolean exportable, int bytesPerIncident) {
        this.code = code;
        this.exportable = exportable;
        this.bytesPerIncident = bytesPerIncident;
    }

    /**
     * About how many bytes one incident takes in a file of this format: measured on exports of 20,000
     * generated incidents (ACLED's on its sample rows; GTD's and UCDP's are rough sizes of one of their CSV
     * rows, and most of their rows are about other countries and become no incident). For estimates of the room an export needs and
     * of the number of incidents in a file to import.
     */
    public int bytesPerIncident() {
        return bytesPerIncident;
    }

    public String code() {
        return code;
    }

    /** Whether records can be written in this format (GTD's and UCDP's are read only). */
    public boolean exportable() {
        return exportable;
    }

    public static ExchangeFormat fromCode(String code) {
        for (ExchangeFormat f : values()) {
            if (f.code.equalsIgnoreCase(code == null ? "" : code.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + code + "' (known: "
                + String.join(", ", Arrays.stream(values()).map(ExchangeFormat::code).toList()) + ")");
    }

    /** The format a file name's extension says (for export), if it says one. */
    public static Optional<ExchangeFormat> byExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        } else if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return Optional.of(GEOJSON);
        } else if (name.endsWith(".kml")) {
            return Optional.of(KML);
        } else if (name.endsWith(".gpkg")) {
            return Optional.of(GPKG);
        } else if (name.endsWith(".xlsx")) {
            return Optional.of(GTD); // the one workbook we read
        }
        return Optional.empty();
    }

    /**
     * Recognises an import file from its first bytes (SQLite header, '{', '<', a zip's "PK" for GTD's
     * workbook, or a CSV header: GTD's has eventid and iyear, UCDP GED's type_of_violence and where_prec,
     * ACLED's event_id_cnty, ours our column names), falling back to the extension.
     */
    public static Optional<ExchangeFormat> detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        if (text.startsWith("SQLite format 3")) {
            return Optional.of(GPKG);
        } else if (text.startsWith("{")) {
            return Optional.of(GEOJSON);
        } else if (text.startsWith("<")) {
            return Optional.of(KML);
        } else if (text.startsWith("PK\u0003\u0004")) {
            return Optional.of(GTD);
        }
        String firstLine = text.lines().findFirst().orElse("");
        List<String> header = Arrays.asList(firstLine.split(","));
        if (GtdRecords.isGtdHeader(header)) {
            return Optional.of(GTD);
        } else if (UcdpGedCsv.isGedHeader(header)) {
            return Optional.of(UCDP);
        } else if (AcledCsv.isAcledHeader(header)) {
            return Optional.of(ACLED);
        } else if (header.stream().anyMatch(h -> IncidentCsv.COLUMNS.contains(h.trim()))) {
            return Optional.of(CSV);
        }
        return byExtension(file);
    }

    /**
     * Whether a CSV header is one of the formats read without a column mapping: ours (every column one of
     * ours), GTD's, UCDP GED's or ACLED's. Any other CSV needs its columns mapped to our fields.
     */
    public static boolean isKnownCsvHeader(List<String> header) {
        return GtdRecords.isGtdHeader(header) || UcdpGedCsv.isGedHeader(header) || AcledCsv.isAcledHeader(header)
                || !header.isEmpty() && header.stream().allMatch(h -> IncidentCsv.COLUMNS.contains(h.trim()));
    }
}
