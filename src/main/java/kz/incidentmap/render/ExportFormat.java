package kz.incidentmap.render;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats a snapshot is written in: a raster image for the web, vector files for print. */
public enum ExportFormat {
    PNG("png", "PNG image"),
    SVG("svg", "SVG vector image"),
    PDF("pdf", "PDF document");

    private final String extension;
    private final String description;

    ExportFormat(String extension, String description) {
        this.extension = extension;
        this.description = description;
    }

    public String extension() {
        return extension;
    }

    public String description() {
        return description;
    }

    /** The format named {@code name} ("png", "PDF"). */
    public static Optional<ExportFormat> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (ExportFormat f : values()) {
            if (f.extension.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The format a file name's extension names, if any. */
    public static Optional<ExportFormat> ofFile(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String s = name.toString();
        int dot = s.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : parse(s.substring(dot + 1));
    }

    /** {@code file} with this format's extension (replacing another format's one). */
    public Path withExtension(Path file) {
        String s = file.getFileName().toString();
        if (ofFile(file).isPresent()) {
            s = s.substring(0, s.lastIndexOf('.'));
        }
        return file.resolveSibling(s + "." + extension);
    }
}
