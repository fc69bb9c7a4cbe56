package kz.incidentmap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kz.incidentmap.model.DateSpan;
import kz.incidentmap.model.Incident;
import kz.incidentmap.tools.SyntheticIncidents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** incident_points says of every incident what its full record says, after every kind of write. */
class IncidentPointsTest {

    @TempDir
    Path dir;

    /** What the points should be, worked out from the full records. */
    private static Map<String, String> expected(IncidentStore store) throws StoreException {
        Map<String, String> m = new TreeMap<>();
        for (Incident i : store.all()) {
            m.put(i.id(), i.lon() + " " + i.lat() + " " + i.type() + " "
                    + (i.date() == null ? IncidentPoints.NO_DAY : i.date().toEpochDay()) + " "
                    + (i.maxKilled().orElse(0) + i.maxWounded().orElse(0)) + " " + facts(i));
        }
        return m;
    }

    /** What a filter reads beyond the points: the date's span, the casualty figures' range, sub-type and location precision. */
    private static String facts(Incident i) {
        DateSpan span = DateSpan.of(i);
        return (span == null ? IncidentPoints.NO_DAY + ".." + IncidentPoints.NO_DAY : span.firstDay() + ".." + span.lastDay())
                + " killed " + i.minKilled().orElse(-1) + "-" + i.maxKilled().orElse(-1)
                + " wounded " + i.minWounded().orElse(-1) + "-" + i.maxWounded().orElse(-1) + " "
                + (i.subType() == null ? -1 : i.subType().ordinal()) + " "
                + (i.locationPrecision() == null ? -1 : i.locationPrecision().ordinal());
    }

    /** The points as read, keyed by incident id through the row id. */
    private static Map<String, String> actual(IncidentStore store) throws Exception {
        IncidentPoints p = store.points();
        Map<Long, String> idOf = new TreeMap<>();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + store.file());
                var s = c.createStatement(); var rs = s.executeQuery("SELECT fid, uuid FROM incidents")) {
            while (rs.next()) {
                idOf.put(rs.getLong(1), rs.getString(2));
            }
        }
        Map<String, String> m = new TreeMap<>();
        for (int r = 0; r < p.size(); r++) {
            m.put(idOf.get(p.fid(r)), p.lon(r) + " " + p.lat(r) + " " + p.type(r) + " " + p.day(r) + " " + p.casualties(r)
                    + " " + p.spanStart(r) + ".." + p.spanEnd(r) + " killed " + p.killedMin(r) + "-" + p.killedMax(r)
                    + " wounded " + p.woundedMin(r) + "-" + p.woundedMax(r) + " " + p.subType(r) + " "
                    + p.locationPrecision(r));
        }
        return m;
    }

    @Test
    void pointsFollowAddsReplacesDeletesAndMerges() throws Exception {
        Path db = StoreFixtures.seededStore(dir);
        try (IncidentStore store = IncidentStore.open(db)) {
            assertEquals(16, store.points().size());
            assertEquals(expected(store), actual(store));
            Incident added = store.add(StoreEditsTest.newIncident(StoreEditsTest.NEW_ID, 69.59, 42.32));
            store.replace(added.withPosition(76.95, 43.25));
            store.delete(StoreFixtures.TARAZ_BLAST);
            List<Incident> synthetic = new ArrayList<>();
            SyntheticIncidents.forMaps(Path.of("maps"), 11).incidents(400)
                    .forEachRemaining(synthetic::add);
            store.merge(synthetic);
            assertEquals(16 + 400, store.points().size());
            assertEquals(expected(store), actual(store));
        }
    }

    @Test
    void rowsAddedByAnotherProgramAreStillLoaded() throws Exception {
        Path db = StoreFixtures.seededStore(dir);
        try (var c = StoreConnections.openReadWrite(db); var s = c.createStatement()) {
            // As another GeoPackage editor would: a row in incidents (the R-tree trigger fires), none in incident_points.
            s.execute("INSERT INTO incidents (geom, uuid, title, type, date, created, updated)"
                    + " SELECT geom, 'added-elsewhere', 'Copy', type, date, created, updated FROM incidents"
                    + " WHERE uuid = '" + StoreFixtures.TARAZ_BLAST + "'");
        }
        try (IncidentStore store = IncidentStore.openForViewing(db)) {
            assertEquals(17, store.points().size());
            assertEquals(expected(store), actual(store));
        }
    }

    @Test
    void aTypeCodeWrittenByAnotherProgramInOtherCaseIsReadAsEveryReaderReadsIt() throws Exception {
        Path db = StoreFixtures.seededStore(dir);
        try (var c = StoreConnections.openReadWrite(db); var s = c.createStatement()) {
            String blast = "fid = (SELECT fid FROM incidents WHERE uuid = '" + StoreFixtures.TARAZ_BLAST + "')";
            assertEquals(1, s.executeUpdate("UPDATE incident_points SET type = ' ' || upper(type) WHERE " + blast));
        }
        try (IncidentStore store = IncidentStore.openForViewing(db)) {
            assertEquals(expected(store), actual(store), "the same types as the incidents rows give");
        }
        try (var c = StoreConnections.openReadWrite(db); var s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE incident_points SET type = 'stampede' WHERE type LIKE ' %'"));
        }
        try (IncidentStore store = IncidentStore.openForViewing(db)) {
            StoreException e = assertThrows(StoreException.class, store::points);
            assertTrue(e.getMessage().contains("'type'") && e.getMessage().contains("stampede"), e.getMessage());
        }
    }

    @Test
    void anUpgradedFileGetsItsPointsAndAnOldFileOpenForViewingIsReadWithoutThem() throws Exception {
        Path db = dir.resolve("incidents.gpkg");
        Files.copy(Path.of("src/test/resources/store/incidents-v1.gpkg"), db, StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> fromV1;
        try (IncidentStore old = IncidentStore.openForViewing(db)) {
            fromV1 = actual(old);
            assertEquals(expected(old), fromV1);
        }
        try (IncidentStore store = IncidentStore.open(db)) {
            assertTrue(store.upgradeBackup().isPresent());
            assertEquals(expected(store), actual(store));
            // The upgrade gives each incident the sub-type its version-1 type maps onto; the rest is as read before.
            assertEquals(withoutSubTypes(fromV1), withoutSubTypes(actual(store)));
        }
    }

    /** The points as {@link #actual} words them, without the sub-type (the next to last word). */
    private static Map<String, String> withoutSubTypes(Map<String, String> points) {
        Map<String, String> m = new TreeMap<>();
        points.forEach((id, p) -> m.put(id, p.replaceAll(" -?\\d+( -?\\d+)$", "$1")));
        return m;
    }
}
