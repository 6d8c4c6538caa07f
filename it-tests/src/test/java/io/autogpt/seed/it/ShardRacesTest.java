package io.autogpt.seed.it;

import static io.autogpt.seed.it.support.CliRun.concat;
import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Shards started together never deadlock: four at once, ten times, into an empty schema and into one holding another
 * seed, and every run holds exactly what one whole run holds (per-table digests), with every index and key in place.
 * The shards race for the bulk load: the first to lock its tables loads them bare, the others wait for it or load
 * with the indexes in place. Into the empty schema they race for the marketplace catalogue too: one writes it and
 * activates it, the others find it.
 */
class ShardRacesTest {
    private static final String SCHEMA = "platform";
    /**
     * Per run, the gap between one shard's start and the next's: the small ones race the first shard's taking of its
     * locks (where shards deadlocked), the larger ones its load.
     */
    private static final long[] GAPS_MS = {0, 2, 5, 10, 20, 40, 80, 150, 250, 400};
    private static final int RUNS = GAPS_MS.length;
    private static final String[] PLAN = {"--users", "20", "--cohort-users", "5", "--seed", "7",
            "--now", "2025-06-01T00:00:00Z"};

    /** What the database holds before the shards start. */
    enum Before {
        /** The platform's schema, every table empty: each shard may take the bulk path. */
        EMPTY_SCHEMA,
        /** Another seed's one user and what it owns (the case): only the tables it left empty load bare. */
        ANOTHER_SEED
    }

    @ParameterizedTest
    @EnumSource(Before.class)
    void fourShardsStartedTogetherTenTimesEachHoldWhatOneWholeRunHolds(Before before) throws Exception {
        try (TestDatabase template = template(before)) {
            Map<String, String> whole;
            List<String> catalog;
            try (TestDatabase db = template.copy()) {
                ok(seed(db), "the whole run");
                try (Connection c = db.connect(SCHEMA)) {
                    assertThat(Sql.count(c, "SELECT count(*) FROM \"CatalogueState\" s JOIN \"CatalogueActivation\" a "
                            + "ON a.\"releaseId\" = s.\"activeReleaseId\"")).as("the seeded catalogue, active").isEqualTo(1);
                }
                whole = digests(db);
                catalog = catalog(db);
            }
            List<String> failures = new ArrayList<>();
            int bulkRuns = 0;
            for (int run = 1; run <= RUNS; run++) {
                try (TestDatabase db = template.copy()) {
                    List<CliRun> shards = startTogether(db, GAPS_MS[run - 1]);
                    for (int i = 0; i < shards.size(); i++) {
                        if (shards.get(i).exitCode() != 0) {
                            failures.add("run " + run + ", shard " + i + "/4: " + shards.get(i).all());
                        }
                    }
                    if (shards.stream().anyMatch(ShardRacesTest::loadedBare)) {
                        bulkRuns++;
                    }
                    Map<String, String> digests = digests(db);
                    if (shards.stream().allMatch(shard -> shard.exitCode() == 0) && !digests.equals(whole)) {
                        failures.add("run " + run + ": tables unlike one whole run's: " + whole.keySet().stream()
                                .filter(t -> !whole.get(t).equals(digests.get(t))).toList());
                    }
                    if (!catalog(db).equals(catalog)) {
                        failures.add("run " + run + ": indexes or keys not as before");
                    }
                }
            }
            assertThat(failures).as(before + ": runs of four shards that failed or differ").isEmpty();
            assertThat(bulkRuns).as(before + ": runs in which a shard loaded tables bare").isPositive();
            System.out.println(before + ": " + RUNS + " runs of four shards, each equal to one whole run; a bulk load "
                    + "in " + bulkRuns);
        }
    }

    private static TestDatabase template(Before before) throws Exception {
        TestDatabase db = TestDatabase.create(ShardRacesTest.class);
        try {
            db.installVector();
            ok(CliRun.of("seed", "--db", db.cliUrl(SCHEMA), "--create-schema", "--users", "1", "--seed", "999",
                    "--now", "2025-06-01T00:00:00Z"), "the other seed");
            if (before == Before.EMPTY_SCHEMA) {
                try (Connection c = db.connect(SCHEMA); Statement st = c.createStatement()) {
                    st.execute("DO $$ BEGIN EXECUTE (SELECT 'TRUNCATE ' || string_agg(format('%I.%I', schemaname, "
                            + "tablename), ', ') FROM pg_tables WHERE schemaname IN ('platform', 'autogpt_seed')); "
                            + "END $$");
                    // The platform's migration leaves the catalogue's one state row, which the shards race to move to
                    // the seeded release; its guard admits no insert, so it goes back with triggers off, as it came.
                    c.setAutoCommit(false);
                    st.execute("SET LOCAL session_replication_role = replica");
                    st.execute("INSERT INTO \"CatalogueState\" (id) VALUES ('marketplace')");
                    c.commit();
                }
            }
            return db;
        } catch (Exception | AssertionError e) {
            db.close();
            throw e;
        }
    }

    /** Four shards, each in its own thread and connection; shard {@code i} starts {@code i * gapMs} after shard 0. */
    private static List<CliRun> startTogether(TestDatabase db, long gapMs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<CliRun>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int index = i;
                runs.add(pool.submit(() -> {
                    go.await();
                    Thread.sleep(index * gapMs);
                    return seed(db, "--shard", index + "/4");
                }));
            }
            go.countDown();
            List<CliRun> out = new ArrayList<>();
            for (Future<CliRun> run : runs) {
                out.add(run.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether the run's summary shows a table loaded without its indexes. */
    private static boolean loadedBare(CliRun run) {
        return run.out().lines().anyMatch(line -> line.matches(".*\\sbulk( \\(.*\\))?"));
    }

    private static CliRun seed(TestDatabase db, String... more) {
        return CliRun.of(concat(concat(new String[] {"seed", "--db", db.cliUrl(SCHEMA)}, PLAN), more));
    }

    private static void ok(CliRun run, String what) {
        assertThat(run.exitCode()).as(what + ": " + run.all()).isZero();
    }

    private static Map<String, String> digests(TestDatabase db) throws Exception {
        try (Connection c = db.connect(SCHEMA)) {
            return Sql.digests(c);
        }
    }

    private static List<String> catalog(TestDatabase db) throws Exception {
        try (Connection c = db.connect(SCHEMA)) {
            return Sql.catalog(c);
        }
    }
}
