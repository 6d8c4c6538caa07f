package io.autogpt.seed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autogpt.seed.core.plan.RunShape;
import io.autogpt.seed.core.plan.ScaleProfile;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.token.TestUser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Values as people type them: milliseconds, absurd sizes, and CSV files with quotes and spaces. */
class InputEdgesTest {
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void durationsTakeMillisecondsAndTheUsualUnits() {
        assertThat(Durations.parse("--timeout", "500ms", DAY)).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("--timeout", "90s", DAY)).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("--timeout", "3600", DAY)).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("--timeout", "PT2M", DAY)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void anOverflowingOrOversizedDurationIsAUsageErrorNotABug() {
        assertThatThrownBy(() -> Durations.parse("--expires-in", "99999999999999999d", DAY))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--expires-in must be a duration like");
        assertThatThrownBy(() -> Durations.parse("--timeout", "2d", DAY))
                .isInstanceOf(UsageException.class).hasMessage("--timeout must be at most 24 h 0 min, got '2d'");
        assertThatThrownBy(() -> Durations.parse("--timeout", "0ms", DAY)).isInstanceOf(UsageException.class)
                .hasMessage("--timeout must be positive, got '0ms'");
    }

    @Test
    void aCsvUsersFileKeepsQuotedCommasAndTrailingSpaces(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.csv");
        Files.writeString(file, "email,password\n"
                + "a@example.com,plain\n"
                + "\"b@example.com\",\"with, comma\"\n"
                + "c@example.com,ends with a space \n"
                + "d@example.com,\"has \"\"quotes\"\"\"\n");
        TestUserOptions options = new TestUserOptions();
        options.usersFile = file;
        List<TestUser> users = options.users(Map.of(), true);
        assertThat(users).extracting(TestUser::email)
                .containsExactly("a@example.com", "b@example.com", "c@example.com", "d@example.com");
        assertThat(users).extracting(TestUser::password)
                .containsExactly("plain", "with, comma", "ends with a space ", "has \"quotes\"");
    }

    @Test
    void everyKeyOfARunsShapeIsTheSeedOptionThatSetsIt() {
        // A refused rerun names what differs by these keys: each must be something the user can type.
        SeedPlan plan = SeedPlan.of(1, Instant.EPOCH, ScaleProfile.original());
        Set<String> keys = new LinkedHashSet<>(RunShape.of(plan, "", Set.of()).values().keySet());
        // The slice is --slice FROM..TO; which tables a target leaves out is the target's doing.
        assertThat(keys.removeAll(Set.of("from-user", "to-user", RunShape.TABLES_LEFT_OUT))).isTrue();
        CommandLine.Model.CommandSpec seed = Cli.create(Map.of(), Clock.systemUTC()).getSubcommands().get("seed")
                .getCommandSpec();
        assertThat(keys).contains("now", "graphs-per-user", "grants-per-oauth-app", "schema-version")
                .allSatisfy(key -> assertThat(seed.findOption("--" + key)).as("--" + key).isNotNull());
    }

    @Test
    void aSupabaseUrlWithAUserOrPasswordIsRefusedInOneLineWithoutThem(@TempDir Path dir) {
        for (String url : new String[] {"https://svc:s3cret@xyz.supabase.co", "https://svc:pa/ss#1@xyz.supabase.co"}) {
            for (String mode : new String[] {"--concurrency=4", "--mint"}) {
                StringWriter err = new StringWriter();
                CommandLine cmd = Cli.create(Map.of("SUPABASE_URL", url, "SUPABASE_SERVICE_KEY", "k",
                        "SUPABASE_JWT_SECRET", "j".repeat(32), "LOADTEST_PASSWORD", "p"), Clock.systemUTC());
                cmd.setErr(new PrintWriter(err, true));
                int code = cmd.execute("tokens", mode, "--range", "1..2", "--out", dir.resolve("t.js").toString());
                assertThat(code).as(url + " " + mode + ": " + err).isEqualTo(2);
                assertThat(err).hasToString("error: --supabase-url must not hold a user name or password (the key goes "
                        + "in the variable --key-env names), got 'https://xyz.supabase.co'\n");
            }
        }
    }

    @Test
    void aBrokenCsvIsOneLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.csv");
        Files.writeString(file, "a@example.com,\"never closed\n");
        TestUserOptions options = new TestUserOptions();
        options.usersFile = file;
        assertThatThrownBy(() -> options.users(Map.of(), true)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--users-file " + file + " is not CSV lines of email,password")
                .hasMessageNotContaining("\n");
    }
}
