package io.autogpt.seed.cli;

import io.autogpt.seed.core.port.TargetException;
import io.autogpt.seed.core.token.TokenException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** The one place that maps failures to exit codes and one-line messages. */
final class ExitCodes {
    /** Success, including "already seeded". */
    static final int OK = 0;
    /** A failure nobody foresaw: a bug. */
    static final int UNEXPECTED = 1;
    /** Bad command line or option values. */
    static final int USAGE = 2;
    /** The target (database, file, Supabase) cannot serve: unreachable, refused key, wrong schema, rate limit. */
    static final int TARGET = 3;
    /** Supabase refused a test user's credentials. */
    static final int CREDENTIALS = 4;

    private ExitCodes() {
    }

    /** Prints one line for {@code e} on the command's error stream and returns its exit code. Never a stack trace. */
    static int report(Exception e, CommandLine cmd) {
        // A failure that left tokens in a checkpoint exits as the failure itself would; only the message grows.
        Throwable kind = e instanceof TokensCommand.TokensKept ? e.getCause() : e;
        int code;
        String message = e.getMessage();
        if (kind instanceof CommandLine.ParameterException) {
            code = USAGE;
            message = e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')";
        } else if (kind instanceof IllegalArgumentException) {
            code = USAGE;
        } else if (kind instanceof TokenException.BadCredentials) {
            code = CREDENTIALS;
        } else if (kind instanceof TargetException || kind instanceof TokenException) {
            code = TARGET;
        } else if (kind instanceof UncheckedIOException io) {
            code = TARGET;
            message = e.getMessage() + ": " + io.getCause().getMessage();
        } else {
            code = UNEXPECTED;
            message = "unexpected failure (" + e.getClass().getSimpleName() + "): " + e.getMessage();
        }
        cmd.getErr().println("error: " + Secrets.mask(oneLine(message)));
        cmd.getErr().flush();
        return code;
    }

    private static String oneLine(String message) {
        return message == null ? "no detail" : message.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
