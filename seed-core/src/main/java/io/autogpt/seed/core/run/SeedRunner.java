package io.autogpt.seed.core.run;

import io.autogpt.seed.core.plan.RunShape;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.DatasetTransaction;
import io.autogpt.seed.core.port.RecordedRun;
import io.autogpt.seed.core.port.RunLedger;
import io.autogpt.seed.core.port.TargetException;
import io.autogpt.seed.core.port.TargetFacts;
import io.autogpt.seed.core.port.WriteDatasetPort;
import io.autogpt.seed.core.table.Table;
import io.autogpt.seed.core.block.BlockCatalogue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Seeds one plan through a {@link WriteDatasetPort}, as one all-or-nothing transaction: recognises a rerun of the
 * same seed and users in the same {@linkplain RunShape shape} (and leaves the target alone), refuses one in another
 * shape, or with {@code reset} first removes what that earlier run wrote.
 * Thread-safe if the port is; each call is independent. Runs on the caller's thread and starts none of its own.
 */
public final class SeedRunner {
    /** How often, in rows, progress is reported. */
    private static final int PROGRESS_EVERY = 4096;

    /** Whether the plan's time anchor is part of what was asked for. */
    public enum Anchor {
        /** Chosen (a {@code --now}): a rerun at another anchor is another shape. */
        CHOSEN,
        /**
         * Nobody chose it (the current time by default): a rerun at another anchor is still a rerun, since no one
         * asked for that anchor in particular; its report's earlier run says which anchor is in the target.
         */
        DEFAULTED
    }

    private final WriteDatasetPort port;
    private final SeedProgress progress;
    /** Whether a run also writes the login accounts step, first. */
    private final boolean loginAccounts;

    public SeedRunner(WriteDatasetPort port, SeedProgress progress) {
        this(port, progress, false);
    }

    private SeedRunner(WriteDatasetPort port, SeedProgress progress, boolean loginAccounts) {
        this.port = Objects.requireNonNull(port, "port");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.loginAccounts = loginAccounts;
    }

    /**
     * This runner, whose runs also give every seeded user a login account: the dataset's
     * {@linkplain Dataset#loginAccounts() login accounts step}, written first, like a table, into the target's login
     * system (a target that keeps none refuses it and the run writes nothing). Its rows count in the report and the
     * recorded run as any table's.
     */
    public SeedRunner withLoginAccounts() {
        return new SeedRunner(port, progress, true);
    }

    /**
     * Writes the dataset of {@code plan}, its anchor {@linkplain Anchor#CHOSEN chosen}.
     *
     * @see #run(SeedPlan, boolean, Anchor)
     */
    public SeedReport run(SeedPlan plan, boolean reset) {
        return run(plan, reset, Anchor.CHOSEN);
    }

    /**
     * Writes the dataset of {@code plan}. A run of the same seed and users recorded in the same shape leaves the
     * target alone ({@link SeedReport.Outcome#ALREADY_SEEDED}); one recorded in another shape is refused, naming
     * each difference ({@link TargetException.Remedy#RESET}); one recorded without a shape (an older seeder) counts
     * as a rerun, its shape {@link RunShape#UNKNOWN} in the report.
     *
     * @param reset  remove an earlier run of the same seed and users first, instead of leaving the target alone
     * @param anchor whether the plan's anchor was asked for, and so is compared with an earlier run's
     * @throws io.autogpt.seed.core.port.TargetException when the target cannot take the dataset, or holds these users
     *                                                   in another shape; nothing is written
     */
    public SeedReport run(SeedPlan plan, boolean reset, Anchor anchor) {
        long start = System.nanoTime();
        try (DatasetTransaction tx = port.begin(plan)) {
            RunLedger ledger = tx.runs();
            TargetFacts target = tx.facts();
            RunShape shape = RunShape.of(plan, target.writtenVersion(), target.tablesLeftOut());
            List<RecordedRun> earlier = ledger.overlapping();
            boolean rerun = earlier.size() == 1 && sameSlice(earlier.get(0), plan);
            if (rerun && !reset) {
                List<String> differences = shape.differencesFrom(earlier.get(0).shape(),
                        anchor == Anchor.DEFAULTED ? Set.of(RunShape.ANCHOR) : Set.of());
                if (earlier.get(0).shape().isKnown() && !differences.isEmpty()) {
                    throw new TargetException("users [" + plan.fromUser() + ", " + plan.toUser() + ") of seed "
                            + plan.seed() + " were seeded in another shape", differences,
                            TargetException.Remedy.RESET);
                }
                return new SeedReport(SeedReport.Outcome.ALREADY_SEEDED, List.of(), 0, since(start), earlier,
                        target, List.of());
            }
            for (RecordedRun run : earlier) {
                // A reset removes whole earlier runs: one reaching beyond this plan would lose users it does not
                // write back; without reset, any overlap but the same slice would collide key for key.
                if (!reset || run.fromUser() < plan.fromUser() || run.toUser() > plan.toUser()) {
                    throw new TargetException("users [" + plan.fromUser() + ", " + plan.toUser() + ") of seed "
                            + plan.seed() + " overlap an earlier run of users [" + run.fromUser() + ", "
                            + run.toUser() + ")" + (reset ? " that reaches beyond them" : "")
                            + ": reset a plan that covers that run, or choose users that do not overlap it",
                            List.of());
                }
            }
            long removed = 0;
            for (RecordedRun run : earlier) {
                long n = ledger.remove(run, Dataset.userIds(run.seed(), run.fromUser(), run.toUser()));
                removed = removed < 0 || n < 0 ? -1 : removed + n;
            }
            List<SeedReport.TableReport> tables = new ArrayList<>();
            // The rows follow the rules of the platform the target is, whatever the plan was made for.
            Dataset dataset = new Dataset(target.fit(plan));
            List<Dataset.Step<?>> steps = new ArrayList<>();
            if (loginAccounts) {
                steps.add(dataset.loginAccounts());
            }
            steps.addAll(dataset.steps());
            for (Dataset.Step<?> step : steps) {
                if (!target.tablesLeftOut().contains(step.table().name())) {
                    tables.add(write(tx, step));
                }
            }
            long rows = tables.stream().mapToLong(SeedReport.TableReport::rows).sum();
            ledger.record(new RecordedRun(plan.seed(), plan.fromUser(), plan.toUser(), plan.scale().users(),
                    BlockCatalogue.platform().size(), plan.now(), rows, shape));
            tx.commit();
            return new SeedReport(earlier.isEmpty() ? SeedReport.Outcome.SEEDED : SeedReport.Outcome.RESEEDED,
                    tables, removed, since(start), earlier, target, tx.notices());
        } finally {
            progress.runFinished();
        }
    }

    private static boolean sameSlice(RecordedRun run, SeedPlan plan) {
        return run.fromUser() == plan.fromUser() && run.toUser() == plan.toUser();
    }

    private <R extends Record> SeedReport.TableReport write(DatasetTransaction tx, Dataset.Step<R> step) {
        Table<R> table = step.table();
        String label = table.label();
        progress.tableStarted(label);
        long start = System.nanoTime();
        long[] seen = {0};
        Stream<R> rows = step.rows().get().peek(row -> {
            if (++seen[0] % PROGRESS_EVERY == 0) {
                progress.rowsWritten(label, seen[0]);
            }
        });
        long written = tx.write(table, rows);
        SeedReport.TableReport report = new SeedReport.TableReport(label, written, since(start), tx.path(table));
        progress.rowsWritten(label, written);
        progress.tableFinished(report);
        return report;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
