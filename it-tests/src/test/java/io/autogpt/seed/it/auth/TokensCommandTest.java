package io.autogpt.seed.it.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autogpt.seed.auth.http.GoTrueClient;
import io.autogpt.seed.auth.http.GoTrueSettings;
import io.autogpt.seed.core.token.TestUser;
import io.autogpt.seed.core.token.TokenException;
import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.StandInGoTrue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code autogpt-seed tokens} against a stand-in Supabase Auth: counts, faults, rate limits, refusals, secrets. */
class TokensCommandTest {
    @TempDir
    Path dir;

    static Map<String, String> env(StandInGoTrue server) {
        Map<String, String> env = new HashMap<>();
        env.put("SUPABASE_URL", server.url().toString());
        env.put("SUPABASE_SERVICE_KEY", StandInGoTrue.ANON_KEY);
        env.put("LOADTEST_PASSWORD", StandInGoTrue.PASSWORD);
        return env;
    }

    private Path out() {
        return dir.resolve("configs/pre-authenticated-tokens.js");
    }

    /**
     * What the run's summary says it sent: requests (hedges and retries included), hedges and retries.
     *
     * @param requests requests the client sent: the pre-flight and the logins
     * @param hedges   of those, extra copies of logins that were late
     * @param retries  of those, logins sent again after a failure
     */
    record Sent(long requests, long hedges, long retries) {
        private static final Pattern REQUESTS = Pattern.compile("(?m)^requests +([\\d,]+) \\(([\\d,]+) hedges");
        private static final Pattern RETRIES = Pattern.compile("(?m)^retries +([\\d,]+)$");

        static Sent by(CliRun run) {
            Matcher requests = REQUESTS.matcher(run.out());
            Matcher retries = RETRIES.matcher(run.out());
            assertThat(requests.find() && retries.find()).as("the summary counts requests: " + run.out()).isTrue();
            return new Sent(number(requests.group(1)), number(requests.group(2)), number(retries.group(1)));
        }

        private static long number(String digits) {
            return Long.parseLong(digits.replace(",", ""));
        }

        /**
         * Asserts the client sent one login per token it {@code needed} plus only the hedges and retries it counts,
         * and the server {@code received} no login beyond those.
         */
        void assertOnlyTheseReached(long received, long needed) {
            assertThat(logins()).as("logins sent: one per token, plus hedges and retries")
                    .isBetween(needed, needed + hedges + retries);
            assertThat(received).as("logins the server received").isBetween(needed, logins());
        }

        /** Login requests: the summary's requests count the one pre-flight ({@code GET /auth/v1/settings}) too. */
        long logins() {
            return requests - 1;
        }
    }

    private static void assertNoSecrets(CliRun run) {
        assertThat(run.all()).doesNotContain(StandInGoTrue.ANON_KEY, StandInGoTrue.SERVICE_KEY, StandInGoTrue.PASSWORD,
                StandInGoTrue.JWT_SECRET, "eyJ");
    }

