package kz.incidentmap.view;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import kz.incidentmap.i18n.Texts;

/**
 * Opens a local file with the program the desktop gives its type (a PDF reader, an image viewer, the
 * web browser for a saved page): {@code xdg-open} on Linux, {@code open} on macOS, the file handler on
 * Windows. The process is started on a worker thread; a failure is told to {@code failed}.
 */
final class SystemViewer {

    private final Workers workers;
    private final Consumer<String> failed;
    private final Texts texts;

    SystemViewer(Workers workers, Consumer<String> failed, Texts texts) {
        this.texts = texts;
        this.workers = workers;
        this.failed = failed;
    }

    /** JavaFX thread: opens {@code file} and returns at once. */
    void open(Path file) {
        workers.run(() -> {
            new ProcessBuilder(command(file)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return file;
        }, f -> { }, e -> failed.accept(texts.format("open.fileFailed", file, e.getMessage())));
    }

    static List<String> command(Path file) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String path = file.toAbsolutePath().toString();
        if (os.startsWith("windows")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", path);
        }
        if (os.startsWith("mac")) {
            return List.of("open", path);
        }
        return List.of("xdg-open", path);
    }
}
