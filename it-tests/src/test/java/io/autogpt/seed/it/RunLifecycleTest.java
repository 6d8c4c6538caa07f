package io.autogpt.seed.it;

import static io.autogpt.seed.it.support.CliRun.concat;
import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.Sql;
import io.autogpt.seed.it.support.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reruns are detected, --reset replaces exactly one seed's rows, and seeds load side by side. */
class RunLifecycleTest {
    private static final String NOW = "2025-06-01T00:00:00Z";

    @Test
    void seedsLoadSideBySideRerunsChangeNothingAndResetTouchesOnlyItsSeed() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            String url = db.cliUrl(null);
            assertThat(seed(url, "42", "--create-schema").exitCode()).isZero();
            Map<String, Long> only42;
            Map<String, String> digests42;
            try (Connection c = db.connect("public")) {
                only42 = Sql.counts(c);
                digests42 = Sql.digests(c);
            }
            assertThat(seed(url, "43").exitCode()).isZero();
            try (Connection c = db.connect("public"); Statement st = c.createStatement()) {
                assertThat(Sql.count(c, "SELECT count(*) FROM \"User\"")).isEqualTo(2 * only42.get("User"));
                // A row the seeder did not write: reset must leave it alone.
                st.execute("INSERT INTO \"User\" (id, email, \"updatedAt\") VALUES ('real-user', 'real@example.org', now())");
            }
            Map<String, String> before;
            try (Connection c = db.connect("public")) {
                before = Sql.digests(c);
            }

            CliRun again = seed(url, "42");
            assertThat(again.exitCode()).isZero();
            assertThat(again.out()).startsWith("already seeded: seed 42");
            try (Connection c = db.connect("public")) {
                assertThat(Sql.digests(c)).isEqualTo(before);
            }

            CliRun reset = seed(url, "42", "--reset");
            assertThat(reset.exitCode()).as(reset.all()).isZero();
            assertThat(reset.out()).startsWith("reseeded seed 42").contains("removed ");
            try (Connection c = db.connect("public")) {
                assertThat(Sql.digests(c)).as("same seed, same rows; seed 43 and the real user untouched")
                        .isEqualTo(before);
            }

            // Without its ledger entry (dropped, or the rows came from a dump) a seed is still recognised by its rows.
            try (Connection c = db.connect("public"); Statement st = c.createStatement()) {
                st.execute("DELETE FROM autogpt_seed.runs WHERE seed = 43");
            }
            assertThat(seed(url, "43").out()).startsWith("already seeded: seed 43");
            CliRun resetWithoutLedger = seed(url, "43", "--reset");
            assertThat(resetWithoutLedger.exitCode()).as(resetWithoutLedger.all()).isZero();
            assertThat(resetWithoutLedger.out()).startsWith("reseeded seed 43");
            try (Connection c = db.connect("public")) {
                assertThat(Sql.digests(c)).isEqualTo(before);
                assertThat(Sql.count(c, "SELECT count(*) FROM autogpt_seed.runs WHERE seed = 43")).isEqualTo(1);
            }

        }
    }

    /**
     * On today's schema, with the platform's key so every long-tail table holds rows: a reset of one seed removes every
     * row it wrote (else its reseed would collide with what was left) and nothing of the other seed's.
     */
    @Test
    void resetOnTodaysSchemaRemovesEveryRowOfItsSeedLongTailIncluded() throws Exception {
        try (TestDatabase db = TestDatabase.create(getClass())) {
            db.installVector();
            String url = db.cliUrl("platform");
            Map<String, String> env = Map.of("ENCRYPTION_KEY", io.autogpt.seed.it.support.Invariants.ENCRYPTION_KEY);
            CliRun first = CliRun.with(env, concat(new String[] {"seed", "--db", url, "--users", "100", "--seed", "42",
                    "--now", NOW, "--create-schema", "--schema-version", "platform-2026-09"}));
            assertThat(first.exitCode()).as(first.all()).isZero();
            CliRun other = CliRun.with(env, "seed", "--db", url, "--users", "100", "--seed", "43", "--now", NOW);
            assertThat(other.exitCode()).as(other.all()).isZero();
            Map<String, String> before;
            try (Connection c = db.connect("platform")) {
                Map<String, Long> n = Sql.counts(c);
                for (String table : java.util.List.of("AlertCondition", "PushSubscription", "ActivityEvent",
                        "UserBriefing", "OnboardingBrainDump", "ExperimentAssignment", "UserAttribution",
                        "PlatformCostLog", "AuditLog", "IntegrationCredential", "PlatformLink", "PlatformUserLink",
                        "PlatformLinkToken", "BotGuild", "BotInstall", "BotEvent")) {
                    assertThat(n.get(table)).as(table).isPositive();
                }
                before = Sql.digests(c);
            }
            CliRun reset = CliRun.with(env, "seed", "--db", url, "--users", "100", "--seed", "42", "--now", NOW,
                    "--reset");
            assertThat(reset.exitCode()).as(reset.all()).isZero();
            assertThat(reset.out()).startsWith("reseeded seed 42");
            try (Connection c = db.connect("platform")) {
                assertThat(Sql.digests(c)).as("same seed, same rows; seed 43 untouched").isEqualTo(before);
            }
        }
    }

    private static CliRun seed(String url, String seed, String... more) {
        String[] args = concat(new String[] {"seed", "--db", url, "--users", "20",
                "--seed", seed, "--now", NOW}, more);
        return CliRun.of(args);
    }
}
