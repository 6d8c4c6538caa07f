package io.autogpt.seed.cli;

import io.autogpt.seed.core.run.SeedProgress;
import io.autogpt.seed.core.run.SeedReport;
import java.io.PrintWriter;

/** A one-line live display of seeding on a terminal: the table being written, its rows so far and the rate. */
final class TerminalProgress implements SeedProgress {
    private final StatusLine line;
    private long tableStart;
    private long totalBefore;
    private final long runStart = System.nanoTime();

    private TerminalProgress(StatusLine line) {
        this.line = line;
    }

    /** A live display on {@code err} when the process runs on a terminal, else no display at all. */
    static SeedProgress forConsole(PrintWriter err) {
        StatusLine line = StatusLine.forConsole(err);
        return line.isOn() ? new TerminalProgress(line) : SeedProgress.NONE;
    }

    @Override
    public void tableStarted(String table) {
        tableStart = System.nanoTime();
    }

    @Override
    public void rowsWritten(String table, long rows) {
        line.draw(false, () -> {
            long now = System.nanoTime();
            double tableSeconds = Math.max(1e-9, (now - tableStart) / 1e9);
            double runSeconds = Math.max(1e-9, (now - runStart) / 1e9);
            return String.format("%-32s %,12d rows %,10.0f rows/s   total %,12d rows %,10.0f rows/s", table, rows,
                    rows / tableSeconds, totalBefore + rows, (totalBefore + rows) / runSeconds);
        });
    }

    @Override
    public void tableFinished(SeedReport.TableReport report) {
        totalBefore += report.rows();
    }

    @Override
    public void runFinished() {
        line.clear();
    }
}
