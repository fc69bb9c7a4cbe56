package kz.incidentmap.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Runs the command line: parses with picocli, and turns every failure into one clear line on stderr
 * with a non-zero exit code (2 for bad arguments, 1 for anything that went wrong while running).
 */
public final class Cli {

    private Cli() {
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new RootCommand());
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
            err.println(c.getCommandName() + ": error: " + describe(ex));
            err.flush();
            return 1;
        });
        cmd.setExecutionStrategy(parsed -> {
            MapOptions.passDown(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        try {
            return cmd.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli's handler takes exceptions only. What the command held is unreachable by now, so
            // there is room to say so; files are written under temporary names and stores in one
            // transaction, so the command left nothing half-done.
            err.println(commandName(cmd) + ": error: out of memory: this needs more than the "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB of heap Java may use here;"
                    + " nothing was written. Give Java more, e.g. JAVA_TOOL_OPTIONS=-Xmx4g, and run it again.");
            err.flush();
            return 1;
        }
    }

    /** The name of the command that ran: the last subcommand parsed. */
    private static String commandName(CommandLine cmd) {
        CommandLine.ParseResult parsed = cmd.getParseResult();
        if (parsed == null) {
            return cmd.getCommandName();
        }
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return parsed.commandSpec().name();
    }

    private static String describe(Exception ex) {
        String msg = ex.getMessage();
        return msg == null || msg.isBlank() ? ex.getClass().getSimpleName() : msg;
    }
}
