package kz.incidentmap.render;

import java.util.Locale;
import java.util.Optional;

/** Paper sizes a snapshot can be laid out on, in millimetres (ISO 216 and US Letter). */
public enum PageSize {
    A4("A4", 297, 210),
    A3("A3", 420, 297),
    LETTER("Letter", 279.4, 215.9);

    private final String label;
    private final double longMm;
    private final double shortMm;

    PageSize(String label, double longMm, double shortMm) {
        this.label = label;
        this.longMm = longMm;
        this.shortMm = shortMm;
    }

    public double widthMm(boolean portrait) {
        return portrait ? shortMm : longMm;
    }

    public double heightMm(boolean portrait) {
        return portrait ? longMm : shortMm;
    }

    public String label() {
        return label;
    }

    /** The size named {@code name}, any case ("a4", "Letter"). */
    public static Optional<PageSize> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (PageSize p : values()) {
            if (p.label.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return label;
    }
}
