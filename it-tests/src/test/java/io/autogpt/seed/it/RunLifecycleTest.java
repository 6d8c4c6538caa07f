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
    private static final java.util.List<String> CATALOGUE = java.util.List.of("CatalogueRelease",
            "CatalogueReleaseVersion", "CatalogueActivation");

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
            CliRun second = seed(url, "43");
            assertThat(second.exitCode()).as(second.all()).isZero();
            try (Connection c = db.connect("public")) {
                // The marketplace catalogue is one per platform: the second seed finds it and writes none of it.
                for (String table : CATALOGUE) {
                    assertThat(Sql.count(c, "SELECT count(*) FROM \"" + table + "\"")).as(table)
                            .isEqualTo(only42.get(table)).isPositive();
                }
                assertThat(Sql.count(c, "SELECT count(*) FROM \"CatalogueState\" s JOIN \"CatalogueActivation\" a "
                        + "ON a.\"releaseId\" = s.\"activeReleaseId\" AND a.generation = s.generation")).isEqualTo(1);
            }
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
            assertThat(reset.out()).startsWith("reseeded seed 42").contains("removed ")
                    .contains("kept the rows every run shares: AgentBlock, SkillListing (catalogue)")
                    .contains("CatalogueRelease, CatalogueReleaseVersion, CatalogueActivation (the marketplace catalogue");
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

            // A platform whose live catalogue is another release: the seeded release is never activated over it.
            try (Connection c = db.connect("public"); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                st.execute("SET LOCAL autogpt.catalogue_publisher = 'on'");
                st.execute("INSERT INTO \"CatalogueRelease\" (id, revision, \"manifestSha256\", manifest, snapshot) "
                        + "VALUES ('live-release', 'r', 'm', '{}', '{\"skills\": {}, \"experts\": {}}')");
                st.execute("UPDATE \"CatalogueState\" SET \"activeReleaseId\" = 'live-release', generation = generation + 1, "
                        + "snapshot = '{\"skills\": {}, \"experts\": {}}' WHERE id = 'marketplace'");
                c.commit();
            }
            CliRun underALiveCatalogue = seed(url, "44");
            assertThat(underALiveCatalogue.exitCode()).as(underALiveCatalogue.all()).isZero();
            assertThat(underALiveCatalogue.all()).contains("notice: the marketplace catalogue already has release "
                    + "live-release active: the seeded release ").contains(" stays inactive");
            try (Connection c = db.connect("public")) {
                assertThat(Sql.strings(c, "SELECT \"activeReleaseId\" FROM \"CatalogueState\"")).containsExactly("live-release");
                assertThat(Sql.count(c, "SELECT count(*) FROM \"CatalogueActivation\"")).isEqualTo(1);
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
