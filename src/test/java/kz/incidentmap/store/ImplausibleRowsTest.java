package kz.incidentmap.store;

import static kz.incidentmap.store.StoreFixtures.BLOG;
import static kz.incidentmap.store.StoreFixtures.TARAZ_TOTAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows another program wrote with values outside the plausible ranges, or a count that is not a whole
 * number, are reported when the store reads them, naming the file, the record and the field: never
 * turned into 0 or passed on.
 */
class ImplausibleRowsTest {

    @TempDir
    Path dir;

    private Path db;

    @BeforeEach
    void seed() throws Exception {
        db = StoreFixtures.seededStore(dir);
    }

    /** Runs one statement with one parameter, as another program editing the file would. */
    private void write(String sql, Object value) throws Exception {
        try (Connection c = StoreConnections.openReadWrite(db); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, value);
            assertTrue(ps.executeUpdate() > 0, sql);
        }
    }

    private String refusal() {
        try (IncidentStore store = IncidentStore.openForViewing(db)) {
            return assertThrows(StoreException.class, store::all).getMessage();
        } catch (StoreException e) {
            throw new AssertionError("the store did not open", e);
        }
    }

    @Test
    void aCountWrittenAsTextIsReportedNotReadAsZero() throws Exception {
        write("UPDATE claims SET killed = ? WHERE incident_uuid = '" + TARAZ_TOTAL + "' AND source_key = '" + BLOG + "'",
                "many");
        assertEquals(db + ": claims of incident " + TARAZ_TOTAL + " (source " + BLOG + "): field 'killed': 'many' is not"
                + " a whole number", refusal());
    }

    @Test
    void aFractionOrAHugeCountIsReported() throws Exception {
        write("UPDATE claims SET wounded = ? WHERE incident_uuid = '" + TARAZ_TOTAL + "' AND source_key = '" + BLOG
                + "'", 2.5);
        assertEquals(db + ": claims of incident " + TARAZ_TOTAL + " (source " + BLOG + "): field 'wounded': '2.5' is"
                + " not a whole number", refusal());
        write("UPDATE claims SET wounded = ? WHERE incident_uuid = '" + TARAZ_TOTAL + "' AND source_key = '" + BLOG
                + "'", 2_000_000_000L);
        assertEquals(db + ": claims of incident " + TARAZ_TOTAL + " (source " + BLOG + "): field 'wounded':"
                + " 2,000,000,000 is more than 100,000, the most a count may be", refusal());
    }

    @Test
    void datesOutsideTheRangeAreReportedWithTheirRecord() throws Exception {
        write("UPDATE incidents SET date = ? WHERE uuid = '" + TARAZ_TOTAL + "'", "1011-11-12");
        String m = refusal();
        assertTrue(m.matches(java.util.regex.Pattern.quote(db.toString()) + ": incidents row fid \\d+ \\(uuid "
                + TARAZ_TOTAL + "\\): field 'date': 1011-11-12 is before 1800-01-01, the earliest date a record may"
                + " hold"), m);
        write("UPDATE incidents SET date = ? WHERE uuid = '" + TARAZ_TOTAL + "'", "2011-11-12");
        write("UPDATE sources SET published = ? WHERE key = '" + BLOG + "'", "-0044-03-15");
        assertEquals(db + ": sources row key " + BLOG + ": field 'published': -0044-03-15 is before 1800-01-01, the"
                + " earliest date a record may hold", refusal());
        write("UPDATE sources SET published = NULL WHERE key = ?", BLOG);
        LocalDate tomorrowEverywhere = LocalDate.now(ZoneOffset.ofHours(14)).plusDays(1);
        write("UPDATE claims SET date = ? WHERE incident_uuid = '" + TARAZ_TOTAL + "' AND source_key = '" + BLOG + "'",
                tomorrowEverywhere.toString());
        assertEquals(db + ": claims of incident " + TARAZ_TOTAL + " (source " + BLOG + "): field 'date': "
                + tomorrowEverywhere + " is in the future", refusal());
    }

    @Test
    void todayWhereverTheDayHasBegunStillReads() throws Exception {
        // A record saved at 00:30 in Kiribati is dated a day ahead of the clock in Almaty or London.
        LocalDate latest = LocalDate.now(ZoneOffset.ofHours(14));
        write("UPDATE incidents SET date = ? WHERE uuid = '" + TARAZ_TOTAL + "'", latest.toString());
        try (IncidentStore store = IncidentStore.openForViewing(db)) {
            assertEquals(latest, store.byId(TARAZ_TOTAL).orElseThrow().date());
        }
    }
}
