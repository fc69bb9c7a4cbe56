package kz.incidentmap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kz.incidentmap.i18n.UiLanguage;
import kz.incidentmap.view.MapApplication;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The window's options and its opening: what the top command does without a subcommand. Two commands
 * take it: {@link RootCommand}, which knows every command, and {@link WindowCommand}, which knows none
 * and so starts the window without reading them all.
 */
abstract class WindowLaunch implements Callable<Integer> {

    @Mixin
    MapOptions options;

    @Spec
    CommandSpec spec;

    /** A store to open, as a file manager passes the file a user opened with the app (the .gpkg association). */
    @Parameters(arity = "0..1", paramLabel = "FILE.gpkg", description = "A store to open: the same as --db FILE.")
    Path file;

    @Option(names = "--lang", paramLabel = "en|ru|kk",
            description = "Language of the window for this run (default: the one chosen in its language menu, at first English).")
    UiLanguage lang;

    @Override
    public Integer call() throws InterruptedException {
        if (options.onServer()) {
            if (file != null) {
                throw new ParameterException(spec.commandLine(), "give the store once: " + file + " or --db "
                        + options.server.uri());
            }
            MapApplication.runOnServer(options.paths().mapsDir(), options.server, options.ahead, lang);
            return 0;
        }
        if (file != null && options.db != null) {
            throw new ParameterException(spec.commandLine(), "give the store once: " + file + " or --db " + options.db);
        }
        if (file != null && !Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), "'" + file + "' is neither a command nor a store file"
                    + " (see --help for the commands)");
        }
        MapApplication.run(options.paths().mapsDir(), file != null ? file : options.db, options.paths().defaultStore(),
                options.paths().seedFile(), options.ahead, lang);
        return 0;
    }
}
