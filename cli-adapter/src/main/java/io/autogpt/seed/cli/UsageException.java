package io.autogpt.seed.cli;

import java.util.function.Supplier;

/**
 * Bad command-line input, as the CLI judged it: exit 2. Values that the core or an adapter validates become one of
 * these only where the CLI hands user input over ({@link #of}), so an {@link IllegalArgumentException} thrown
 * anywhere else still counts as a bug (exit 1) instead of passing for the user's mistake.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    /**
     * Runs {@code check}, which validates the value of {@code option} in another module; its refusal becomes a usage
     * error that names the option, since the core and adapters speak of values, not of flags.
     */
    static <T> T of(String option, Supplier<T> check) {
        return ask(option + ": ", check);
    }

    /** Runs {@code check}, which validates user input in another module; its refusal becomes a usage error. */
    static <T> T of(Supplier<T> check) {
        return ask("", check);
    }

    private static <T> T ask(String prefix, Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(prefix + e.getMessage());
        }
    }
}
