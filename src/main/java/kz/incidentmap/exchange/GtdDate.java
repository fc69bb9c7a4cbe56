package kz.incidentmap.exchange;

import java.util.Locale;

/**
 * An event's date from GTD's iyear, imonth and iday, where a month or day of 0 means GTD does not know
 * it: the date then stands for its month (day 0) or its year (month 0), which our date precisions say
 * exactly.
 *
 * @param date yyyy-MM-dd, the first day of what is known
 * @param precision day, month or year
 * @param problem why the values make no date, or null
 * @param column the column the problem is in, or null
 */
record GtdDate(String date, String precision, String problem, String column) {

    static GtdDate of(String year, String month, String day) {
        Integer y = number(year);
        Integer m = number(month);
        Integer d = number(day);
        if (y == null) {
            return failed("iyear", "'" + year.trim() + "' is not a year");
        } else if (m == null || m < 0 || m > 12) {
            return failed("imonth", "'" + month.trim() + "' is not a month (1-12, or 0 when GTD does not know it)");
        } else if (d == null || d < 0 || d > 31) {
            return failed("iday", "'" + day.trim() + "' is not a day (1-31, or 0 when GTD does not know it)");
        } else if (m == 0) {
            return new GtdDate(String.format(Locale.ROOT, "%04d-01-01", y), "year", null, null);
        } else if (d == 0) {
            return new GtdDate(String.format(Locale.ROOT, "%04d-%02d-01", y, m), "month", null, null);
        }
        return new GtdDate(String.format(Locale.ROOT, "%04d-%02d-%02d", y, m, d), "day", null, null);
    }

    private static GtdDate failed(String column, String problem) {
        return new GtdDate(null, null, problem, column);
    }

    /** A whole number as GTD's CSV (2011) or a workbook (2011 or 2011.0) writes it, or null. */
    private static Integer number(String text) {
        String t = text.trim();
        if (t.matches("\\d{1,4}(\\.0*)?")) {
            return Integer.parseInt(t.contains(".") ? t.substring(0, t.indexOf('.')) : t);
        }
        return null;
    }
}
