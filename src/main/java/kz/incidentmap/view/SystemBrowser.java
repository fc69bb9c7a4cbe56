package kz.incidentmap.view;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import kz.incidentmap.i18n.Texts;

/**
 * Opens a web address in the user's web browser, the way the desktop opens links: {@code xdg-open} on
 * Linux and other Unix desktops, {@code open} on macOS, the URL handler on Windows. The process is
 * started on a worker thread; a failure is told to {@code failed} on that thread.
 */
final class SystemBrowser {

    private final Workers workers;
    private final Consumer<String> failed;
    private final Texts texts;

    SystemBrowser(Workers workers, Consumer<String> failed, Texts texts) {
        this.texts = texts;
        this.workers = workers;
        this.failed = failed;
    }

    /** JavaFX thread: opens {@code uri} (an http or https address) and returns at once. */
    void open(URI uri) {
        workers.run(() -> {
            new ProcessBuilder(command(uri)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return uri;
        }, u -> { }, e -> failed.accept(texts.format("open.browserFailed", uri, e.getMessage())));
    }

    List<String> command(URI uri) throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IOException(texts.text("open.onlyWeb"));
        }
        if (os.startsWith("windows")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", uri.toString());
        }
        if (os.startsWith("mac")) {
            return List.of("open", uri.toString());
        }
        return List.of("xdg-open", uri.toString());
    }
}
