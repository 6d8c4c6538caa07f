package io.autogpt.seed.cli;

import io.autogpt.seed.auth.exec.RequestExecutor;
import io.autogpt.seed.core.run.MakeTokens;
import io.autogpt.seed.core.token.IssuedToken;
import java.util.function.Supplier;

/**
 * A progress bar on a terminal: tokens so far of the total, rate, 429s and retries; and how long the harvest took,
 * from this object's creation to its last token.
 */
final class TokenProgress implements MakeTokens.Progress {
    private static final int WIDTH = 30;

    private final StatusLine line;
    private final int total;
    private final int held;
    private final Supplier<RequestExecutor.Stats> stats;
    private final long start = System.nanoTime();
    private int done;
    private double seconds;

    /**
     * @param total all tokens of the run
     * @param held  tokens kept from a checkpoint, counted as done but not in the rate
     */
    TokenProgress(StatusLine line, int total, int held, Supplier<RequestExecutor.Stats> stats) {
        this.line = line;
        this.total = total;
        this.held = held;
        this.done = held;
        this.stats = stats;
    }

    /** One more token arrived. */
    @Override
    public void issued(IssuedToken token) {
        done++;
        line.draw(done == total, () -> {
            int filled = (int) ((long) WIDTH * done / total);
            double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
            RequestExecutor.Stats s = stats.get();
            return String.format("[%s%s] %,d/%,d tokens  %,.1f/s  429s %,d  retries %,d", "#".repeat(filled),
                    " ".repeat(WIDTH - filled), done, total, (done - held) / seconds, s.rateLimited(), s.retries());
        });
    }

    /** Every token arrived: clears the bar and stops the clock. */
    @Override
    public void harvested() {
        finished();
        seconds = (System.nanoTime() - start) / 1e9;
    }

    /** Seconds from this object's creation to {@link #harvested()}. */
    double seconds() {
        return seconds;
    }

    /** Clears the bar. */
    void finished() {
        line.clear();
    }
}
