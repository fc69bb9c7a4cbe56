package kz.incidentmap.cli;

import picocli.CommandLine.Command;

/**
 * The top command as it opens the window, without the other commands: {@link Cli} takes it for a
 * command line that names none (see {@link CommandWords#opensWindow}). Its name is the top command's,
 * so that what it says of a bad option reads the same.
 */
@Command(name = "kz-incident-map", description = "Map of security incidents in Kazakhstan: the map window.")
final class WindowCommand extends WindowLaunch {
}
