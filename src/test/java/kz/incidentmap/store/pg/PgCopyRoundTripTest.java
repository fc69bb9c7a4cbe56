package kz.incidentmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.SavedView;
import kz.incidentmap.store.GeoPackageRecords;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.WholeRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped record moved to a server and back into a new GeoPackage reads the same, record by record:
 * every incident as {@link IncidentStore#all()} gives it, the saved views and the vocabulary.
 */
@ExtendWith(ScratchServer.class)
class PgCopyRoundTripTest {

    private static final Path SEED = Path.of("data", "incidents.json");

    @Test
    void theShippedRecordGoesToTheServerAndBackUnchanged(ScratchServer.Server server, @TempDir Path dir)
            throws Exception {
        // The shipped store as the app makes it on first start, with a view and a sub-type of its own.
        Path original = dir.resolve("incidents.gpkg");
        IncidentStore.createIfMissing(original, SEED);
        try (IncidentStore store = IncidentStore.open(original)) {
            IncidentSubType own = store.addSubType(IncidentType.EXPLOSION, "Car bomb", "star", "#AA3300");
            Incident first = store.all().stream().filter(i -> i.type() == IncidentType.EXPLOSION).findFirst()
                    .orElseThrow();
            store.replace(new Incident(first.id(), first.title(), first.type(), first.date(), first.datePrecision(),
                    first.place(), first.oblast(), first.lon(), first.lat(), first.locationPrecision(),
                    first.perpetrator(), first.claimedBy(), first.description(), first.eventGroup(), first.sources(),
                    first.claims(), own, first.time(), List.of("moved", "twice"), first.created(), first.updated()));
            store.saveView(new SavedView("Taraz and around", 70.5, 42.2, 72.0, 43.5, 400_000,
                    "{\"since\":\"2011-01-01\"}", "{\"layers\":[]}", Instant.parse("2025-01-02T03:04:05.006Z")));
        }
        ServerAddress at = server.newDatabase(true);
        try (GeoPackageRecords from = GeoPackageRecords.at(original); PgRecords to = PgRecords.connect(at, Map.of())) {
            to.writeAll(WholeRecord.of(from));
        }
        Path back = dir.resolve("back.gpkg");
        try (PgRecords from = PgRecords.connect(at, Map.of()); GeoPackageRecords to = GeoPackageRecords.at(back)) {
            to.writeAll(WholeRecord.of(from));
        }
        try (IncidentStore a = IncidentStore.openForViewing(original); IncidentStore b = IncidentStore.openForViewing(back)) {
            List<Incident> before = a.all();
            assertTrue(before.size() > 10, "the shipped record has its incidents");
            assertTrue(before.stream().anyMatch(i -> i.subType() != null && !i.subType().builtIn()));
            assertEquals(before, b.all());
            assertEquals(1, b.views().size());
            assertEquals(a.views(), b.views());
            assertEquals(a.vocabulary().subTypes(), b.vocabulary().subTypes());
            assertEquals(a.sources("", 1000), b.sources("", 1000));
        }
    }
}
