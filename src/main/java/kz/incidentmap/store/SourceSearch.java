package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.incidentmap.model.Reliability;
import kz.incidentmap.model.Source;

/**
 * Finds stored sources whose title or publisher contains a text, any case, for the form's "pick a
 * source": a source picked is shared by key, so its claims join the ones it already has.
 */
final class SourceSearch {

    private SourceSearch() {
    }

    static List<Source> find(Connection c, String text, int limit) throws SQLException {
        String like = "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        List<Source> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, title, publisher, url, published, language, "
                + GradeColumns.reliability(GradeColumns.present(c)) + " FROM sources WHERE lower(title) LIKE ? ESCAPE '\\' OR lower(publisher) LIKE ? ESCAPE '\\'"
                + " ORDER BY title, key LIMIT ?")) {
            ps.setString(1, like);
            ps.setString(2, like);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Source(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            date(rs.getString(5)), rs.getString(6), grade(rs.getString(7))));
                }
            }
        }
        return out;
    }

    private static Reliability grade(String text) {
        try {
            return Reliability.fromOptional(text);
        } catch (IllegalArgumentException e) {
            return null; // another program's odd grade: the source is still offered, ungraded
        }
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null; // another program's odd date: the source is still offered, without it
        }
    }
}
