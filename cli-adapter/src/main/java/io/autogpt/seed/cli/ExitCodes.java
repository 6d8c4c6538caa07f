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
        int code;
        String message;
        if (e instanceof CommandLine.ParameterException) {
            code = USAGE;
            message = e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')";
        } else if (e instanceof IllegalArgumentException) {
            code = USAGE;
            message = e.getMessage();
        } else if (e instanceof TokensCommand.TokensKept kept) {
            code = kept.reason() instanceof TokenException.BadCredentials ? CREDENTIALS : TARGET;
            message = e.getMessage();
        } else if (e instanceof TokenException.BadCredentials) {
            code = CREDENTIALS;
            message = e.getMessage();
        } else if (e instanceof TargetException || e instanceof TokenException) {
            code = TARGET;
            message = e.getMessage();
        } else if (e instanceof UncheckedIOException io) {
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
