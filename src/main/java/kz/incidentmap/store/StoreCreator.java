package kz.incidentmap.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import kz.incidentmap.files.PartFiles;
import kz.incidentmap.model.IncidentEvent;

/**
 * Builds a new store file from seed data without ever touching an existing file: the GeoPackage is
 * written, in one transaction, to a hidden temporary file beside the target, and then linked into place
 * only if no file has appeared at the target meanwhile. A failure at any point leaves no store behind,
 * so the next start simply tries again.
 */
final class StoreCreator {

    /**
     * Bytes per database page of a new store, SQLite's largest. A million-incident import into a new
     * store took 22 s instead of 26 s with SQLite's default of 4,096 (fewer, fuller B-tree pages, a
     * sixteenth of the page writes), and a click's ten records read faster; an edit writes more to the
     * rollback journal, and still takes about 10 ms at a million incidents. GDAL and QGIS read any page size.
     */
    static final int PAGE_SIZE = 65_536;

    /** An empty store's size: one page per table, index and R-tree node, 26 in all. */
    private static final long EMPTY_STORE_BYTES = 26L * PAGE_SIZE;

    private StoreCreator() {
    }

    /** What fills a new store's tables, inside the creating transaction, after the schema is made. */
    interface Content {
        void write(Connection c) throws SQLException;
    }

    static void create(Path dbFile, SeedData seed) throws StoreException {
        create(dbFile, false, c -> {
            try (IncidentWriter writer = new IncidentWriter(c)) {
                writer.insertAll(seed);
            }
            // Campaigns first: an event names its campaign, which must be there already.
            for (IncidentEvent e : seed.events().stream().sorted((a, b) -> Boolean.compare(!a.isCampaign(), !b.isCampaign())).toList()) {
                EventTables.add(c, e);
            }
            EventTables.fromEventGroups(c); // the groups the seed did not make events of
        });
    }

    /**
     * Creates a store filled by {@code content}. With {@code unjournaled} the temporary file is written
     * without a rollback journal and without waiting for the disk: safe here because a failure deletes
     * the file, which no one else has seen, and the finished file is synced before it is linked into place.
     * Part files that killed runs left in the folder are removed first (see {@link PartFiles}).
     */
    static void create(Path dbFile, boolean unjournaled, Content content) throws StoreException {
        Path dir = dbFile.toAbsolutePath().getParent();
        Path tmp = PartFiles.beside(dbFile, "creating");
        boolean done = false;
        try {
            Files.createDirectories(dir);
            PartFiles.removeStale(dir);
            build(tmp, unjournaled, content);
            if (unjournaled) {
                syncFile(tmp);
            }
            done = true;
            try {
                Files.createLink(dbFile, tmp);
            } catch (FileAlreadyExistsException e) {
                return; // created by someone else meanwhile: theirs is kept and opened
            } catch (UnsupportedOperationException | IOException e) {
                if (Files.exists(dbFile)) {
                    return;
                }
                Files.move(tmp, dbFile);
            }
        } catch (IOException | SQLException e) {
            long needed = done ? 0 : Math.max(EMPTY_STORE_BYTES, writtenRoom(tmp));
            deleteQuietly(tmp);
            // Told once the part file is gone, so that the room the message gives is the room there is.
            if (DiskSpace.isFull(e)) {
                throw DiskSpace.full(dbFile, needed, "create the store", e);
            }
            throw e instanceof SQLException se ? StoreConnections.failure(dbFile, "cannot create the store", se)
                    : StoreException.of(dbFile, "cannot create the store", e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static void build(Path tmp, boolean unjournaled, Content content) throws SQLException {
        try (Connection c = StoreConnections.create(tmp)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA page_size = " + PAGE_SIZE);
            }
            if (unjournaled) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA journal_mode = OFF");
                    s.execute("PRAGMA synchronous = OFF");
                    s.execute("PRAGMA cache_size = -131072"); // 128 MB of pages, for the indexes keyed by uuid
                }
            }
            Transaction.run(c, () -> {
                GeoPackageSchema.create(c);
                content.write(c);
                GeoPackageSchema.updateExtent(c);
            });
        }
    }

    /**
     * What a creation that failed had written (its part file and journal) and the page it failed to
     * add: the least room it needed, and for an empty store about all of it.
     */
    private static long writtenRoom(Path tmp) {
        return sizeOf(tmp) + sizeOf(tmp.resolveSibling(tmp.getFileName() + "-journal")) + PAGE_SIZE;
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void syncFile(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
            Files.deleteIfExists(p.resolveSibling(p.getFileName() + "-journal"));
        } catch (IOException e) {
            // a stray temporary file is harmless: it is hidden, and the next creation here removes it
        }
    }
}
