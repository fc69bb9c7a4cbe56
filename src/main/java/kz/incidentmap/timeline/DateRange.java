package kz.incidentmap.timeline;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import kz.incidentmap.i18n.Texts;

/** Days from {@code first} to {@code last}, both included. */
public record DateRange(LocalDate first, LocalDate last) {

    public DateRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("a date range cannot end (" + last + ") before it starts (" + first + ")");
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    public boolean contains(LocalDate d) {
        return !d.isBefore(first) && !d.isAfter(last);
    }

    /** The same number of days, {@code days} later (earlier when negative). */
    public DateRange shifted(long days) {
        return new DateRange(first.plusDays(days), last.plusDays(days));
    }

    /** The range as people write it: "12 Nov 2011", "14 Jun – 29 Aug 2011", "1 Dec 2010 – 3 Jan 2011". */
    public String label() {
        return label(Texts.ENGLISH);
    }

    /** The same in the language of {@code texts}: "12 нояб. 2011". */
    public String label(Texts texts) {
        DateTimeFormatter full = texts.datePattern(texts.text("filterWords.dayPattern"));
        if (first.equals(last)) {
            return first.format(full);
        }
        String start = first.getYear() == last.getYear()
                ? first.format(texts.datePattern(texts.text("filterWords.dayNoYearPattern"))) : first.format(full);
        return start + " \u2013 " + last.format(full);
    }

    @Override
    public String toString() {
        return first.equals(last) ? first.toString() : first + " \u2013 " + last;
    }
}
