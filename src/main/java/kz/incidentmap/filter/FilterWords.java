package kz.incidentmap.filter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Reliability;

/** A filter in words, its parts joined by " · ", as a page prints it under its title. */
final class FilterWords {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_NO_YEAR = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private FilterWords() {
    }

    static String describe(IncidentFilter f, int shown, int total) {
        List<String> parts = new ArrayList<>();
        time(f).ifPresent(parts::add);
        List<String> kinds = new ArrayList<>();
        f.types().stream().sorted().map(IncidentType::label).forEach(kinds::add);
        f.subTypes().stream().sorted().map(IncidentSubType::label).forEach(kinds::add);
        if (!kinds.isEmpty()) {
            parts.add(String.join(", ", kinds));
        }
        if (!f.oblasts().isEmpty()) {
            parts.add(f.oblasts().stream().sorted().map(FilterWords::capitalised).collect(Collectors.joining(", ")));
        }
        if (f.area() != null) {
            parts.add(f.area().describe());
        }
        String by = f.agreement() == SourceAgreement.EVERY_SOURCE ? " by every source" : "";
        figures("killed", f.minKilled(), f.maxKilled(), by).ifPresent(parts::add);
        figures("wounded", f.minWounded(), f.maxWounded(), by).ifPresent(parts::add);
        if (f.minGrade() != null) {
            parts.add(f.minGrade() == Reliability.A || f.minGrade() == Reliability.F
                    ? "sources graded " + f.minGrade().code() : "sources graded " + f.minGrade().code() + " or better");
        }
        names("by", f.perpetrators()).ifPresent(parts::add);
        names("claimed by", f.claimedBy()).ifPresent(parts::add);
        if (!f.locationPrecisions().isEmpty()) {
            parts.add("located to " + f.locationPrecisions().stream().sorted().map(LocationPrecision::code)
                    .collect(Collectors.joining(" or ")));
        }
        if (f.source() != null) {
            parts.add("source \u201c" + f.source() + "\u201d");
        }
        names("tagged", f.tags()).ifPresent(parts::add);
        if (f.text() != null) {
            parts.add("\u201c" + f.text() + "\u201d");
        }
        if (f.where() != null) {
            parts.add("where " + f.where().text());
        }
        if (total >= 0) {
            parts.add(String.format(Locale.ROOT, "%,d of %,d incident%s", shown, total, total == 1 ? "" : "s"));
        }
        return String.join(" \u00b7 ", parts);
    }

    private static Optional<String> time(IncidentFilter f) {
        LocalDate from = f.from();
        LocalDate to = f.to();
        if (from == null && to == null) {
            return Optional.empty();
        }
        String inside = f.timeMatch() == TimeMatch.INSIDE ? " (certainly inside)" : "";
        if (from == null) {
            return Optional.of("up to " + DAY.format(to) + inside);
        }
        if (to == null) {
            return Optional.of("from " + DAY.format(from) + inside);
        }
        if (from.equals(to)) {
            return Optional.of(DAY.format(from) + inside);
        }
        String first = from.getYear() == to.getYear() ? DAY_NO_YEAR.format(from) : DAY.format(from);
        return Optional.of(first + " \u2013 " + DAY.format(to) + inside);
    }

    private static Optional<String> figures(String what, Integer min, Integer max, String by) {
        if (min == null && max == null) {
            return Optional.empty();
        }
        String range = min != null && max != null ? (min.equals(max) ? "" + min : min + "\u2013" + max)
                : min != null ? "at least " + min : "at most " + max;
        return Optional.of(range + " " + what + by);
    }

    private static Optional<String> names(String lead, Set<String> names) {
        return names.isEmpty() ? Optional.empty()
                : Optional.of(lead + " " + names.stream().sorted().collect(Collectors.joining(", ")));
    }

    private static String capitalised(String name) {
        StringBuilder b = new StringBuilder(name.length());
        boolean start = true;
        for (char c : name.toCharArray()) {
            b.append(start ? Character.toTitleCase(c) : c);
            start = Character.isWhitespace(c) || c == '-';
        }
        return b.toString();
    }
}
