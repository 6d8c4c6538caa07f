package io.autogpt.seed.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.table.SqlType;
import io.autogpt.seed.core.testing.Canonical;
import io.autogpt.seed.core.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
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
        List<Map<SqlType, Set<String>>> values = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            Set<String> own = new HashSet<>();
            Map<SqlType, Set<String>> seen = new java.util.EnumMap<>(SqlType.class);
            collect(new Dataset(PLAN.shard(i, shards)), own, seen);
            ids.add(own);
            values.add(seen);
        }
        // The scan reads every kind of column: references inside jsonb and arrays, and ids that are numbers.
        assertThat(values.get(0).keySet()).as("column types read").contains(SqlType.TEXT, SqlType.JSONB,
                SqlType.TEXT_ARRAY, SqlType.ENUM_ARRAY, SqlType.BIGINT, SqlType.INTEGER, SqlType.VECTOR);
        assertThat(values.get(0).get(SqlType.JSONB)).as("ids a shard's jsonb names, found inside the json")
                .containsAnyElementsOf(ids.get(0));
        assertThat(ids.get(0)).as("numeric ids (SearchTerms) are ids too").anyMatch(id -> id.startsWith("#"));
        for (int i = 0; i < shards; i++) {
            for (int j = 0; j < shards; j++) {
                if (i != j) {
                    for (Map.Entry<SqlType, Set<String>> typed : values.get(i).entrySet()) {
                        Set<String> crossing = new HashSet<>(typed.getValue());
                        crossing.retainAll(ids.get(j));
                        assertThat(crossing).as("%s values of shard %d that are ids of shard %d's rows",
                                typed.getKey(), i, j).isEmpty();
                    }
                }
            }
        }
    }

    /** The scan sees an id inside a json text and an array, and tells the number 3 apart from the text "3". */
    @Test
    void theShardScanFindsIdsInsideJsonArraysAndNumbers() {
        Set<String> tokens = new HashSet<>();
        String id = "0b7e2f4c-5d1a-4e8b-9c3d-2a1b0c9d8e7f";
        tokens(java.util.List.of("{\"graphId\":\"" + id + "\"}", 3L), tokens);
        assertThat(tokens).contains(id, "#3").doesNotContain("3");
    }

    private static final java.util.regex.Pattern UUID = java.util.regex.Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /**
     * The id (first column) of every row but the shared ones into {@code ids}; every value of every column into
     * {@code values}, by column type: texts whole, the UUIDs inside them (json, vectors' neighbours), array elements,
     * and numbers marked as numbers.
     */
    private static void collect(Dataset dataset, Set<String> ids, Map<SqlType, Set<String>> values) {
        for (Dataset.Step<?> step : dataset.steps()) {
            collect(step, ids, values);
        }
    }

    private static <R extends Record> void collect(Dataset.Step<R> step, Set<String> ids,
                                                   Map<SqlType, Set<String>> values) {
        boolean shared = step.table().kind() == io.autogpt.seed.core.table.Table.Kind.INSERT_MISSING;
        step.rows().get().forEach(row -> {
            for (var column : step.table().columns()) {
                tokens(column.value(row), values.computeIfAbsent(column.type(), t -> new HashSet<>()));
            }
            Object id = step.table().columns().get(0).value(row);
            if (!shared && id != null) {
                ids.add(id instanceof Number n ? "#" + n : String.valueOf(id));
            }
        });
    }

    private static void tokens(@org.jspecify.annotations.Nullable Object value, Set<String> out) {
        if (value == null) {
            return;
        }
        if (value instanceof java.util.Collection<?> elements) {
            elements.forEach(e -> tokens(e, out));
            return;
        }
        if (value instanceof Number n) {
            out.add("#" + n);
            return;
        }
        String text = value instanceof io.autogpt.seed.core.vector.Embedding e ? e.text() : String.valueOf(value);
        out.add(text);
        java.util.regex.Matcher m = UUID.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
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
