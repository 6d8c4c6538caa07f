package io.autogpt.seed.core.testing;

import io.autogpt.seed.core.block.BlockCatalogue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autogpt.seed.core.agent.LibraryAgent;
import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.agent.AgentGraph;
import io.autogpt.seed.core.plan.IntRange;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.DatasetTransaction;
import io.autogpt.seed.core.plan.RunShape;
import io.autogpt.seed.core.port.RecordedRun;
import io.autogpt.seed.core.port.RunLedger;
import io.autogpt.seed.core.port.TargetException;
import io.autogpt.seed.core.port.WriteDatasetPort;
import io.autogpt.seed.core.run.Dataset;
import io.autogpt.seed.core.run.SeedProgress;
import io.autogpt.seed.core.run.SeedReport;
import io.autogpt.seed.core.run.SeedRunner;
import io.autogpt.seed.core.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WriteDatasetPort} promises, as one test that runs against each implementation (a subclass each:
 * the in-memory store in seed-core, PostgreSQL in it-tests), so a fake cannot pass where the database fails.
 * Subclasses give a port onto a fresh, empty target per test and a way to read it back.
 */
public abstract class DatasetStoreContract {
    /** Two cohorts of two users, a handful of rows each. */
    protected static final SeedPlan PLAN = SeedPlan.of(42, Instant.parse("2025-06-01T00:00:00Z"),
            new ScaleProfile(4, IntRange.exactly(2), new IntRange(2, 3), IntRange.exactly(1), new IntRange(1, 2),
                    new IntRange(1, 2), IntRange.exactly(1), IntRange.exactly(2), IntRange.exactly(1),
                    IntRange.exactly(1), IntRange.exactly(1), 1.0, 0.5, new IntRange(1, 3),
                    new IntRange(1, 2), 2));

    /** {@link #PLAN} with three graphs per user instead of two: the same users in another shape. */
    private static final SeedPlan MORE_GRAPHS = new SeedPlan(PLAN.seed(), PLAN.now(),
            PLAN.scale().toBuilder().graphsPerUser(IntRange.exactly(3)).build(), 0, 4);

    /** A port onto this test's target, empty at the start of each test. */
    protected abstract WriteDatasetPort port();

    /** Committed rows per table, tables without rows left out. */
    protected abstract Map<String, Long> counts();

    /** The plan's rows of {@code table} under the rules of the target {@code tx} writes into, as a run makes them. */
    private static <R extends Record> Stream<R> rows(DatasetTransaction tx, io.autogpt.seed.core.table.Table<R> table) {
        return new Dataset(tx.facts().fit(PLAN)).rows(table);
    }

    private SeedReport seed(SeedPlan plan, boolean reset) {
        return new SeedRunner(port(), SeedProgress.NONE).run(plan, reset);
    }

    @Test
    public void committedRowsAppearAndAnUncommittedTransactionLeavesNothing() {
        try (DatasetTransaction tx = port().begin(PLAN)) {
            tx.write(User.TABLE, rows(tx, User.TABLE));
            // closed without commit
        }
        assertThat(counts()).doesNotContainKey("User");
        assertThat(seed(PLAN, false).outcome()).isEqualTo(SeedReport.Outcome.SEEDED);
        assertThat(counts()).containsEntry("User", 4L).containsEntry("AgentBlock", (long) BlockCatalogue.platform().size());
    }

    @Test
    public void aDuplicatePrimaryKeyFailsTheRunAndLeavesNothing() {
        assertThatThrownBy(() -> {
            try (DatasetTransaction tx = port().begin(PLAN)) {
                tx.write(User.TABLE, rows(tx, User.TABLE));
                tx.write(User.TABLE, rows(tx, User.TABLE).limit(1));
                tx.commit();
            }
        }).isInstanceOf(TargetException.class).hasMessageContaining("User_pkey");
        assertThat(counts()).doesNotContainKey("User");
    }

    @Test
    public void aDanglingForeignKeyFailsTheRunAndLeavesNothing() {
        assertThatThrownBy(() -> {
            try (DatasetTransaction tx = port().begin(PLAN)) {
                tx.write(LibraryAgent.TABLE, rows(tx, LibraryAgent.TABLE).limit(1));
                tx.commit();
            }
        }).isInstanceOf(TargetException.class).hasMessageContaining("LibraryAgent_");
        assertThat(counts()).isEmpty();
    }

