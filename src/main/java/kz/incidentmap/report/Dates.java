package kz.incidentmap.report;

import kz.incidentmap.i18n.Texts;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;

/** An incident's date as precisely as it is known: "12 Nov 2011", "November 2011", "2011". */
final class Dates {

    private Dates() {
    }

    static String of(Incident i, Texts texts) {
        if (i.date() == null) {
            return texts.text("report.dateUnknown");
        }
        DatePrecision p = i.datePrecision() == null ? DatePrecision.DAY : i.datePrecision();
        return switch (p) {
            case DAY -> texts.date(i.date());
            case MONTH -> texts.datePattern("LLLL yyyy").format(i.date());
            case YEAR, APPROXIMATE -> Integer.toString(i.date().getYear());
        };
    }
}
