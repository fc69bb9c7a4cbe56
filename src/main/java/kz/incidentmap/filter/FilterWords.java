package kz.incidentmap.filter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.Reliability;

/** A filter in words, its parts joined by " · ", as a page prints it under its title. */
final class FilterWords {

    private FilterWords() {
    }

    static String describe(IncidentFilter f, int shown, int total, Texts t) {
        List<String> parts = new ArrayList<>();
        time(f, t).ifPresent(parts::add);
        List<String> kinds = new ArrayList<>();
        f.types().stream().sorted().map(t::typeName).forEach(kinds::add);
        f.subTypes().stream().sorted().map(t::subTypeName).forEach(kinds::add);
        if (!kinds.isEmpty()) {
            parts.add(String.join(", ", kinds));
        }
        if (!f.oblasts().isEmpty()) {
            parts.add(f.oblasts().stream().sorted().map(FilterWords::capitalised).collect(Collectors.joining(", ")));
        }
        if (f.area() != null) {
            parts.add(f.area().describe(t));
        }
        boolean every = f.agreement() == SourceAgreement.EVERY_SOURCE;
        figures(t, "killed", f.minKilled(), f.maxKilled(), every).ifPresent(parts::add);
        figures(t, "wounded", f.minWounded(), f.maxWounded(), every).ifPresent(parts::add);
        if (f.minGrade() != null) {
            parts.add(t.format(f.minGrade() == Reliability.A || f.minGrade() == Reliability.F
                    ? "filterWords.graded" : "filterWords.gradedOrBetter", f.minGrade().code()));
        }
        names(t, "filterWords.by", f.perpetrators()).ifPresent(parts::add);
        names(t, "filterWords.claimedBy", f.claimedBy()).ifPresent(parts::add);
        if (!f.locationPrecisions().isEmpty()) {
            parts.add(t.format("filterWords.located", f.locationPrecisions().stream().sorted().map(t::precisionName)
                    .collect(Collectors.joining(t.text("filterWords.or")))));
        }
        if (f.source() != null) {
            parts.add(t.format("filterWords.source", f.source()));
        }
        names(t, "filterWords.tagged", f.tags()).ifPresent(parts::add);
        if (f.text() != null) {
            parts.add(t.format("filterWords.text", f.text()));
        }
        if (f.where() != null) {
            parts.add("where " + f.where().text()); // an ECQL expression, which is English whatever the language
        }
        if (total >= 0) {
            parts.add(t.format("filterWords.count", shown, total));
        }
        return String.join(" \u00b7 ", parts);
    }

    private static Optional<String> time(IncidentFilter f, Texts t) {
        DateTimeFormatter day = t.datePattern(t.text("filterWords.dayPattern"));
        DateTimeFormatter dayNoYear = t.datePattern(t.text("filterWords.dayNoYearPattern"));
        LocalDate from = f.from();
        LocalDate to = f.to();
        if (from == null && to == null) {
            return Optional.empty();
        }
        String inside = f.timeMatch() == TimeMatch.INSIDE ? t.text("filterWords.inside") : "";
        if (from == null) {
            return Optional.of(t.format("filterWords.upTo", day.format(to)) + inside);
        }
        if (to == null) {
            return Optional.of(t.format("filterWords.from", day.format(from)) + inside);
        }
        if (from.equals(to)) {
            return Optional.of(day.format(from) + inside);
        }
        String first = from.getYear() == to.getYear() ? dayNoYear.format(from) : day.format(from);
        return Optional.of(first + " \u2013 " + day.format(to) + inside);
    }

    private static Optional<String> figures(Texts t, String what, Integer min, Integer max, boolean every) {
        if (min == null && max == null) {
            return Optional.empty();
        }
        String range = min != null && max != null ? (min.equals(max) ? "" + min : min + "\u2013" + max)
                : min != null ? t.format("filterWords.atLeast", String.valueOf(min))
                : t.format("filterWords.atMost", String.valueOf(max));
        return Optional.of(t.format("filterWords." + what + (every ? "Every" : ""), range));
    }

    private static Optional<String> names(Texts t, String lead, Set<String> names) {
        return names.isEmpty() ? Optional.empty()
                : Optional.of(t.format(lead, names.stream().sorted().collect(Collectors.joining(", "))));
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
