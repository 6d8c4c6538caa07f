package io.autogpt.seed.it.support;

import io.autogpt.seed.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import picocli.CommandLine;

/**
 * One in-process run of the command line, with its exit code and what it printed.
 *
 * @param exitCode the exit code
 * @param out      standard output
 * @param err      standard error
 */
public record CliRun(int exitCode, String out, String err) {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

    /** Runs the CLI with no environment. */
    public static CliRun of(String... args) {
        return with(Map.of(), args);
    }

    /** Runs the CLI with {@code env} as its environment. */
    public static CliRun with(Map<String, String> env, String... args) {
        CommandLine cmd = Cli.create(env, CLOCK);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Everything printed. */
    public String all() {
        return out + err;
    }

    /** Command-line arguments {@code a} followed by {@code b}. */
    public static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
