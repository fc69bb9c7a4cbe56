package kz.incidentmap.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's vocabulary: made by the upgrade from version 4, added to, kept with the records that use it. */
class StoreVocabularyTest {

    @TempDir
    Path dir;

    @Test
    void theUpgradeFromVersion4BacksUpAndWritesEveryBuiltInSubTypeKeepingTheFacts() throws Exception {
        Path db = StoreFixtures.version4Copy(dir);
        byte[] original = Files.readAllBytes(db);
        String factsBefore = StoredFacts.inPoints(db).toString();
        try (IncidentStore store = IncidentStore.open(db)) {
            Path backup = store.upgradeBackup().orElseThrow();
            assertEquals("incidents.gpkg.bak-v4", backup.getFileName().toString());
            assertArrayEquals(original, Files.readAllBytes(backup));
            assertEquals(IncidentSubType.BUILT_IN, store.vocabulary().subTypes());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            assertEquals(IncidentSubType.BUILT_IN.size(), count(s, "SELECT count(*) FROM incident_vocabulary WHERE built_in = 1"));
            assertEquals(1, count(s, "SELECT count(*) FROM gpkg_contents WHERE table_name = 'incident_vocabulary'"
                    + " AND data_type = 'attributes'"), "registered for GIS programs");
            assertEquals(0, count(s, "SELECT count(*) FROM incidents i WHERE sub_type NOT IN (SELECT code FROM incident_vocabulary)"),
                    "every stored code is named there");
        }
        assertEquals(factsBefore, StoredFacts.inPoints(db).toString(), "the numbers in incident_points stay");
        assertEquals(List.of(), StoreVerifier.problems(db));
    }

    @Test
    void anAddedSubTypeIsKeptDrawnFromItsNumberAndFoundAgainAfterReopening() throws Exception {
        Path db = StoreFixtures.seededStore(dir);
        IncidentSubType strike;
        try (IncidentStore store = IncidentStore.open(db)) {
            strike = store.addSubType(IncidentType.PROTEST, "Hunger strike", "star", "#1B7837");
            assertEquals(IncidentSubType.BUILT_IN.size(), strike.ordinal(), "numbered after the built-in ones");
            assertEquals(strike, store.addSubType(IncidentType.PROTEST, " hunger STRIKE ", null, null), "asked twice");
            Incident threat = store.byId(StoreFixtures.THREAT).orElseThrow();
            Incident asStrike = new Incident(threat.id(), threat.title(), IncidentType.PROTEST, threat.date(),
                    threat.datePrecision(), threat.place(), threat.oblast(), threat.lon(), threat.lat(),
                    threat.locationPrecision(), threat.perpetrator(), threat.claimedBy(), threat.description(),
                    threat.eventGroup(), threat.sources(), threat.claims(), strike, threat.time(), threat.tags(), null, null);
            store.replace(asStrike);
        }
        try (IncidentStore store = IncidentStore.open(db)) {
            assertEquals(strike, store.vocabulary().require("hunger_strike"));
            assertEquals(strike, store.byId(StoreFixtures.THREAT).orElseThrow().subType());
            IncidentPoints points = store.points();
            int row = -1;
            for (int r = 0; r < points.size(); r++) {
                if (points.type(r) == IncidentType.PROTEST) {
                    row = r;
                }
            }
            assertEquals(strike.ordinal(), points.subType(row), "the map's facts hold its number");
        }
        assertEquals(List.of(), StoreVerifier.problems(db));
    }

    @Test
    void aSubTypeAnImportMetIsWrittenWithTheFirstRecordThatUsesIt() throws Exception {
        Path db = StoreFixtures.seededStore(dir);
        Vocabulary v;
        try (IncidentStore store = IncidentStore.open(db)) {
            v = store.vocabulary();
            IncidentSubType sit = v.add(IncidentType.PROTEST, "Sit-in", null, null);
            Incident threat = store.byId(StoreFixtures.THREAT).orElseThrow();
            store.merge(List.of(new Incident("11111111-2222-4333-8444-555555555555", "A sit-in", IncidentType.PROTEST,
                    threat.date(), threat.datePrecision(), "Almaty", null, 76.93, 43.26, threat.locationPrecision(),
                    null, null, null, null, threat.sources(), threat.claims(), sit, null, List.of(), null, null)));
        }
        try (IncidentStore store = IncidentStore.openForViewing(db)) {
            assertEquals("sit_in", store.byId("11111111-2222-4333-8444-555555555555").orElseThrow().subType().code());
        }
    }

    @Test
    void aBlankNameOrAnUnknownShapeIsRefusedAndNothingIsWritten() throws Exception {
        Path db = StoreFixtures.seededStore(dir);
        byte[] before = Files.readAllBytes(db);
        try (IncidentStore store = IncidentStore.open(db)) {
            IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                    () -> store.addSubType(IncidentType.RIOT, "  ", null, null));
            assertEquals("a sub-type needs a name", blank.getMessage());
            IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                    () -> store.addSubType(IncidentType.RIOT, "Stone throwing", "blob", null));
            assertTrue(shape.getMessage().startsWith("unknown marker shape 'blob'"), shape.getMessage());
            assertEquals(IncidentSubType.BUILT_IN, store.vocabulary().subTypes());
        }
        assertArrayEquals(before, Files.readAllBytes(db));
    }

    private static int count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }
}
