package kz.incidentmap.view;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the window remembers between runs (the view, the layers, the window's size, the panes' widths,
 * the export dialog's fields): a properties file under the user's configuration folder,
 * {@code $XDG_CONFIG_HOME/kz-incident-map/window.properties} (by default under {@code ~/.config}). A
 * missing or unreadable file means nothing is remembered; a value that cannot be read is ignored. The
 * file is written whole under a temporary name and moved into place. JavaFX thread only.
 */
final class WindowSettings {

    private final Path file;
    private final Map<String, String> values = new TreeMap<>();

    private WindowSettings(Path file) {
        this.file = file;
    }

    /** The settings file of the user running the app. */
    static Path userFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("kz-incident-map").resolve("window.properties");
    }

    /** Reads {@code file}; nothing is remembered when it is missing or cannot be read. */
    static WindowSettings load(Path file) {
        WindowSettings s = new WindowSettings(file);
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
                p.stringPropertyNames().forEach(k -> s.values.put(k, p.getProperty(k)));
            } catch (IOException | IllegalArgumentException e) {
                s.values.clear(); // a damaged file: start afresh, and write it anew on the next save
            }
        }
        return s;
    }

    Path file() {
        return file;
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The number stored under {@code key}, if there is one and it is a finite number. */
    Optional<Double> number(String key) {
        try {
            return get(key).map(Double::parseDouble).filter(Double::isFinite);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }

    void put(String key, double value) {
        put(key, Double.toString(value));
    }

    /** Removes every key that starts with {@code prefix}. */
    void clear(String prefix) {
        values.keySet().removeIf(k -> k.startsWith(prefix));
    }

    /** Writes the file; the reason when it cannot be written (the settings then last for this run only). */
    Optional<String> save() {
        Properties p = new Properties();
        p.putAll(values);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Kazakhstan Incident Map: the window as it was last closed");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("Could not save the window's settings to " + file + ": " + e.getMessage());
        }
    }
}
