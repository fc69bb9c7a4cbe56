package kz.incidentmap.exchange;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import kz.incidentmap.edit.IncidentValidator;
import kz.incidentmap.edit.OblastLocator;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Credibility;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Reliability;
import kz.incidentmap.model.Source;
import kz.incidentmap.store.IncidentStore;
import kz.incidentmap.store.StoreException;

/** Shared fixtures of the import and export tests. */
final class ExchangeFixtures {

    static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    static final Path ACLED_SAMPLE = Path.of("src/test/resources/exchange/acled-sample.csv");

    private ExchangeFixtures() {
    }

    static RecordImporter importer() {
        try {
            return new RecordImporter(new IncidentValidator(OblastLocator.load(Path.of("maps"))), TODAY);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of the record of {@link #richStore} that uses every field. */
    static final String RICH = "0b4f5f1e-8a53-4a4e-9a57-2f1a1d2b3c4d";

    /**
     * The curated store plus one record that uses every field (time, tags, URL, a comma and quotes, a
     * graded source and one not graded, claims of two credibilities and one not rated).
     */
    static Path richStore(Path dir) throws StoreException {
        Path db = dir.resolve("rich.gpkg");
        IncidentStore.createIfMissing(db, Path.of("data/incidents.json"));
        Source s = new Source("edit-test", "A report, \"quoted\"", "Test news", "https://example.org/a?b=1&c=2",
                LocalDate.of(2012, 3, 4), "ru", Reliability.B);
        Source t = new Source("edit-test-2", "Second report", null, null, null, "kk");
        Incident rich = new Incident("0b4f5f1e-8a53-4a4e-9a57-2f1a1d2b3c4d", "Shooting at a checkpoint, Shymkent",
                IncidentType.ARMED_ATTACK, LocalDate.of(2012, 3, 3), DatePrecision.DAY, "Shymkent, <ring road>",
                "Turkistan Region", 69.5901234567, 42.3209876543, LocationPrecision.STREET, "unknown gunmen", "nobody",
                "Line one.\nLine two, with a comma; and a semicolon.", "group-x", List.of(s, t),
                List.of(new Claim("edit-test", 2, 5, LocalDate.of(2012, 3, 3), "first figure", Credibility.CONFIRMED),
                        new Claim("edit-test", 3, 5, null, "revised the next day", Credibility.IMPROBABLE),
                        new Claim("edit-test-2", null, 4, null, null)),
                IncidentSubType.ATTACK_ON_CIVILIANS, LocalTime.of(14, 30), List.of("checkpoint", "police"),
                Instant.parse("2024-01-02T03:04:05.678Z"), Instant.parse("2024-02-03T04:05:06.789Z"));
        try (IncidentStore store = IncidentStore.open(db)) {
            store.add(rich);
        }
        return db;
    }

    static Path emptyStore(Path dir, String name) throws StoreException {
        Path db = dir.resolve(name);
        IncidentStore.createEmpty(db);
        return db;
    }
}
