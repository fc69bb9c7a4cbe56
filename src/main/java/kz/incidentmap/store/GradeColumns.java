package kz.incidentmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Whether a store has the grade columns of schema version 5 ({@code sources.reliability},
 * {@code claims.credibility}). A store opened for editing is always upgraded; one opened only for
 * viewing may be older, and its sources and claims are then read as not graded.
 */
final class GradeColumns {

    private GradeColumns() {
    }

    static boolean present(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM pragma_table_info('sources') WHERE name = 'reliability'");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    /** The column to select for a source's grade: the column itself, or NULL on an older store. */
    static String reliability(boolean present) {
        return present ? "reliability" : "NULL AS reliability";
    }

    /** The column to select for a claim's credibility: the column itself, or NULL on an older store. */
    static String credibility(boolean present) {
        return present ? "credibility" : "NULL AS credibility";
    }
}
