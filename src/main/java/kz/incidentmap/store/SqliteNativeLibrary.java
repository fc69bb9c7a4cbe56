package kz.incidentmap.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Loads the SQLite driver's native library from a per-user cache. Left alone, the driver unpacks its
 * library (a megabyte) into the temporary folder on every start and compares it with the original
 * before loading it, some 80 ms of each start. Here it is unpacked once per driver version into
 * {@code $XDG_CACHE_HOME/kz-incident-map} (or {@code ~/.cache/kz-incident-map}), written to a temporary
 * file and moved into place so that a half-written copy is never loaded, and the driver is pointed at
 * it through its {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name} properties. Where the
 * cache cannot be written, or the cached copy fails to load, the driver does what it always did. A
 * path the user set for the library is respected.
 */
public final class SqliteNativeLibrary {

    private static final String PATH_PROPERTY = "org.sqlite.lib.path";
    private static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private static boolean prepared;

    private SqliteNativeLibrary() {
    }

    /** Points the driver at the cached library, unpacking it first if needed; then loads it. */
    public static void load() {
        prepare();
        try {
            SQLiteJDBCLoader.initialize();
        } catch (Exception e) {
            // The first connection reports what is wrong with the driver, in the store's own words.
        }
    }

    /** Points the driver at the cached library, unpacking it first if needed. Idempotent. */
    static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        try {
            String name = LibraryLoaderUtil.getNativeLibName();
            String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
            URL url = SQLiteJDBCLoader.class.getResource(resource);
            Path root = CacheFolder.root();
            if (url == null || root == null) {
                return;
            }
            String platform = LibraryLoaderUtil.getNativeLibResourcePath().replaceAll("^/org/sqlite/native/", "")
                    .replace('/', '-');
            Path dir = root.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + platform);
            Path lib = dir.resolve(name);
            URLConnection connection = url.openConnection();
            long size = connection.getContentLengthLong();
            if (!Files.isRegularFile(lib) || size < 0 || Files.size(lib) != size) {
                Files.createDirectories(dir);
                Path part = Files.createTempFile(dir, name, ".part");
                try (InputStream in = connection.getInputStream()) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(part, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(part);
                }
            }
            System.setProperty(NAME_PROPERTY, name);
            System.setProperty(PATH_PROPERTY, dir.toString());
        } catch (IOException | RuntimeException e) {
            // No cache: the driver unpacks its library into the temporary folder as usual.
        }
    }
}
