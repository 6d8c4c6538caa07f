package io.autogpt.seed.it;

import static io.autogpt.seed.it.support.CliRun.concat;
import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Shards stand alone: loaded at once, or in any order, into one database they hold exactly what one whole run holds
 * (per-table digests of every row), and one shard resets with its siblings present.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShardsTest {
    private static final String SCHEMA = "platform";
    private static final String[] PLAN = {"--users", "40", "--cohort-users", "10", "--seed", "7",
            "--now", "2025-06-01T00:00:00Z"};

    private TestDatabase whole;
    private Map<String, String> wholeDigests;

    @BeforeAll
    void seedOneWholeRun() throws Exception {
        whole = TestDatabase.create(getClass());
        ok(seed(whole));
        wholeDigests = digests(whole);
        try (Connection c = whole.connect(SCHEMA)) {
            assertThat(Sql.counts(c)).as("the whole run holds the plan's users").containsEntry("User", 40L);
        }
    }

    @AfterAll
    void drop() {
        whole.close();
    }

    @Test
    void fourShardsLoadedAtOnceIntoAnEmptyDatabaseEqualOneWholeRun() throws Exception {
        // An empty database: one shard creates the schema while the others wait for it, then all load at once.
        try (TestDatabase db = TestDatabase.create(getClass())) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<CliRun>> runs = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String shard = i + "/4";
                    runs.add(pool.submit((Callable<CliRun>) () -> seed(db, "--shard", shard)));
                }
                for (Future<CliRun> run : runs) {
                    ok(run.get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(digests(db)).isEqualTo(wholeDigests);
        }
    }

    @Test
    void slicesLoadedInAnyOrderEqualOneWholeRunAndOneResetsAlone() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            ok(seed(db, "--slice", "30..39"));
            Map<String, String> part = digests(db);
            assertThat(wholeDigests).as("the digests tell a part of the users from the whole")
                    .doesNotContainEntry("User", part.get("User"))
                    .doesNotContainEntry("AgentGraph", part.get("AgentGraph"))
                    .containsEntry("AgentBlock", part.get("AgentBlock"));
            ok(seed(db, "--slice", "0..19"));
            ok(seed(db, "--slice", "20..29"));
            assertThat(digests(db)).isEqualTo(wholeDigests);

            CliRun reset = seed(db, "--reset", "--shard", "1/2");
            ok(reset);
            assertThat(reset.out()).contains("reseeded seed 7 (users 20..39 of 40").contains("of 2 earlier runs");
            assertThat(digests(db)).isEqualTo(wholeDigests);
            CliRun again = seed(db, "--shard", "1/2");
            ok(again);
            assertThat(again.out()).startsWith("already seeded");
            assertThat(seed(db, "--slice", "30..39").exitCode()).as("a part of the reset run").isEqualTo(3);
        }
    }

    @Test
    void aSliceOverlappingAnotherIsRefusedAndOneThatCutsACohortIsAUsageError() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            ok(seed(db, "--slice", "0..19"));
            CliRun overlap = seed(db, "--slice", "10..29");
            assertThat(overlap.exitCode()).as(overlap.all()).isEqualTo(3);
            assertThat(overlap.err()).isEqualTo("error: users [10, 30) of seed 7 overlap an earlier run of users "
                    + "[0, 20): reset a plan that covers that run, or choose users that do not overlap it\n");
            CliRun cut = seed(db, "--slice", "0..14");
            assertThat(cut.exitCode()).isEqualTo(2);
            assertThat(cut.err()).isEqualTo("error: --slice 0..14 must hold whole cohorts of 10 users "
                    + "(--cohort-users): start at a multiple of 10, end just before one or at the last user, 39; "
                    + "e.g. 0..19\n");
            CliRun tooMany = seed(db, "--shard", "0/5");
            assertThat(tooMany.err()).isEqualTo("error: 5 shards need at least 5 cohorts of 10 users; the plan "
                    + "has 4\n");
        }
    }

    private static CliRun seed(TestDatabase db, String... more) {
        return CliRun.of(concat(concat(new String[] {"seed", "--db", db.cliUrl(SCHEMA), "--create-schema"}, PLAN),
                more));
    }

    private static void ok(CliRun run) {
        assertThat(run.exitCode()).as(run.all()).isZero();
    }

    private static Map<String, String> digests(TestDatabase db) throws Exception {
        try (Connection c = db.connect(SCHEMA)) {
            return Sql.digests(c);
        }
    }
}