    @Test
    void obtainsTheRequestedNumberOfValidTokensRoundByRound() throws Exception {
        try (StandInGoTrue server = StandInGoTrue.start().withUsers("loadtest{n}@example.com", 4, 50)) {
            CliRun run = CliRun.with(env(server), "tokens", "--out", out().toString());
            assertThat(run.exitCode()).as(run.all()).isZero();
            List<TokenFilesRead.Entry> tokens = TokenFilesRead.data(out());
            assertThat(tokens).hasSize(150).allMatch(TokenFilesRead::validFromStandIn);
            assertThat(tokens.stream().map(TokenFilesRead.Entry::token).distinct()).hasSize(150);
            assertThat(tokens.get(0).user()).isEqualTo("loadtest4@example.com");
            assertThat(tokens.get(47).user()).isEqualTo("loadtest4@example.com");
            assertThat(tokens.get(47).round()).isEqualTo(2);
            assertThat(tokens.get(0).userId()).isEqualTo(server.userIds().get("loadtest4@example.com"));
            // One login per token; a loaded machine may make a login late enough to be hedged, or a round time out
            // and be retried: such copies are the only other logins, and the summary counts them.
            Sent.by(run).assertOnlyTheseReached(server.tokenRequests(), 150);
            assertThat(run.out()).contains("tokens          150\n", "distinct users  47\n", "429s seen       0\n",
                    "(mode 0600)");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out()))).isEqualTo("rw-------");
            try (Stream<Path> files = Files.list(out().getParent())) {
                assertThat(files.map(p -> p.getFileName().toString())).as("no checkpoint or temp file left")
                        .containsExactlyInAnyOrder("pre-authenticated-tokens.js", "pre-authenticated-tokens.json");
            }
            assertNoSecrets(run);
        }
    }

    @Test
    void survivesServerErrorsSlowAnswersAndDroppedConnections() throws Exception {
        try (StandInGoTrue server = StandInGoTrue.start().withUsers("loadtest{n}@example.com", 1, 10)
                .withFaults(new StandInGoTrue.Faults(0.15, 0.05, 1_500, 0.1))) {
            CliRun run = CliRun.with(env(server), "tokens", "--range", "1..10", "--count", "80", "--timeout", "1s",
                    "--out", out().toString());
            assertThat(run.exitCode()).as(run.all()).isZero();
            List<TokenFilesRead.Entry> tokens = TokenFilesRead.data(out());
            assertThat(tokens).hasSize(80).allMatch(TokenFilesRead::validFromStandIn);
            assertThat(server.tokenRequests()).as("faults were injected and retried").isGreaterThan(80);
            assertThat(run.out()).doesNotContain("retries         0\n");
            assertNoSecrets(run);
        }
    }

    @Test
    void aStallingServerDoesNotHoldTheRunAndHedgesStayFew() throws Exception {
        // Default options (a 30 s timeout). 10 % of logins are held 30 s and dropped, 5 % answer 500, 2 % lose their
        // connection, and every answer takes 40 ms.
        try (StandInGoTrue server = StandInGoTrue.start().withUsers("loadtest{n}@example.com", 1, 50)
                .withFaults(new StandInGoTrue.Faults(0.05, 0, 0, 0.02, 0.10, 30_000, 40))) {
            CliRun run = CliRun.with(env(server), "tokens", "--range", "1..50", "--count", "150", "--out",
                    out().toString());
            // Read before the server closes: the stalls still held now are the ones the run did not wait for.
            long stallsWaitedOut = server.stallsEnded();
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(TokenFilesRead.data(out())).hasSize(150).allMatch(TokenFilesRead::validFromStandIn);
            assertThat(server.stalled()).as("stalls were injected").isGreaterThanOrEqualTo(5);
            // The reference is the stall itself: a run that waited for a stalled login would end after its 30 s,
            // when the server has let it go. This run ended with every stall it met still held.
            assertThat(stallsWaitedOut).as("stalls the run waited out").isZero();
            // Hedges stay few: about one per stalled login, and on a loaded machine a few copies of logins that were
            // merely late (at most a tenth of the tokens); no other login reaches the server.
            Sent sent = Sent.by(run);
            assertThat(sent.hedges()).as("hedges for %d stalls", server.stalled()).isPositive()
                    .isLessThanOrEqualTo(server.stalled() + 150 / 10);
            sent.assertOnlyTheseReached(server.tokenRequests(), 150);
            assertNoSecrets(run);
        }
    }

    @Test
    void settlesNearTheServersRateLimit() throws Exception {
        double limit = 20;
        int burst = 5;
        try (StandInGoTrue server = StandInGoTrue.start().withUsers("loadtest{n}@example.com", 1, 20)
                .withRateLimit(limit, burst)) {
            CliRun run = CliRun.with(env(server), "tokens", "--range", "1..20", "--count", "105", "--out",
                    out().toString());
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(TokenFilesRead.data(out())).hasSize(105).allMatch(TokenFilesRead::validFromStandIn);
            assertThat(server.rateLimited()).as("the limit was hit").isPositive();
            // The server's own clock: tokens issued after the initial burst, per second.
            List<Long> times = server.issueTimes();
            double seconds = (times.get(times.size() - 1) - times.get(burst - 1)) / 1e9;
            double rate = (times.size() - burst) / seconds;
            // The benchmark shows >= 0.9; a shared CI machine gets some slack.
            assertThat(rate / limit).as("share of the limit reached").isBetween(0.75, 1.05);
        }
    }

    @Test
    void aWrongKeyFailsBeforeTheBatch() {
        try (StandInGoTrue server = StandInGoTrue.start().withUsers("loadtest{n}@example.com", 4, 50)) {
            Map<String, String> env = env(server);
            env.put("SUPABASE_SERVICE_KEY", "not-the-key");
            CliRun run = CliRun.with(env, "tokens", "--out", out().toString());
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).isEqualTo("error: Supabase Auth at " + server.url() + " refused the key in "
                    + "$SUPABASE_SERVICE_KEY (HTTP 401: Invalid API key)\n");
            assertThat(server.settingsRequests()).as("pre-flights: a refused key is final, never retried").isOne();
            assertThat(server.tokenRequests()).isZero();
            assertThat(run.all()).doesNotContain("not-the-key");
            assertThat(out().getParent()).doesNotExist();
        }
    }

    @Test
    void anUnreachableServerFailsAtOnce() {
        Map<String, String> env = Map.of("SUPABASE_SERVICE_KEY", "k", "LOADTEST_PASSWORD", "p");
        CliRun run = CliRun.with(env, "tokens", "--supabase-url", "http://127.0.0.1:1", "--out", out().toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("error: cannot reach Supabase Auth at http://127.0.0.1:1 (connection refused "
                + "by 127.0.0.1:1; is Supabase Auth running there?)\n");
        CliRun unknown = CliRun.with(env, "tokens", "--supabase-url", "http://no-such-host.invalid", "--out",
                out().toString());
        assertThat(unknown.err()).isEqualTo("error: cannot reach Supabase Auth at http://no-such-host.invalid (no such "
                + "host: no-such-host.invalid; check the Supabase URL)\n");
    }

    @Test
    void httpClientsHeaderAndWireLogsAtDebugShowNeitherKeyNorPassword() throws Exception {
        // As an embedder might configure logging: HttpClient's own header and wire loggers at DEBUG.
        try (StandInGoTrue server = StandInGoTrue.start().withUsers("loadtest{n}@example.com", 1, 3)) {
            Path log = out().getParent().resolve("debug.log");
            Files.createDirectories(log.getParent());
            Process p = io.autogpt.seed.it.support.CliProcess.start(List.of(
                            "-Dorg.slf4j.simpleLogger.log.org.apache.hc.client5.http.headers=debug",
                            "-Dorg.slf4j.simpleLogger.log.org.apache.hc.client5.http.wire=debug"),
                    env(server), log, "tokens", "--range", "1..3", "--count", "3", "--out", out().toString());
            assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            String logged = Files.readString(log);
            assertThat(p.exitValue()).as(logged).isZero();
            assertThat(logged).as("header logging was on").contains(">> apikey: ***", ">> Authorization: ***");
            assertThat(logged).doesNotContain(StandInGoTrue.SERVICE_KEY).doesNotContain(StandInGoTrue.ANON_KEY)
                    .doesNotContain(StandInGoTrue.PASSWORD).doesNotContain("\"password\"");
        }
    }

    @Test
    void aServerThatGoesAwayAfterThePreflightIsNotAskedTenTimes() {
        StandInGoTrue server = StandInGoTrue.start().withUsers("loadtest{n}@example.com", 1, 3);
        try (GoTrueClient client = GoTrueClient.open(GoTrueSettings.of(server.url(),
                StandInGoTrue.SERVICE_KEY, "$KEY"))) {
            client.checkKey();
            server.close();
            long preflight = client.stats().requests();
            assertThatThrownBy(() -> client.issue(new TestUser("loadtest1@example.com", StandInGoTrue.PASSWORD, null), 1))
                    .isInstanceOf(TokenException.ServerUnavailable.class)
                    .hasMessageContaining("connection refused by 127.0.0.1")
                    .hasMessageNotContaining("Exception");
            // At most one retry: the pre-flight's pooled connection is found dead; the refused reconnect is final.
            // (How long the executor waits before a retry is RequestExecutorTest's, in virtual time.)
            assertThat(client.stats().retries()).as("retries").isLessThanOrEqualTo(1);
            assertThat(client.stats().requests() - preflight).as("logins sent after the server went away")
                    .isBetween(1L, 2L);
        }
    }

    @Test
    void aWrongPasswordNamesTheUserNeverThePasswordAndKeepsWhatArrived() throws Exception {
        try (StandInGoTrue server = StandInGoTrue.start().withUsers("loadtest{n}@example.com", 1, 3)) {
            Map<String, String> env = env(server);
            env.put("LOADTEST_PASSWORD", "wrong-password-42");
            CliRun run = CliRun.with(env, "tokens", "--range", "1..3", "--count", "3", "--concurrency", "1",
                    "--out", out().toString());
            assertThat(run.exitCode()).isEqualTo(4);
            assertThat(run.err()).isEqualTo("error: loadtest1@example.com: HTTP 400 invalid_credentials: Invalid "
                    + "login credentials (tokens obtained so far are kept in "
                    + out().resolveSibling("pre-authenticated-tokens.checkpoint.jsonl")
                    + "; rerun with --resume to continue)\n");
            assertThat(server.tokenRequests()).as("400 is never retried").isEqualTo(1);
            assertThat(run.all()).doesNotContain("wrong-password-42");
            assertThat(out()).doesNotExist();
        }
    }

    @Test
    void anInterruptedRunIsNotOverwrittenWithoutResume() throws Exception {
        try (StandInGoTrue server = StandInGoTrue.start().withUsers("loadtest{n}@example.com", 4, 50)) {
            Path checkpoint = out().resolveSibling("pre-authenticated-tokens.checkpoint.jsonl");
            Files.createDirectories(checkpoint.getParent());
            Files.writeString(checkpoint, "");
            CliRun run = CliRun.with(env(server), "tokens", "--out", out().toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).isEqualTo("error: an interrupted run left 0 tokens in " + checkpoint
                    + ": add --resume to keep them, or delete that file\n");
            assertThat(server.tokenRequests()).isZero();
        }
    }

    @Test
    void absurdOrOverflowingNumbersGetOneLineAndExitTwo() {
        Map<String[], String> cases = Map.of(
                new String[] {"tokens", "--count", "2000000"}, "error: --count must be between 1 and 1000000, got "
                        + "2000000",
                new String[] {"tokens", "--count", "99999999999"}, "error: Invalid value for option '--count': "
                        + "'99999999999' is not an int (see 'autogpt-seed tokens --help')",
                new String[] {"tokens", "--max-retries", "1000"}, "error: --max-retries must be between 0 and 100, "
                        + "got 1000",
                new String[] {"tokens", "--range", "1..99999999"}, "error: --range 1..99999999 names more than "
                        + "1000000 users",
                new String[] {"tokens", "--mint", "--expires-in", "99999999999999999d"}, "error: --expires-in must "
                        + "be a duration like 3600, 500ms, 90s, 15m, 2h or 1d, got '99999999999999999d'",
                new String[] {"tokens", "--mint", "--expires-in", "400d"}, "error: --expires-in must be at most "
                        + "365 d 0 h, got '400d'",
                new String[] {"tokens", "--timeout", "1h"}, "error: --timeout must be at most 10 min, got '1h'");
        assertEachIsOneLineAndExitTwo(cases);
    }

    /** Each command line ends with exit 2 and exactly its one line on stderr. */
    private static void assertEachIsOneLineAndExitTwo(Map<String[], String> cases) {
        Map<String, String> env = Map.of("SUPABASE_URL", "http://127.0.0.1:1", "SUPABASE_SERVICE_KEY", "k",
                "LOADTEST_PASSWORD", "p", "SUPABASE_JWT_SECRET", "x".repeat(40));
        cases.forEach((args, message) -> {
            CliRun run = CliRun.with(env, args);
            assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.all()).isEqualTo(2);
            assertThat(run.err()).isEqualTo(message + "\n");
        });
    }

    @Test
    void badOptionsGetOneLineAndExitTwo() {
        Map<String[], String> cases = Map.of(
                new String[] {"tokens", "--expires-in", "2h"}, "error: --expires-in needs --mint: password logins "
                        + "get the server's JWT lifetime (GoTrue ignores a requested expiry)",
                new String[] {"tokens", "--concurrency", "lots"}, "error: --concurrency must be auto or a number "
                        + "from 1 to 1024, got 'lots'",
                new String[] {"tokens", "--email-pattern", "nobody"}, "error: --email-pattern: the email pattern must contain {n}, "
                        + "got 'nobody'",
                new String[] {"tokens", "--mint", "--expires-in", "soon"}, "error: --expires-in must be a duration "
                        + "like 3600, 500ms, 90s, 15m, 2h or 1d, got 'soon'",
                new String[] {"tokens", "--key", "abc"}, "error: Unknown options: '--key', 'abc' (see "
                        + "'autogpt-seed tokens --help')",
                new String[] {"tokens", "--mint", "--concurrency", "4"}, "error: --concurrency is about logging in: "
                        + "it has no effect with --mint",
                new String[] {"tokens", "--users-from-db", "postgresql://x@h/db", "--range", "1..2"}, "error: "
                        + "--users-from-db picks the users: it cannot be combined with --users-file, --email-pattern "
                        + "or --range",
                new String[] {"tokens", "--range", "50..4"}, "error: --range: range must satisfy 0 <= min <= max, "
                        + "got 50..4");
        assertEachIsOneLineAndExitTwo(cases);
        CliRun noKey = CliRun.with(Map.of("SUPABASE_URL", "http://127.0.0.1:1", "LOADTEST_PASSWORD", "p"), "tokens");
        assertThat(noKey.err()).isEqualTo("error: environment variable SUPABASE_SERVICE_KEY is not set: put the "
                + "project's API key (service_role for users) in it, or name another variable with --key-env\n");
    }

    @Test
    void mintsTokensThatVerifyWithTheProjectSecretWithoutAServer() throws Exception {
        String secret = "a-project-jwt-secret-of-forty-characters";
        CliRun run = CliRun.with(Map.of("SUPABASE_JWT_SECRET", secret), "tokens", "--mint", "--count", "500",
                "--expires-in", "8h", "--out", out().toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        List<TokenFilesRead.Entry> tokens = TokenFilesRead.data(out());
        assertThat(tokens).hasSize(500).allMatch(e -> TokenFilesRead.validFor(e.token(), e.userId(), secret));
        assertThat(run.out()).contains("minted locally (HS256, key from $SUPABASE_JWT_SECRET)",
                "first expiry    2025-06-01T08:00:00Z (in 8 h 0 min)");
        assertThat(run.all()).doesNotContain(secret);
        Map<String, Long> perUser = tokens.stream().collect(Collectors.groupingBy(TokenFilesRead.Entry::user,
                Collectors.counting()));
        assertThat(perUser).hasSize(47);
        assertThat(run.err()).as("pattern users have no platform row").isEqualTo("warning: the platform has no "
                + "\"User\" row for these users: only POST /api/auth/user creates one, every other endpoint fails for "
                + "them; add --db URL to create the rows, or mint for existing users with --users-from-db URL\n");
    }

    @Test
    void mintingForPatternUsersWithDbCreatesTheirPlatformRowsWithTheTokensIds() throws Exception {
        String secret = "a-project-jwt-secret-of-forty-characters";
        try (io.autogpt.seed.it.support.TestDatabase db = io.autogpt.seed.it.support.TestDatabase.create(getClass())) {
            assertThat(CliRun.of("seed", "--db", db.cliUrl(null), "--create-schema", "--users", "1").exitCode())
                    .isZero();
            CliRun run = CliRun.with(Map.of("SUPABASE_JWT_SECRET", secret), "tokens", "--mint", "--range", "1..5",
                    "--count", "10", "--db", db.cliUrl(null), "--out", out().toString());
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).contains("\"User\" rows     5 created, 0 existed");
            List<TokenFilesRead.Entry> tokens = TokenFilesRead.data(out());
            try (java.sql.Connection c = db.connect("public")) {
                for (TokenFilesRead.Entry token : tokens) {
                    assertThat(io.autogpt.seed.it.support.Sql.strings(c, "SELECT email FROM \"User\" WHERE id = '"
                            + token.userId() + "'")).as("the token's sub has a row").containsExactly(token.user());
                }
            }
        }
    }
}
