package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import kz.incidentmap.i18n.UiLanguage;
import kz.incidentmap.layers.MapsAhead;
import picocli.CommandLine;

/**
 * Runs the command line: parses with picocli, and turns every failure into one clear line on stderr
 * with a non-zero exit code (2 for bad arguments, 1 for anything that went wrong while running).
 */
public final class Cli {

    private Cli() {
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, MapsAhead.none());
    }

    /**
     * Runs {@code args}.
     *
     * @param ahead the reference maps start-up began reading, which the command's map takes
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, MapsAhead ahead) {
        // The window needs none of the other commands: reading their model would delay its start.
        CommandLine cmd = new CommandLine(CommandWords.opensWindow(args) ? new WindowCommand() : new RootCommand());
        cmd.registerConverter(Path.class, new FileNameConverter());
        cmd.registerConverter(UiLanguage.class, new LanguageConverter());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            err.println(c.getCommandName() + ": " + ex.getMessage());
            err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return 2;
        });
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
            // A thread of the command's own (an import's reader, say) hands its failure on wrapped.
            err.println(c.getCommandName() + ": error: " + (outOfMemory(ex) ? outOfMemoryMessage() : describe(ex)));
            err.flush();
            return 1;
        });
        cmd.setExecutionStrategy(parsed -> {
            MapOptions.passDown(parsed, ahead);
            return new CommandLine.RunLast().execute(parsed);
        });
        try {
            return cmd.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli's handler takes exceptions only. What the command held is unreachable by now, so
            // there is room to say so.
            List<CommandLine> ran = cmd.getParseResult() == null ? List.of(cmd) : cmd.getParseResult().asCommandLineList();
            err.println(ran.get(ran.size() - 1).getCommandName() + ": error: " + outOfMemoryMessage());
            err.flush();
            return 1;
        }
    }

    /**
     * What running out of heap is reported as. Files are written under temporary names and stores in
     * one transaction, so the command left nothing half-done.
     */
    private static String outOfMemoryMessage() {
        return "out of memory: this needs more than the " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MB of heap Java may use here; nothing was written. Give Java more, e.g."
                + " JAVA_TOOL_OPTIONS=-Xmx4g (for an import through the launcher, KIM_IMPORT_HEAP=4g), and run it"
                + " again.";
    }

    /** Whether {@code ex} is, or was caused by, running out of heap. */
    static boolean outOfMemory(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Exception ex) {
        String msg = ex.getMessage();
        return msg == null || msg.isBlank() ? ex.getClass().getSimpleName() : msg;
    }
}
