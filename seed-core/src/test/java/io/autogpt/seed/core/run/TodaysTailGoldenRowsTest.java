package io.autogpt.seed.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.core.plan.EncryptionKey;
import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.testing.Canonical;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Pins today's long-tail tables (alerts, activity, briefings, onboarding, experiments, attribution, chat costs, the
 * organisations' audit, credentials and bots) for one fixed plan under today's rules, with a fixed encryption key so
 * the encrypted tables have rows. {@link GoldenRowsTest} pins the early tables; a change here is a change of these
 * tables' rows: renew the hashes in the same commit and say why.
 */
class TodaysTailGoldenRowsTest {
    private static final SeedPlan PLAN = SeedPlan.of(7, Instant.parse("2025-06-01T00:00:00Z"),
            ScaleProfile.original().withUsers(150).withCohortUsers(50)).withRules(PlatformRules.SEPTEMBER_2026)
            .withEncryptionKey(EncryptionKey.parse("u7l0Xq8fR2mKc4sVb1nZ9wYtJ3hG6dE5aP0oQiLkMxA="));
    private static final java.util.Set<String> TAIL = java.util.Set.of("AlertCondition", "PushSubscription",
            "ActivityEvent", "UserBriefing", "OnboardingBrainDump", "ExperimentAssignment", "UserAttribution",
            "PlatformCostLog", "AuditLog", "IntegrationCredential", "PlatformLink", "PlatformUserLink",
            "PlatformLinkToken", "BotEvent", "BotGuild", "BotInstall");

    static Map<String, String> hashes() {
        return new Dataset(PLAN).steps().stream().filter(s -> TAIL.contains(s.table().name()))
                .collect(Collectors.toMap(s -> s.table().name(), TodaysTailGoldenRowsTest::hash, (a, b) -> a,
                        TreeMap::new));
    }

    private static <R extends Record> String hash(Dataset.Step<R> step) {
        return Canonical.sha256(step.table(), step.rows().get()).substring(0, 16);
    }

    @Test
    void tablesHashAsPinned() {
        Map<String, String> expected = new TreeMap<>();
        GOLDEN.lines().map(l -> l.split("=")).forEach(kv -> expected.put(kv[0], kv[1]));
        assertThat(hashes()).as("golden hashes for seed 7 under today's rules (print TodaysTailGoldenRowsTest.hashes() "
                + "to update)").isEqualTo(expected);
    }

    @Test
    void everyPinnedTableHoldsRows() {
        Dataset data = new Dataset(PLAN);
        for (Dataset.Step<?> step : data.steps()) {
            if (TAIL.contains(step.table().name())) {
                assertThat(step.rows().get().findAny()).as(step.table().name() + " has rows, so its pin pins "
                        + "something").isPresent();
            }
        }
        assertThat(data.steps().stream().map(s -> s.table().name()).filter(TAIL::contains)).hasSize(TAIL.size());
    }


    private static final String GOLDEN = """
            ActivityEvent=4f2c28412aa34886
            AlertCondition=1c1975e3be9c3152
            AuditLog=83d3bde9e6405d7d
            BotEvent=8a72005057c69abb
            BotGuild=29abff474677ce6f
            BotInstall=0fd41ff23ce466f6
            ExperimentAssignment=908fa36818bcc764
            IntegrationCredential=cd4f140b12eb60c4
            OnboardingBrainDump=b20d29054b3a61d5
            PlatformCostLog=fc85a3d5f0ce3d06
            PlatformLink=5e2504afe4240525
            PlatformLinkToken=002480a11c6b9020
            PlatformUserLink=ac70f013b7235043
            PushSubscription=981b9f1775c52808
            UserAttribution=fd4bf75a9c7d2443
            UserBriefing=60272fc3edd01ba3""";
}
