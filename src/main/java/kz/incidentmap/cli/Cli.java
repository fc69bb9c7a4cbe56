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
        return cmd.execute(args);
    }

    private static String describe(Exception ex) {
        String msg = ex.getMessage();
        return msg == null || msg.isBlank() ? ex.getClass().getSimpleName() : msg;
    }
}
