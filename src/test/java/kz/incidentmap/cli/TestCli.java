package kz.incidentmap.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The command line run in this JVM as a test runs it: its exit code and what it printed. */
public final class TestCli {

    /** What a run gave. */
    public record Result(int code, String out, String err) {
    }

    private TestCli() {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }
}
