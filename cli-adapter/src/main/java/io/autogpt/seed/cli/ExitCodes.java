package io.autogpt.seed.cli;

import io.autogpt.seed.core.port.TargetException;
import io.autogpt.seed.core.token.TokenException;
import io.autogpt.seed.jpa.DatabaseUrl;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * The one place that maps failures to exit codes and one-line messages. A code says where a failure came from: the
 * command line (picocli, or a value the CLI judged, {@link UsageException}), the target (a database, a file, Supabase)
 * or a test user's credentials; whatever else escapes is a bug, whatever its Java type.
 */
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
        return report(e, cmd, List.of());
    }

    /** As {@link #report(Exception, CommandLine)}, for a command line {@code args} picocli could not parse. */
    static int report(Exception e, CommandLine cmd, List<String> args) {
        // A failure that left tokens in a checkpoint exits as the failure itself would; only the message grows.
        Throwable kind = e instanceof TokensCommand.TokensKept ? e.getCause() : e;
        int code;
        String message = e.getMessage();
        if (kind instanceof CommandLine.ParameterException p) {
            code = USAGE;
            message = withoutSecrets(String.valueOf(p.getMessage()), args) + " (see '" + cmd.getCommandSpec().qualifiedName()
                    + " --help')";
        } else if (kind instanceof UsageException) {
            code = USAGE;
        } else if (kind instanceof TokenException.BadCredentials) {
            code = CREDENTIALS;
        } else if (kind instanceof TargetException target && target.remedy() != TargetException.Remedy.NONE) {
            code = TARGET;
            message = target.summary() + " (" + remedy(target.remedy()) + ")"
                    + (target.problems().isEmpty() ? "" : ": " + String.join("; ", target.problems()));
        } else if (kind instanceof TargetException || kind instanceof TokenException) {
            code = TARGET;
        } else if (kind instanceof UncheckedIOException io) {
            code = TARGET;
            message = e.getMessage() + ": " + Objects.requireNonNull(io.getCause()).getMessage();
        } else {
            code = UNEXPECTED;
            message = "unexpected failure (" + e.getClass().getSimpleName() + "): " + e.getMessage();
        }
        cmd.getErr().println("error: " + oneLine(message));
        cmd.getErr().flush();
        return code;
    }

    /**
     * picocli quotes the arguments it could not use; any that holds a URL is shown redacted instead, by the one
     * function that redacts URLs.
     */
    static String withoutSecrets(String message, List<String> args) {
        String out = message;
        for (String arg : args) {
            int scheme = arg.indexOf("://");
            if (scheme < 0) {
                continue;
            }
            int eq = arg.startsWith("-") ? arg.indexOf('=') : -1;
            String url = eq >= 0 && eq < scheme ? arg.substring(eq + 1) : arg;
            out = out.replace(url, DatabaseUrl.redact(url));
        }
        return out;
    }

    /** A remedy in the CLI's own terms. */
    private static String remedy(TargetException.Remedy remedy) {
        return switch (remedy) {
            case CREATE_SCHEMA -> "--create-schema creates what is missing";
            case SEED_FIRST -> "seed it first: autogpt-seed seed --create-schema";
            case RESET -> "--reset reseeds them in this one";
            case NONE -> "";
        };
    }

    private static String oneLine(@Nullable String message) {
        return message == null ? "no detail" : message.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
