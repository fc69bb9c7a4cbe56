package kz.incidentmap.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;

/** The rows of the summary tables: incidents grouped by month, by type and by oblast, each with its tally. */
final class SummaryRows {

    /** One row: what it counts, and the tally. */
    record Row(String label, Tally tally) {
    }

    private SummaryRows() {
    }

    /**
     * By month in date order; an incident known to the year only is counted under its year after that
     * year's months, one without a date last.
     */
    static List<Row> byMonth(List<Incident> incidents, Texts texts) {
        Map<String, Row> rows = new TreeMap<>();
        for (Incident i : incidents) {
            LocalDate d = i.date();
            String key;
            String label;
            if (d == null) {
                key = "9999-99";
                label = texts.text("report.dateUnknown");
            } else if (i.datePrecision() == DatePrecision.YEAR || i.datePrecision() == DatePrecision.APPROXIMATE) {
                key = String.format("%04d-13", d.getYear());
                label = texts.format("report.yearOnly", Integer.toString(d.getYear()));
            } else {
                key = String.format("%04d-%02d", d.getYear(), d.getMonthValue());
                label = texts.datePattern("LLLL yyyy").format(d);
            }
            rows.computeIfAbsent(key, k -> new Row(label, new Tally())).tally().add(i);
        }
        return new ArrayList<>(rows.values());
    }

    static List<Row> byType(List<Incident> incidents, Texts texts) {
        return grouped(incidents, i -> texts.typeName(i.type()));
    }

    static List<Row> byOblast(List<Incident> incidents, Texts texts) {
        return grouped(incidents, i -> i.oblast() == null || i.oblast().isBlank()
                ? texts.text("report.oblastUnknown") : i.oblast());
    }

    /** All of them in one row. */
    static Row total(List<Incident> incidents, Texts texts) {
        Tally t = new Tally();
        incidents.forEach(t::add);
        return new Row(texts.text("report.total"), t);
    }

    /** Most incidents first, then by name. */
    private static List<Row> grouped(List<Incident> incidents, Function<Incident, String> label) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (Incident i : incidents) {
            tallies.computeIfAbsent(label.apply(i), k -> new Tally()).add(i);
        }
        return tallies.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt((Row r) -> -r.tally().count()).thenComparing(Row::label)).toList();
    }
}