    @Test
    public void sharedRowsAreWrittenOnceHoweverManyRunsBringThem() {
        seed(PLAN.shard(0, 2), false);
        seed(PLAN.shard(1, 2), false);
        assertThat(counts()).containsEntry("AgentBlock", (long) BlockCatalogue.platform().size()).containsEntry("User", 4L);
    }

    @Test
    public void runsAreKeptPerSeedAndSlice() {
        assertThat(seed(PLAN.shard(1, 2), false).outcome()).isEqualTo(SeedReport.Outcome.SEEDED);
        assertThat(seed(PLAN.shard(0, 2), false).outcome()).isEqualTo(SeedReport.Outcome.SEEDED);
        SeedReport again = seed(PLAN.shard(1, 2), false);
        assertThat(again.outcome()).isEqualTo(SeedReport.Outcome.ALREADY_SEEDED);
        assertThat(again.earlier()).extracting(RecordedRun::fromUser, RecordedRun::toUser)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 4));
        assertThatThrownBy(() -> seed(PLAN, false)).isInstanceOf(TargetException.class)
                .hasMessageContaining("overlap an earlier run of users [0, 2)");
    }

    @Test
    public void aRerunInAnotherShapeIsRefusedNamingWhatDiffersAndResetReseedsIt() {
        seed(PLAN, false);
        Map<String, Long> before = counts();
        assertThatThrownBy(() -> seed(MORE_GRAPHS, false)).isInstanceOfSatisfying(TargetException.class, e -> {
            assertThat(e.summary()).isEqualTo("users [0, 4) of seed 42 were seeded in another shape");
            assertThat(e.problems()).containsExactly("graphs-per-user 2 → 3");
            assertThat(e.remedy()).isEqualTo(TargetException.Remedy.RESET);
        });
        assertThat(counts()).isEqualTo(before);
        assertThat(seed(PLAN, false).outcome()).as("the same shape").isEqualTo(SeedReport.Outcome.ALREADY_SEEDED);
        assertThat(seed(MORE_GRAPHS, true).outcome()).isEqualTo(SeedReport.Outcome.RESEEDED);
        assertThat(counts().get("AgentGraph")).isEqualTo(12L);
        assertThat(seed(MORE_GRAPHS, false).outcome()).isEqualTo(SeedReport.Outcome.ALREADY_SEEDED);
    }

    @Test
    public void anotherAnchorIsAnotherShapeUnlessNobodyChoseIt() {
        seed(PLAN, false);
        SeedPlan later = SeedPlan.of(PLAN.seed(), Instant.parse("2025-07-01T00:00:00Z"), PLAN.scale());
        assertThatThrownBy(() -> seed(later, false)).isInstanceOf(TargetException.class)
                .hasMessage("users [0, 4) of seed 42 were seeded in another shape: "
                        + "now 2025-06-01T00:00:00Z → 2025-07-01T00:00:00Z");
        SeedReport defaulted = new SeedRunner(port(), SeedProgress.NONE).run(later, false, SeedRunner.Anchor.DEFAULTED);
        assertThat(defaulted.outcome()).isEqualTo(SeedReport.Outcome.ALREADY_SEEDED);
        assertThat(defaulted.earlier()).extracting(RecordedRun::now).containsExactly(PLAN.now());
    }

    @Test
    public void aRunRecordedWithoutAShapeIsTakenForARerun() {
        // As an older seeder recorded it: no shape. Nothing can be compared, and nothing is claimed about it.
        WriteDatasetPort older = plan -> new ForwardingTransaction(port().begin(plan)) {
            @Override
            public RunLedger runs() {
                RunLedger inner = super.runs();
                return new RunLedger() {
                    @Override
                    public List<RecordedRun> overlapping() {
                        return inner.overlapping();
                    }

                    @Override
                    public void record(RecordedRun r) {
                        inner.record(new RecordedRun(r.seed(), r.fromUser(), r.toUser(), r.users(), r.blocks(),
                                r.now(), r.rows(), RunShape.UNKNOWN));
                    }

                    @Override
                    public long remove(RecordedRun run, Stream<String> userIds) {
                        return inner.remove(run, userIds);
                    }
                };
            }
        };
        new SeedRunner(older, SeedProgress.NONE).run(PLAN, false);
        SeedReport again = seed(MORE_GRAPHS, false);
        assertThat(again.outcome()).isEqualTo(SeedReport.Outcome.ALREADY_SEEDED);
        assertThat(again.earlier()).extracting(RecordedRun::shape).containsExactly(RunShape.UNKNOWN);
    }

    @Test
    public void shardsTogetherHoldWhatOneWholeRunHolds() {
        seed(PLAN.shard(1, 2), false);
        seed(PLAN.shard(0, 2), false);
        Map<String, Long> sharded = counts();
        SeedReport whole = seed(PLAN, true);
        assertThat(whole.outcome()).isEqualTo(SeedReport.Outcome.RESEEDED);
        assertThat(whole.earlier()).hasSize(2);
        assertThat(counts()).isEqualTo(sharded);
    }

    @Test
    public void resettingOneShardLeavesItsSiblingAsItWas() {
        seed(PLAN.shard(0, 2), false);
        long firstShard = total(counts());
        seed(PLAN.shard(1, 2), false);
        Map<String, Long> before = counts();
        SeedReport report = seed(PLAN.shard(1, 2), true);
        assertThat(report.outcome()).isEqualTo(SeedReport.Outcome.RESEEDED);
        assertThat(report.removedRows()).as("rows of the second shard alone").isIn(-1L, total(before) - firstShard);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    public void aResetThatWouldCutAnEarlierRunIsRefused() {
        seed(PLAN, false);
        Map<String, Long> before = counts();
        assertThatThrownBy(() -> seed(PLAN.shard(0, 2), true)).isInstanceOf(TargetException.class)
                .hasMessageContaining("overlap an earlier run of users [0, 4) that reaches beyond them");
        assertThat(counts()).isEqualTo(before);
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    public void aForeignRowThatRestrictsTheDeleteFailsTheResetAndChangesNothing() {
        seed(PLAN, false);
        writeForeignLibraryEntryFor(new Dataset(PLAN).rows(AgentGraph.TABLE).findFirst().orElseThrow().id());
        Map<String, Long> before = counts();
        assertThatThrownBy(() -> seed(PLAN, true)).isInstanceOf(TargetException.class)
                .hasMessageContaining("LibraryAgent_agentGraphId_agentGraphVersion_fkey");
        assertThat(counts()).isEqualTo(before);
    }

    /** A user of another seed (as a real user would be) who added graph {@code graphId} to their library. */
    private void writeForeignLibraryEntryFor(String graphId) {
        SeedPlan foreign = SeedPlan.of(999, Instant.parse("2025-06-01T00:00:00Z"), ScaleProfile.original().withUsers(1));
        try (DatasetTransaction tx = port().begin(foreign)) {
            User user = new Dataset(tx.facts().fit(foreign)).rows(User.TABLE).findFirst().orElseThrow();
            LibraryAgent entry = new LibraryAgent("foreign-library-entry", user.createdAt(), user.createdAt(),
                    user.id(), graphId, 1, false, false, false, false, false, null, null, Json.EMPTY_OBJECT, null,
                    null, null, null, false, null, null,
                    io.autogpt.seed.core.org.ResourceVisibility.PRIVATE);
            tx.write(User.TABLE, Stream.of(user));
            tx.write(LibraryAgent.TABLE, Stream.of(entry));
            tx.commit();
        }
    }

    @Test
    public void noRunIsRecordedByATransactionThatDidNotCommit() {
        assertThatThrownBy(() -> new SeedRunner(plan -> new FailingTransaction("AgentNode", 1, "boom",
                port().begin(plan)), SeedProgress.NONE).run(PLAN, false)).hasMessage("boom");
        assertThat(seed(PLAN, false).outcome()).isEqualTo(SeedReport.Outcome.SEEDED);
        assertThat(List.of(counts().get("User"))).containsExactly(4L);
    }
}
