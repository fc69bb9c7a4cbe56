package kz.incidentmap.report;

import java.time.LocalDate;
import kz.incidentmap.i18n.Texts;

/**
 * A day the report prints (a claim's date, a source's publication): "12 Nov 2011", or "November 2011"
 * when the redaction lets dates out to the month only — the first of the month it keeps is not a day.
 */
record DayWords(Texts texts, boolean months) {

    String of(LocalDate d) {
        return months ? texts.datePattern("LLLL yyyy").format(d) : texts.date(d);
    }
}
