package kz.incidentmap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.incidentmap.model.Claim;
import kz.incidentmap.model.Credibility;
import kz.incidentmap.model.DatePrecision;
import kz.incidentmap.model.Incident;
import kz.incidentmap.model.IncidentSubType;
import kz.incidentmap.model.IncidentType;
import kz.incidentmap.model.LocationPrecision;
import kz.incidentmap.model.Reliability;
import kz.incidentmap.model.SavedView;
import kz.incidentmap.model.Source;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RecordStore} does, whatever keeps the record: one subclass per kind of store runs
 * it (the GeoPackage file, the PostgreSQL server).
 */
public abstract class RecordStoreContract {

    static final Instant CREATED = Instant.parse("2024-03-01T08:15:30.125Z");
    static final Instant UPDATED = Instant.parse("2024-03-02T17:45:00.500Z");

    /** A store that holds nothing yet, not even its tables. */
    protected abstract RecordStore fresh() throws Exception;

    /** Another handle on the record {@code s} keeps (closing {@code s}). */
    protected abstract RecordStore reopen(RecordStore s) throws Exception;

    /** Whether {@code s} is exactly as {@link #fresh} made it: nothing written at all. */
    protected abstract boolean untouched(RecordStore s) throws Exception;

    /** A store of an older schema version than the current one. */
    protected abstract RecordStore older() throws Exception;

    /** How many incidents {@link #older} holds. */
    protected abstract int olderIncidents();

    /** The schema version {@code s} has, and the current one of its kind. */
    protected abstract int schemaVersion(RecordStore s) throws Exception;

    protected abstract int currentVersion();

    static final Source BLOG = new Source("blog-1", "A blog post", "Someone", "https://example.org/1",
            LocalDate.of(2024, 2, 28), "ru", Reliability.C);
    static final Source AGENCY = new Source("agency-1", "Wire report", "Agency", null, null, "en");
    static final Source UNCITED = new Source("uncited", "Nobody cites this", null, null, null, "kk", Reliability.F);
    static final IncidentSubType CAR_BOMB = IncidentSubType.added(IncidentSubType.BUILT_IN.size(),
            IncidentType.EXPLOSION, "Car bomb", "star", "#C04000");

    public static Incident full() {
        return new Incident("11111111-1111-4111-8111-111111111111", "Car bomb at the akimat", IncidentType.EXPLOSION,
                LocalDate.of(2024, 2, 27), DatePrecision.DAY, "Taraz, Tole Bi street", "Zhambyl", 71.3667, 42.9,
                LocationPrecision.EXACT, "Unknown group", "Nobody", "A car exploded; \"quoted\" and Кириллица.",
                "taraz-2024", List.of(BLOG, AGENCY),
                List.of(new Claim("blog-1", 3, null, LocalDate.of(2024, 2, 27), "early count", Credibility.of(3)),
                        new Claim("agency-1", 2, 11, null, "a note, no grade"),
                        new Claim("agency-1", null, null, null, null),
                        new Claim("blog-1", 4, 12, null, "revised", Credibility.of(2))),
                CAR_BOMB, LocalTime.of(9, 41, 5), List.of("car", "akimat"), CREATED, UPDATED);
    }

    static Incident bare() {
        return new Incident("22222222-2222-4222-8222-222222222222", "Threat", IncidentType.THREAT, null, null, null,
                null, 51.88, 47.1, null, null, null, null, null, List.of(), List.of(), null, null, List.of(),
                CREATED, CREATED);
    }

    static SavedView view(String name, double scale) {
        return new SavedView(name, 68.0, 41.0, 80.5, 46.25, scale, "{\"types\":[\"explosion\"]}",
                "{\"layers\":[]}", Instant.parse("2024-03-03T10:00:00.250Z"));
    }

    public static WholeRecord sample() {
        return new WholeRecord(List.of(AGENCY, BLOG, UNCITED), List.of(full(), bare()),
                List.of(view("Taraz", 250_000), view("country", Double.NaN)), List.of(CAR_BOMB));
    }

    @Test
    public void aStoreMadeHoldsAnEmptyRecordOfTheCurrentVersion() throws Exception {
        try (RecordStore s = fresh()) {
            s.ensureSchema();
            try (RecordStore again = reopen(s)) {
                assertEquals(List.of(), again.incidents());
                assertEquals(List.of(), again.sources());
                assertEquals(List.of(), again.views());
                assertEquals(IncidentSubType.BUILT_IN, again.vocabulary().subTypes());
                assertEquals(currentVersion(), schemaVersion(again));
            }
        }
    }

