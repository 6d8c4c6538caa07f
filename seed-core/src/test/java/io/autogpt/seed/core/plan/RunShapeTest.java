package io.autogpt.seed.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunShapeTest {
    private static final SeedPlan PLAN = SeedPlan.of(42, Instant.parse("2025-06-01T00:00:00Z"),
            ScaleProfile.original());

    @Test
    void theStoredTextOfTheOriginalPlanStaysAsLedgersHoldIt() {
        // Ledgers keep this text: a change to it makes every earlier run look like another shape.
        assertThat(RunShape.of(PLAN, "platform-2026-01", Set.of("UnifiedContentEmbedding", "ChatSession")).canonical())
                .isEqualTo("seed=42 now=2025-06-01T00:00:00Z users=100 graphs-per-user=1..5 nodes-per-graph=2..5 "
                        + "presets-per-user=1..5 library-agents-per-user=1..10 executions-per-graph=1..20 "
                        + "reviews-per-version=1..5 credit-transactions-per-user=1 analytics-per-user=1 "
                        + "api-keys-per-user=1 webhooks-per-user=1..3 onboarding-share=0.7 webhook-share=0.3 "
                        + "library-folders-per-user=0..4 workspace-files-per-user=0..6 cohort-users=100 "
                        + "chats-per-user=0..3 turns-per-chat=1..4 understanding-share=0.5 notifications-per-user=0..6 "
                        + "key-values-per-user=0..3 refund-share=0.1 reviewed-run-share=0.05 "
                        + "store-searches-per-user=0..5 builder-searches-per-user=0..4 oauth-app-share=0.1 "
                        + "grants-per-oauth-app=1..5 shared-org-share=0.3 from-user=0 to-user=100 schema-version=platform-2026-01 "
                        + "tables-left-out=ChatSession,UnifiedContentEmbedding");
    }

    @Test
    void everyComponentOfThePlanIsOneKey() {
        Set<String> leaves = new LinkedHashSet<>();
        Deque<Class<?>> records = new ArrayDeque<>(List.of(SeedPlan.class));
        while (!records.isEmpty()) {
            for (RecordComponent c : records.pop().getRecordComponents()) {
                if (c.getType() == PlatformRules.class) {
                    continue; // the target's rules: the schema version written says which
                }
                if (c.getType() == EncryptionKey.class) {
                    continue; // recorded only when given: see theKeyIsRecordedAsGivenNeverItself
                }
                if (c.getType().isRecord() && c.getType() != IntRange.class) {
                    records.add(c.getType());
                } else {
                    leaves.add(c.getName());
                }
            }
        }
        RunShape shape = RunShape.of(PLAN, "", Set.of());
        assertThat(shape.values()).hasSize(leaves.size() + 2)
                .containsEntry("schema-version", "unknown").containsEntry("tables-left-out", "none");
    }

    @Test
    void theKeyIsRecordedAsGivenNeverItself() {
        String text = "zYx1tY0E0GkKQ1yYxq3o2s9Qm0yZk7bq3C1u9l2M8wA=";
        RunShape with = RunShape.of(PLAN.withEncryptionKey(EncryptionKey.parse(text)), "", Set.of());
        assertThat(with.values()).containsEntry("encryption-key", "set");
        assertThat(with.canonical()).doesNotContain(text.substring(0, 20));
        assertThat(RunShape.of(PLAN, "", Set.of()).values()).doesNotContainKey("encryption-key");
        assertThat(with.differencesFrom(RunShape.of(PLAN, "", Set.of()), Set.of()))
                .containsExactly("encryption-key unset → set");
    }

    @Test
    void theStoredTextReadsBackAsTheSameShape() {
        RunShape shape = RunShape.of(PLAN.shard(0, 1), "platform-upstream-2026", Set.of("A", "B"));
        assertThat(RunShape.parse(shape.canonical())).isEqualTo(shape);
        assertThat(RunShape.parse(null)).isEqualTo(RunShape.UNKNOWN);
        assertThat(RunShape.parse(" ").isKnown()).isFalse();
        assertThat(RunShape.parse("seed=42 a=b=c\nusers=100 stray").values()).as("changed by hand")
                .containsExactly(java.util.Map.entry("seed", "42"), java.util.Map.entry("users", "100"));
    }

    @Test
    void differencesNameTheKeyWhatWasRecordedAndWhatThisRunWouldWrite() {
        RunShape recorded = RunShape.of(PLAN, "platform-2026-01", Set.of());
        ScaleProfile more = ScaleProfile.original().toBuilder().graphsPerUser(IntRange.exactly(10)).build();
        RunShape now = RunShape.of(SeedPlan.of(42, Instant.parse("2025-07-01T00:00:00Z"), more), "platform-2026-01",
                Set.of());
        assertThat(now.differencesFrom(recorded, Set.of())).containsExactly("now 2025-06-01T00:00:00Z → "
                + "2025-07-01T00:00:00Z", "graphs-per-user 1..5 → 10");
        assertThat(now.differencesFrom(recorded, Set.of(RunShape.ANCHOR))).containsExactly("graphs-per-user 1..5 → 10");
        assertThat(recorded.differencesFrom(recorded, Set.of())).isEmpty();
    }

    @Test
    void aKeyOneSideLacksIsUnset() {
        RunShape older = RunShape.parse("seed=42 users=100 retired-count=3");
        RunShape newer = RunShape.parse("seed=42 users=100 chats-per-user=0..3");
        assertThat(newer.differencesFrom(older, Set.of()))
                .containsExactly("chats-per-user unset → 0..3", "retired-count 3 → unset");
    }
}
