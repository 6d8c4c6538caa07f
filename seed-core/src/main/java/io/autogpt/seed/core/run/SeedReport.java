package io.autogpt.seed.core.run;

import io.autogpt.seed.core.port.RecordedRun;
import io.autogpt.seed.core.port.TargetFacts;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a run did.
 *
 * @param outcome     seeded, seeded after removing an earlier run, or left alone because it was already seeded
 * @param tables      rows and time per table, in write order; empty when already seeded
 * @param removedRows rows removed by {@code --reset} (-1 when the target cannot tell, 0 without reset)
 * @param elapsed     wall time of the whole run, commit included
 * @param earlier     the earlier runs found in the target: the one left alone, or those removed by reset; empty
 *                    when there were none
 * @param target      what the target told about itself: its schema version, tables left out, notes
 * @param notices     what the target said while the run went on (a database server's notices and warnings), one
 *                    line each, in the order said; empty when already seeded
 */
public record SeedReport(Outcome outcome, List<TableReport> tables, long removedRows, Duration elapsed,
                         List<RecordedRun> earlier, TargetFacts target, List<String> notices) {
    /** How a run ended. */
    public enum Outcome { SEEDED, RESEEDED, ALREADY_SEEDED }

    /**
     * One table's share of the run.
     *
     * @param table   the table's label
     * @param rows    rows written
     * @param elapsed time spent generating and writing them
     * @param path    how the target put them in, as it says ({@code bulk}, {@code indexed (held rows)}, …); empty
     *                when it does not tell
     */
    public record TableReport(String table, long rows, Duration elapsed, String path) {
        public TableReport {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(elapsed, "elapsed");
            Objects.requireNonNull(path, "path");
        }
    }

    public SeedReport {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(elapsed, "elapsed");
        tables = List.copyOf(tables);
        earlier = List.copyOf(earlier);
        Objects.requireNonNull(target, "target");
        notices = List.copyOf(notices);
    }

    /** Rows written over all tables. */
    public long totalRows() {
        return tables.stream().mapToLong(TableReport::rows).sum();
    }
}
