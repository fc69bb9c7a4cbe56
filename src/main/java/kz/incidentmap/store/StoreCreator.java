package kz.incidentmap.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Builds a new store file from seed data without ever touching an existing file: the GeoPackage is
 * written, in one transaction, to a hidden temporary file beside the target, and then linked into place
 * only if no file has appeared at the target meanwhile. A failure at any point leaves no store behind,
 * so the next start simply tries again.
 */
final class StoreCreator {

    private StoreCreator() {
    }

    static void create(Path dbFile, SeedData seed) throws StoreException {
        Path dir = dbFile.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + dbFile.getFileName() + "." + UUID.randomUUID() + ".creating");
        try {
            Files.createDirectories(dir);
            build(tmp, seed, dbFile);
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
        } catch (IOException e) {
            throw StoreException.of(dbFile, "cannot create the store", e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static void build(Path tmp, SeedData seed, Path dbFile) throws StoreException {
        try (Connection c = StoreConnections.create(tmp)) {
            c.setAutoCommit(false);
            try {
                GeoPackageSchema.create(c);
                try (IncidentWriter writer = new IncidentWriter(c)) {
                    writer.insertAll(seed);
                }
                GeoPackageSchema.updateExtent(c);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw StoreConnections.failure(dbFile, "cannot create the store", e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
            Files.deleteIfExists(p.resolveSibling(p.getFileName() + "-journal"));
        } catch (IOException e) {
            // a stray temporary file is harmless: it is hidden and never read
        }
    }
}
