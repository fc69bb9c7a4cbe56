package kz.incidentmap.view;

import java.time.LocalDate;
import kz.incidentmap.i18n.Texts;
import kz.incidentmap.layers.FormerName;
import kz.incidentmap.layers.Gazetteer;

/**
 * The search's places in the window's language: "Taraz, Zhambyl Region · 358,153 people" as a suggestion,
 * "Taraz · city, Zhambyl Region · …" as a candidate, and how a name matched ("Nur-Sultan — the name of
 * Astana from 23 March 2019 to 17 September 2022").
 */
final class PlaceWords {

    private PlaceWords() {
    }

    /** A suggestion: the place, its oblast and its population. */
    static String description(Gazetteer.Place p, Texts t) {
        if (p.kind() == Gazetteer.Kind.OBLAST) {
            return p.name();
        }
        return p.name() + (p.oblast() == null ? "" : ", " + p.oblast()) + population(p, t);
    }

    /** A candidate where a name means several places: what each is. */
    static String candidate(Gazetteer.Place p, Texts t) {
        if (p.kind() == Gazetteer.Kind.OBLAST) {
            return p.name();
        }
        return p.name() + " \u00b7 " + (p.oblast() == null ? t.text("place.city") : t.format("place.cityIn", p.oblast()))
                + population(p, t);
    }

    /** "Nur-Sultan — the name of Astana from … to …", or the place's own name when that matched. */
    static String says(Gazetteer.Match m, Texts t) {
        return m.note() == null ? m.place().name() : m.matched() + " \u2014 " + note(m, t);
    }

    /** A candidate, and the name that matched when it is not the place's own. */
    static String label(Gazetteer.Match m, Texts t) {
        return candidate(m.place(), t) + (m.note() == null ? "" : " \u2014 " + says(m, t));
    }

    private static String note(Gazetteer.Match m, Texts t) {
        String place = m.place().name();
        FormerName f = m.former();
        if (f == null) {
            return t.format("place.otherName", place);
        }
        if (isDay(f.from()) && isDay(f.to())) {
            return t.format("place.formerDays", place, t.date(LocalDate.parse(f.from())), t.date(LocalDate.parse(f.to())));
        }
        String years = f.from() != null && f.to() != null ? " (" + f.from() + "\u2013" + f.to() + ")"
                : f.to() != null ? " " + t.format("place.until", f.to())
                : f.from() != null ? " " + t.format("place.since", f.from()) : "";
        return t.format("place.formerName", place) + years;
    }

    private static String population(Gazetteer.Place p, Texts t) {
        return p.population() > 0 ? " \u00b7 " + t.format("place.population", t.number(p.population())) : "";
    }

    private static boolean isDay(String date) {
        return date != null && date.length() == 10;
    }
}
