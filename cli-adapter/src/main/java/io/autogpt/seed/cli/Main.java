package io.autogpt.seed.cli;

/** Starts the command line and exits with its code. All parsing and wiring happen in {@link Cli}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.create(System.getenv(), java.time.Clock.systemUTC()).execute(args));
    }
}
