package kz.incidentmap.cli;

import java.util.concurrent.Callable;
import kz.incidentmap.i18n.UiLanguage;
import kz.incidentmap.view.MapApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The top command: without a subcommand it opens the map window. */
@Command(name = "kz-incident-map", mixinStandardHelpOptions = true, version = "kz-incident-map 0.1",
        description = "Map of security incidents in Kazakhstan. Without a command, opens the map window.",
        subcommands = {SnapshotCommand.class, IdentifyCommand.class, IncidentsCommand.class, BenchCommand.class,
                InitCommand.class, ImportCommand.class, ExportCommand.class, ImportOsmCommand.class,
                CheckCommand.class, AnimateCommand.class, ViewsCommand.class, MyPlacesCommand.class, VocabularyCommand.class,
                SourcesCommand.class, FindDuplicatesCommand.class, MergeDuplicatesCommand.class,
                NotDuplicateCommand.class})
final class RootCommand implements Callable<Integer> {

    @Mixin
    MapOptions options;

    @Option(names = "--lang", paramLabel = "en|ru|kk",
            description = "Language of the window for this run (default: the one chosen in its language menu, at first English).")
    UiLanguage lang;

    @Override
    public Integer call() throws InterruptedException {
        MapApplication.run(options.paths().mapsDir(), options.db, options.paths().defaultStore(),
                options.paths().seedFile(), options.ahead, lang);
        return 0;
    }
}
