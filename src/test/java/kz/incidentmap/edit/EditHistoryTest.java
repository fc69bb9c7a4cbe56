package kz.incidentmap.edit;

import static kz.incidentmap.edit.EditFixtures.TODAY;
import static kz.incidentmap.edit.EditFixtures.draft;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import kz.incidentmap.model.Incident;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each edit is saved at once, and undo and redo put the store back exactly. */
class EditHistoryTest {

    private static final String TARAZ_BLAST = "982063d9-8906-458e-8e2a-d7155d4e8d6f";

    @TempDir
    Path dir;

    private final IncidentValidator validator = new IncidentValidator(EditFixtures.oblasts());

    @Test
    void addEditDeleteWithUndoAndRedo() throws Exception {
        Path db = EditFixtures.seededStore(dir);
        try (IncidentStore store = IncidentStore.open(db)) {
            EditHistory history = new EditHistory(new EditService(store, EditFixtures.oblasts()));
            Incident typed = validator.check(draft(), TODAY).incident();

            Incident added = history.execute(new AddIncident(typed)).incident();
            assertEquals(17, store.count());
            assertEquals(Optional.of(added), store.byId(typed.id()));
            assertEquals(Optional.of("Add 'Shooting at a checkpoint'"), history.undoLabel());

            Incident moved = validator.check(withLat(IncidentDraft.of(added), "43.25", "76.95"), TODAY).incident();
            Incident edited = history.execute(new UpdateIncident(added, moved)).incident();
            assertEquals("Almaty city", edited.oblast(), "the oblast follows the point");
            assertEquals(added.created(), edited.created());

            Incident blast = store.byId(TARAZ_BLAST).orElseThrow();
            history.execute(new DeleteIncident(blast));
            assertTrue(store.byId(TARAZ_BLAST).isEmpty());

            history.undo();
            assertEquals(Optional.of(blast), store.byId(TARAZ_BLAST), "undo of delete restores the record exactly");
            history.undo();
            assertEquals("Turkistan Region", store.byId(typed.id()).orElseThrow().oblast());
            history.undo();
            assertTrue(store.byId(typed.id()).isEmpty());
            assertEquals(16, store.count());
            assertTrue(history.undo().isEmpty(), "nothing more to undo");

            history.redo();
            assertEquals(added, store.byId(typed.id()).orElseThrow(), "redo of add gives the same record");
            history.redo();
            history.redo();
            assertTrue(store.byId(TARAZ_BLAST).isEmpty());
            assertFalse(history.redoLabel().isPresent());
        }
    }

    @Test
    void aFailedStepIsNotRecordedAndChangesNothing() throws Exception {
        Path db = EditFixtures.seededStore(dir);
        try (IncidentStore store = IncidentStore.open(db)) {
            EditHistory history = new EditHistory(new EditService(store, EditFixtures.oblasts()));
            Incident blast = store.byId(TARAZ_BLAST).orElseThrow();
            history.execute(new DeleteIncident(blast));
            byte[] before = Files.readAllBytes(db);
            StoreException e = assertThrows(StoreException.class,
                    () -> history.execute(new DeleteIncident(blast)));
            assertTrue(e.getMessage().contains("no longer in the store"), e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(db));
            assertEquals(Optional.of("Delete '" + blast.title() + "'"), history.undoLabel());
        }
    }

    private static IncidentDraft withLat(IncidentDraft d, String lat, String lon) {
        return new IncidentDraft(d.id(), d.title(), d.type(), d.subType(), d.date(), d.datePrecision(), d.time(),
                d.place(), d.oblast(), lon, lat, d.locationPrecision(), d.perpetrator(), d.claimedBy(),
                d.description(), d.eventGroup(), d.tags(), d.created(), d.updated(), d.sources());
    }
}
