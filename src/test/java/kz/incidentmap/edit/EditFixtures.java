package kz.incidentmap.edit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;

/** Shared fixtures of the edit tests. */
final class EditFixtures {

    static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    private EditFixtures() {
    }

    static OblastLocator oblasts() {
        try {
            return OblastLocator.load(Path.of("maps"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path seededStore(Path dir) throws StoreException {
        Path db = dir.resolve("incidents.gpkg");
        IncidentStore.createIfMissing(db, Path.of("data/incidents.json"));
        return db;
    }

    /** A valid draft in Shymkent with one source making one claim. */
    static IncidentDraft draft() {
        return new IncidentDraft("", "Shooting at a checkpoint", "armed_attack", "attack_on_civilians", "2012-03-03",
                "day", "14:30", "Shymkent", "", "69.59", "42.32", "city", "", "", "A test record.", "",
                "checkpoint; police", "", "", List.of(new SourceDraft("", "A report", "Test news",
                        "https://example.org/a", "2012-03-04", "ru", "2", "5", "", "")));
    }
}
