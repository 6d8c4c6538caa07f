package io.autogpt.seed.core.run;

import io.autogpt.seed.core.block.BlockCatalogue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.RecordedRun;
import io.autogpt.seed.core.port.WriteDatasetPort;
import io.autogpt.seed.core.testing.FailingTransaction;
import io.autogpt.seed.core.testing.InMemoryDatasetStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedRunnerTest {
    private static final SeedPlan PLAN = SeedPlan.of(42, Instant.parse("2025-06-01T00:00:00Z"),
            ScaleProfile.original().withUsers(10));

    @Test
    void seedsEveryTableAndRecordsTheRun() {
        InMemoryDatasetStore store = new InMemoryDatasetStore();
        SeedReport report = new SeedRunner(store, SeedProgress.NONE).run(PLAN, false);
        assertThat(report.outcome()).isEqualTo(SeedReport.Outcome.SEEDED);
        assertThat(store.rows("User")).hasSize(10);
        assertThat(store.rows("AgentBlock")).hasSize(BlockCatalogue.platform().size());
        assertThat(store.runs()).extracting(RecordedRun::rows).containsExactly(report.totalRows());
        assertThat(report.tables()).extracting(SeedReport.TableReport::table).first().isEqualTo("User");
    }

    @Test
    void theRunnerStartsNoThreadOfItsOwn() throws Exception {
        // Threads a thread starts join its group: a group of one means the run stayed on the caller's thread, also
        // while the port connects (where a warm-up thread used to be alive).
        ThreadGroup group = new ThreadGroup("seed-runner-test");
        int[] seenAtBegin = {-1};
        int[] seenAtCommit = {-1};
        InMemoryDatasetStore store = new InMemoryDatasetStore();
        WriteDatasetPort watching = plan -> {
            seenAtBegin[0] = Thread.currentThread().getThreadGroup().activeCount();
            return new io.autogpt.seed.core.testing.ForwardingTransaction(store.begin(plan)) {
                @Override
                public void commit() {
                    seenAtCommit[0] = Thread.currentThread().getThreadGroup().activeCount();
                    super.commit();
                }
            };
        };
        Thread caller = new Thread(group, () -> new SeedRunner(watching, SeedProgress.NONE).run(PLAN, false));
        caller.start();
        caller.join();
        assertThat(seenAtBegin[0]).isEqualTo(1);
        assertThat(seenAtCommit[0]).isEqualTo(1);
        assertThat(store.rows("User")).hasSize(10);
    }

    @Test
    void aRerunOfTheSameSeedChangesNothing() {
        InMemoryDatasetStore store = new InMemoryDatasetStore();
        new SeedRunner(store, SeedProgress.NONE).run(PLAN, false);
        var before = store.counts();
        SeedReport again = new SeedRunner(store, SeedProgress.NONE).run(PLAN, false);
        assertThat(again.outcome()).isEqualTo(SeedReport.Outcome.ALREADY_SEEDED);
        assertThat(again.tables()).isEmpty();
        assertThat(store.counts()).isEqualTo(before);
    }

    @Test
    void resetReplacesTheEarlierRunOfTheSeedOnly() {
        InMemoryDatasetStore store = new InMemoryDatasetStore();
        SeedPlan other = new SeedPlan(7, PLAN.now(), PLAN.scale(), 0, 10);
        new SeedRunner(store, SeedProgress.NONE).run(PLAN, false);
        new SeedRunner(store, SeedProgress.NONE).run(other, false);
        var before = store.counts();
        SeedReport report = new SeedRunner(store, SeedProgress.NONE).run(PLAN, true);
        assertThat(report.outcome()).isEqualTo(SeedReport.Outcome.RESEEDED);
        assertThat(store.counts()).isEqualTo(before);
    }

    @Test
    void aFailureMidRunCommitsNothing() {
        InMemoryDatasetStore store = new InMemoryDatasetStore();
        WriteDatasetPort failing = plan -> new FailingTransaction("AgentNodeExecution", 0, "disk full", store.begin(plan));
        assertThatThrownBy(() -> new SeedRunner(failing, SeedProgress.NONE).run(PLAN, false))
                .hasMessage("disk full");
        assertThat(store.counts()).isEmpty();
        assertThat(store.runs()).isEmpty();
    }

    @Test
    void loginAccountsAreAStepWrittenFirstFromThePlansOwnUsers() {
        InMemoryDatasetStore store = new InMemoryDatasetStore();
        SeedReport report = new SeedRunner(store, SeedProgress.NONE).withLoginAccounts().run(PLAN, false);
        assertThat(report.tables()).extracting(SeedReport.TableReport::table).startsWith("LoginAccount", "User");
        assertThat(store.rows("LoginAccount")).extracting(r -> List.of(r.get("id"), r.get("email"), r.get("createdAt")))
                .containsExactlyElementsOf(store.rows("User").stream()
                        .map(r -> List.of(r.get("id"), r.get("email"), r.get("createdAt"))).toList());
        assertThat(store.runs()).extracting(RecordedRun::rows).containsExactly(report.totalRows());
    }

    @Test
    void withoutLoginAccountsNoTargetIsAskedForThem() {
        InMemoryDatasetStore store = new InMemoryDatasetStore();
        SeedReport report = new SeedRunner(store, SeedProgress.NONE).run(PLAN, false);
        assertThat(report.tables()).extracting(SeedReport.TableReport::table).doesNotContain("LoginAccount");
        assertThat(store.rows("LoginAccount")).isEmpty();
    }
}
