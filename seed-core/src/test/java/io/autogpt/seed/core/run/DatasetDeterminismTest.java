package io.autogpt.seed.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.testing.Canonical;
import io.autogpt.seed.core.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DatasetDeterminismTest {
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    /** Four cohorts of ten users. */
    private static final SeedPlan PLAN = SeedPlan.of(42, NOW,
            ScaleProfile.original().withUsers(40).withCohortUsers(10));

    /** Every table's rows as canonical lines. */
    static Map<String, List<String>> lines(Dataset dataset) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Dataset.Step<?> step : dataset.steps()) {
            out.put(step.table().label(), lines(step));
        }
        return out;
    }

    private static <R extends Record> List<String> lines(Dataset.Step<R> step) {
        return step.rows().get().map(r -> Canonical.line(step.table(), r)).collect(Collectors.toList());
    }

    @Test
    void sameSeedGivesIdenticalRows() {
        assertThat(lines(new Dataset(PLAN))).isEqualTo(lines(new Dataset(PLAN)));
    }

    @Test
    void aStreamGivesTheSameRowsEachTimeItIsAsked() {
        Dataset dataset = new Dataset(PLAN);
        assertThat(lines(dataset)).isEqualTo(lines(dataset));
    }

    @Test
    void differentSeedsShareNoIdsAndNoUniqueValues() {
        List<User> a = new Dataset(PLAN).steps().get(0).rows().get().map(User.class::cast).toList();
        SeedPlan other = new SeedPlan(43, PLAN.now(), PLAN.scale(), 0, PLAN.scale().users());
        List<User> b = new Dataset(other).steps().get(0).rows().get().map(User.class::cast).toList();
        assertThat(a).extracting(User::id).doesNotContainAnyElementsOf(b.stream().map(User::id).toList());
        assertThat(a).extracting(User::email).doesNotContainAnyElementsOf(b.stream().map(User::email).toList());
    }

    @Test
    void slicesTogetherGiveExactlyTheWholeDataset() {
        Map<String, List<String>> whole = lines(new Dataset(PLAN));
        Map<String, List<String>> first = lines(new Dataset(PLAN.slice(0, 20)));
        Map<String, List<String>> second = lines(new Dataset(PLAN.slice(20, 40)));
        for (String table : whole.keySet()) {
            if (table.equals("AgentBlock")) {
                // Shared rows: every slice makes all of them, identically; they are written where missing.
                assertThat(first.get(table)).isEqualTo(whole.get(table)).isEqualTo(second.get(table));
                continue;
            }
            List<String> joined = new ArrayList<>(first.get(table));
            joined.addAll(second.get(table));
            assertThat(joined).as(table).isEqualTo(whole.get(table));
        }
    }

    @Test
    void aShardReferencesNoRowOfAnotherShard() {
        int shards = 4;
        List<Set<String>> ids = new ArrayList<>();
        List<Set<String>> values = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            Set<String> own = new HashSet<>();
            Set<String> seen = new HashSet<>();
            collect(new Dataset(PLAN.shard(i, shards)), own, seen);
            ids.add(own);
            values.add(seen);
        }
        for (int i = 0; i < shards; i++) {
            for (int j = 0; j < shards; j++) {
                if (i != j) {
                    Set<String> crossing = new HashSet<>(values.get(i));
                    crossing.retainAll(ids.get(j));
                    assertThat(crossing).as("values of shard %d that are ids of shard %d's rows", i, j).isEmpty();
                }
            }
        }
    }

    /** The first column (the id) of every row but the shared ones into {@code ids}; every text value into {@code values}. */
    private static void collect(Dataset dataset, Set<String> ids, Set<String> values) {
        for (Dataset.Step<?> step : dataset.steps()) {
            collect(step, ids, values);
        }
    }

    private static <R extends Record> void collect(Dataset.Step<R> step, Set<String> ids, Set<String> values) {
        boolean shared = step.table().kind() == io.autogpt.seed.core.table.Table.Kind.INSERT_MISSING;
        step.rows().get().forEach(row -> {
            for (var column : step.table().columns()) {
                if (column.value(row) instanceof String text) {
                    values.add(text);
                }
            }
            if (!shared && step.table().columns().get(0).value(row) instanceof String id) {
                ids.add(id);
            }
        });
    }

    @Test
    void shardsAreWholeCohortsThatCoverEveryUserOnce() {
        for (int count = 1; count <= 4; count++) {
            int next = 0;
            for (int i = 0; i < count; i++) {
                SeedPlan shard = PLAN.shard(i, count);
                assertThat(shard.fromUser()).isEqualTo(next);
                assertThat(shard.fromUser() % 10).isZero();
                next = shard.toUser();
            }
            assertThat(next).isEqualTo(40);
        }
        assertThatThrownBy(() -> PLAN.shard(0, 5)).hasMessage("5 shards need at least 5 cohorts of 10 users; "
                + "the plan has 4");
        assertThatThrownBy(() -> PLAN.slice(0, 15)).hasMessageContaining("must hold whole cohorts of 10 users");
    }

    @Test
    void rowsAreTheSameWhateverTheThreadCount() throws Exception {
        Map<String, List<String>> whole = lines(new Dataset(PLAN));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<String, List<String>>>> parts = new ArrayList<>();
            for (int from = 0; from < 40; from += 10) {
                SeedPlan slice = PLAN.slice(from, from + 10);
                parts.add(pool.submit(() -> lines(new Dataset(slice))));
            }
            Map<String, List<String>> joined = new LinkedHashMap<>();
            for (Future<Map<String, List<String>>> part : parts) {
                part.get().forEach((t, rows) -> {
                    if (t.equals("AgentBlock")) {
                        joined.put(t, rows);
                    } else {
                        joined.computeIfAbsent(t, k -> new ArrayList<>()).addAll(rows);
                    }
                });
            }
            assertThat(joined).isEqualTo(whole);
        } finally {
            pool.shutdownNow();
        }
    }
}
