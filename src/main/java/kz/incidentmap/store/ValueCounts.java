package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The values a text column of the incidents takes, each with the number of incidents that have it, most
 * frequent first: what a filter offers to pick from (perpetrators, groups claiming, oblasts).
 */
public final class ValueCounts {

    /** The columns a filter picks values from. */
    public enum Column {
        PERPETRATOR("perpetrator"), CLAIMED_BY("claimed_by"), OBLAST("oblast");

        private final String sql;

        Column(String sql) {
            this.sql = sql;
        }
    }

    /** One value and how many incidents have it. */
    public record ValueCount(String value, int count) {
    }

    private ValueCounts() {
    }

    /** The values of {@code column} (blank ones left out), most frequent first, then by value. */
    static List<ValueCount> read(Connection c, Column column) throws SQLException {
        List<ValueCount> out = new ArrayList<>();
        String v = "trim(" + column.sql + ")";
        try (PreparedStatement ps = c.prepareStatement("SELECT " + v + ", count(*) FROM incidents WHERE " + v
                + " <> '' GROUP BY " + v + " ORDER BY count(*) DESC, " + v); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ValueCount(rs.getString(1), rs.getInt(2)));
            }
        }
        return out;
    }
}
