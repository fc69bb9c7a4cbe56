package kz.incidentmap.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a command line asks for, told before it is parsed: the command's words, and whether it opens the
 * window. Start-up uses it to begin what the command will need, and {@link Cli} to spare the window the
 * model of every command (picocli reads the annotations of all of them, a second of a cold start).
 */
public final class CommandWords {

    /** Options of the top command that take a value. */
    private static final Set<String> VALUE_OPTIONS = Set.of("--db", "--maps", "--lang");
    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version", "help");

    private CommandWords() {
    }

    /**
     * The arguments that are neither options nor the values of the top command's options: none for the
     * window, also when it is given a store to open as a file manager does (a lone {@code FILE.gpkg}).
     */
    public static List<String> of(String[] args) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (VALUE_OPTIONS.contains(args[i])) {
                i++;
            } else if (words.isEmpty() && args[i].toLowerCase(Locale.ROOT).endsWith(".gpkg")) {
                continue;
            } else if (!args[i].startsWith("-")) {
                words.add(args[i]);
            }
        }
        return words;
    }

    /** Whether {@code args} ask for help or the version anywhere. */
    public static boolean asksHelp(String[] args) {
        return Arrays.stream(args).anyMatch(HELP::contains);
    }

    /** Whether {@code args} open the window: no command, and no help or version asked for. */
    public static boolean opensWindow(String[] args) {
        return !asksHelp(args) && of(args).isEmpty();
    }
}
