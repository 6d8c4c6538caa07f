package io.autogpt.seed.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One line of live status on a terminal, redrawn in place at most ten times a second and erased when done. Off
 * when the process has no terminal, so logs and pipes stay clean. Used by the seed and token progress displays.
 */
final class StatusLine {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final String ERASE = "\r\u001B[2K";

    private final @Nullable PrintWriter err;
    private long lastDraw;

    private StatusLine(@Nullable PrintWriter err) {
        this.err = err;
    }

    /**
     * A line on {@code err} when the process's standard error is a terminal, else one that draws nothing. The test
     * is on stderr itself: {@link System#console()} answers for stdin and stdout, so {@code seed 2>log} on a terminal
     * would fill the log with redraws, and {@code seed | tee} would hide the progress.
     */
    static StatusLine forConsole(PrintWriter err) {
        return new StatusLine(Terminal.STDERR.isTerminal() ? err : null);
    }

    boolean isOn() {
        return err != null;
    }

    /** Redraws with {@code text} if a tenth of a second has passed since the last draw, or if {@code now}. */
    void draw(boolean now, Supplier<String> text) {
        if (err == null) {
            return;
        }
        long t = System.nanoTime();
        if (!now && t - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = t;
        err.print(ERASE + text.get());
        err.flush();
    }

    /** Erases the line, so a summary or an error starts clean. */
    void clear() {
        if (err != null) {
            err.print(ERASE);
            err.flush();
        }
    }
}
