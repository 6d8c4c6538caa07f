package io.autogpt.seed.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether one of the process's standard streams is a terminal. Java has no {@code isatty}; on Linux the stream's
 * entry in {@code /proc/self/fd} names the device it is open on, and terminals are {@code /dev/pts/N} or
 * {@code /dev/ttyN}. Elsewhere the answer falls back to {@link System#console()}, which is about stdin and stdout.
 */
enum Terminal {
    STDERR(Path.of("/proc/self/fd/2"));

    private final Path descriptor;

    Terminal(Path descriptor) {
        this.descriptor = descriptor;
    }

    boolean isTerminal() {
        return isTerminal(descriptor);
    }

    /** Whether the descriptor link {@code fd} points at a terminal device; unknown links fall back to the console. */
    static boolean isTerminal(Path fd) {
        if (!Files.isSymbolicLink(fd)) {
            return !Files.exists(fd.getParent()) && System.console() != null;
        }
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
