package kz.incidentmap.store;

import java.nio.file.Path;

/** Shared paths and a seeded store for the store tests. */
final class StoreFixtures {

    /** The curated seed file of the project (tests run from the project directory). */
    static final Path SEED = Path.of("data", "incidents.json");

    static final String TARAZ_GROUP = "taraz-2011-11-12";
    static final String TARAZ_TOTAL = "16981ef3-7091-4c05-a89c-c0479e5ecfee";
    static final String TARAZ_BLAST = "982063d9-8906-458e-8e2a-d7155d4e8d6f";
    static final String THREAT = "2666654d-c4a8-4801-83fd-08d1b2c35200";
    static final String ATYRAU = "5eeac029-1f9f-4941-8e24-3001ccb410a1";
    static final String ASTANA_BLAST = "ea388955-d0b2-4a87-80f2-df710ead3d43";
    static final String BLOG = "blog-2011-11-12";
    static final String LWJ = "lwj-2011-11";

    /**
     * A real version-4 file, written by the version-4 code (the curated seed and the ACLED sample
     * imported, then vacuumed to 4 KiB pages).
     */
    static final Path V4 = Path.of("src/test/resources/store/incidents-v4.gpkg");

    /**
     * A real version-5 file: the version-4 file above upgraded by the version-5 code (opened for editing
     * by its {@code views delete}), then vacuumed to 4 KiB pages.
     */
    static final Path V5 = Path.of("src/test/resources/store/incidents-v5.gpkg");

    /**
     * A real version-6 file: the version-5 file above upgraded by the version-6 code (opened for editing
     * by its {@code views delete}), then vacuumed.
     */
    static final Path V6 = Path.of("src/test/resources/store/incidents-v6.gpkg");

    private StoreFixtures() {
    }

    /** The first column of the first row {@code sql} gives on {@code db}, or null for none. */
    static String firstValue(Path db, String sql) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** A copy of the version-4 file in {@code dir}. */
    static Path version4Copy(Path dir) throws java.io.IOException {
        Path db = dir.resolve("incidents.gpkg");
        java.nio.file.Files.copy(V4, db);
        return db;
    }

    /** Creates a store from the curated seed in {@code dir} and returns its path (closed again). */
    static Path seededStore(Path dir) throws StoreException {
        Path db = dir.resolve("incidents.gpkg");
        IncidentStore.openOrCreate(db, SEED).close();
        return db;
    }
}
