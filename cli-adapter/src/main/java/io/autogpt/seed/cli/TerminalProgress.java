package io.autogpt.seed.cli;

import io.autogpt.seed.core.run.SeedProgress;
import io.autogpt.seed.core.run.SeedReport;
import java.io.PrintWriter;

/**
 * A one-line live display on a terminal: the table being written, its rows so far and the rate. Redrawn at most
 * ten times a second; erased when done. Off when output is not a terminal, so logs and pipes stay clean.
 */
final class TerminalProgress implements SeedProgress {
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private long tableStart;
    private long lastDraw;
    private long totalBefore;
    private final long runStart = System.nanoTime();

    private TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    /** A live display on {@code err} when the process runs on a terminal, else no display at all. */
    static SeedProgress forConsole(PrintWriter err) {
        return System.console() != null ? new TerminalProgress(err) : SeedProgress.NONE;
    }

    @Override
    public void tableStarted(String table) {
        tableStart = System.nanoTime();
    }

    @Override
    public void rowsWritten(String table, long rows) {
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double tableSeconds = Math.max(1e-9, (now - tableStart) / 1e9);
        double runSeconds = Math.max(1e-9, (now - runStart) / 1e9);
        err.printf("\r\u001B[2K%-32s %,12d rows %,10.0f rows/s   total %,12d rows %,10.0f rows/s", table, rows,
                rows / tableSeconds, totalBefore + rows, (totalBefore + rows) / runSeconds);
        err.flush();
    }

    @Override
    public void tableFinished(SeedReport.TableReport report) {
        totalBefore += report.rows();
    }

    @Override
    public void runFinished() {
        // Clear the line, so the summary or an error starts clean.
        err.print("\r\u001B[2K");
        err.flush();
    }
}