    @Test
    public void aWholeRecordWrittenReadsBackTheSame() throws Exception {
        try (RecordStore s = fresh()) {
            s.writeAll(sample());
            try (RecordStore again = reopen(s)) {
                assertEquals(byId(sample().incidents()), byId(again.incidents()));
                assertEquals(byKey(sample().sources()), byKey(again.sources()));
                assertEquals(sample().views().stream().sorted(java.util.Comparator.comparing(SavedView::name,
                        String.CASE_INSENSITIVE_ORDER)).toList(), again.views());
                assertEquals(List.of(CAR_BOMB), again.vocabulary().added());
            }
        }
    }

    @Test
    public void theWholeRecordReadsAsWritten() throws Exception {
        try (RecordStore s = fresh()) {
            s.writeAll(sample());
            try (RecordStore again = reopen(s)) {
                WholeRecord read = again.whole();
                assertEquals(byId(sample().incidents()), byId(read.incidents()));
                assertEquals(byKey(sample().sources()), byKey(read.sources()));
                assertEquals(2, read.views().size());
                assertEquals(sample().addedSubTypes(), read.addedSubTypes());
            }
        }
    }

    @Test
    public void claimsKeepTheirOrderFiguresNotesAndGrades() throws Exception {
        try (RecordStore s = fresh()) {
            s.writeAll(sample());
            try (RecordStore again = reopen(s)) {
                Incident read = byId(again.incidents()).get(full().id());
                assertEquals(full().claims(), read.claims());
                assertEquals("2\u20134", read.killedRange());
                assertEquals(List.of(BLOG, AGENCY), read.sources());
                assertEquals(List.of(), byId(again.incidents()).get(bare().id()).claims());
            }
        }
    }

    @Test
    public void viewsKeepTheirAreaScaleFilterAndLayers() throws Exception {
        try (RecordStore s = fresh()) {
            s.writeAll(sample());
            try (RecordStore again = reopen(s)) {
                Map<String, SavedView> views = again.views().stream()
                        .collect(Collectors.toMap(SavedView::name, Function.identity()));
                assertEquals(view("Taraz", 250_000), views.get("Taraz"));
                assertTrue(Double.isNaN(views.get("country").scale()), "a view without a scale keeps none");
                assertEquals(view("country", Double.NaN).filter(), views.get("country").filter());
            }
        }
    }

    @Test
    public void anAddedSubTypeKeepsItsNumberSymbolAndRecords() throws Exception {
        try (RecordStore s = fresh()) {
            s.writeAll(sample());
            try (RecordStore again = reopen(s)) {
                IncidentSubType read = again.vocabulary().subType("car_bomb").orElseThrow();
                assertEquals(CAR_BOMB, read);
                assertEquals(IncidentSubType.BUILT_IN.size(), read.ordinal());
                assertEquals(read, byId(again.incidents()).get(full().id()).subType());
            }
        }
    }

    @Test
    public void aSecondWholeRecordIsRefusedAndChangesNothing() throws Exception {
        try (RecordStore s = fresh()) {
            s.writeAll(sample());
            WholeRecord other = new WholeRecord(List.of(UNCITED), List.of(), List.of(view("other", 1000)), List.of());
            assertThrows(StoreException.class, () -> s.writeAll(other));
            try (RecordStore again = reopen(s)) {
                assertEquals(2, again.incidents().size());
                assertEquals(2, again.views().size());
            }
        }
    }

    @Test
    public void aWriteThatFailsPartWayLeavesNothingWritten() throws Exception {
        // The second incident's claim cites a source the record does not hold: the write fails after
        // the sources, the vocabulary and the first incident went in.
        Incident broken = bare().withLinks(List.of(), List.of(new Claim("missing-source", 1, 0, null, null)));
        WholeRecord bad = new WholeRecord(List.of(AGENCY, BLOG), List.of(full(), broken), List.of(view("v", 1000)),
                List.of(CAR_BOMB));
        try (RecordStore s = fresh()) {
            StoreException e = assertThrows(StoreException.class, () -> s.writeAll(bad));
            assertTrue(e.getMessage().startsWith(s.where()), e.getMessage());
            assertTrue(untouched(s), "nothing of the failed write is left in " + s.where());
        }
    }

    @Test
    public void anOlderStoreIsBroughtToTheCurrentVersionWithItsRecord() throws Exception {
        try (RecordStore s = older()) {
            assertTrue(schemaVersion(s) < currentVersion());
            s.ensureSchema();
            try (RecordStore again = reopen(s)) {
                assertEquals(currentVersion(), schemaVersion(again));
                assertEquals(olderIncidents(), again.incidents().size());
            }
        }
    }

    static Map<String, Incident> byId(List<Incident> incidents) {
        return incidents.stream().collect(Collectors.toMap(Incident::id, Function.identity()));
    }

    static Map<String, Source> byKey(List<Source> sources) {
        return sources.stream().collect(Collectors.toMap(Source::key, Function.identity()));
    }
}
