package io.autogpt.seed.cli;

import io.autogpt.seed.auth.http.GoTrueClient;
import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * A progress bar on a terminal: tokens so far of the total, rate, 429s and retries. Redrawn at most ten times a
 * second, erased when done; silent when output is not a terminal.
 */
class TokenProgress {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final int total;
    private final Supplier<GoTrueClient.Stats> stats;
    private final long start = System.nanoTime();
    private final int held;
    private int done;
    private long lastDraw;

    private TokenProgress(PrintWriter err, int total, int held, Supplier<GoTrueClient.Stats> stats) {
        this.err = err;
        this.total = total;
        this.held = held;
        this.done = held;
        this.stats = stats;
    }

    static TokenProgress forConsole(PrintWriter err, int total, int held, Supplier<GoTrueClient.Stats> stats) {
        return System.console() != null ? new TokenProgress(err, total, held, stats) : new Silent();
    }

    /** One more token arrived. */
    void issued() {
        done++;
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && done < total) {
            return;
        }
        lastDraw = now;
        int filled = (int) ((long) WIDTH * done / total);
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        GoTrueClient.Stats s = stats.get();
        err.printf("\r\u001B[2K[%s%s] %,d/%,d tokens  %,.1f/s  429s %,d  retries %,d", "#".repeat(filled),
                " ".repeat(WIDTH - filled), done, total, (done - held) / seconds, s.rateLimited(), s.retries());
        err.flush();
    }

    /** Clears the bar, so the summary or an error starts clean. */
    void finished() {
        err.print("\r\u001B[2K");
        err.flush();
    }

    private static final class Silent extends TokenProgress {
        Silent() {
            super(null, 1, 0, null);
        }

        @Override
        void issued() {
        }

        @Override
        void finished() {
        }
    }
}
