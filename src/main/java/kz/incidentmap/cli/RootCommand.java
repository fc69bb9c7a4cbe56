package kz.incidentmap.cli;

import picocli.CommandLine.Command;

/** The top command: without a subcommand it opens the map window. */
@Command(name = "kz-incident-map", mixinStandardHelpOptions = true, version = "kz-incident-map 0.1",
        description = "Map of security incidents in Kazakhstan. Without a command, opens the map window.",
        subcommands = {SnapshotCommand.class, IdentifyCommand.class, IncidentsCommand.class, BenchCommand.class,
                InitCommand.class, ImportCommand.class, ExportCommand.class, CopyCommand.class, ImportOsmCommand.class,
                CheckCommand.class, AnimateCommand.class, ViewsCommand.class, MyPlacesCommand.class, EventsCommand.class, VocabularyCommand.class,
                SourcesCommand.class, FindDuplicatesCommand.class, MergeDuplicatesCommand.class,
                NotDuplicateCommand.class, ReportCommand.class, HistoryCommand.class})
final class RootCommand extends WindowLaunch {
}
