package io.autogpt.seed.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.autogpt.seed.auth.file.Checkpoint;
import io.autogpt.seed.core.token.IssuedToken;
import io.autogpt.seed.it.support.CliProcess;
import io.autogpt.seed.it.support.CliRun;
import io.autogpt.seed.it.support.StandInGoTrue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed mid-way loses nothing: {@code --resume} keeps its tokens and asks only for the rest. */
class TokensResumeTest {
    @TempDir
    Path dir;

    @Test
    void resumesAfterTheProcessIsKilledMidRun() throws Exception {
        Path out = dir.resolve("configs/pre-authenticated-tokens.js");
        Path checkpoint = dir.resolve("configs/pre-authenticated-tokens.checkpoint.jsonl");
        try (StandInGoTrue server = StandInGoTrue.start().withUsers("loadtest{n}@example.com", 1, 10)
                .withRateLimit(10, 5)) {
            Process p = CliProcess.start(TokensCommandTest.env(server), dir.resolve("first-run.log"), "tokens",
                    "--range", "1..10", "--count", "60", "--out", out.toString());
            try {
                awaitCheckpoint(p, checkpoint, 15, dir.resolve("first-run.log"));
                p.destroyForcibly();
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                p.destroyForcibly();
            }
            assertThat(out).as("no half-written module").doesNotExist();
            List<IssuedToken> kept = Checkpoint.read(checkpoint);
            assertThat(kept.size()).isBetween(15, 59);
            // The killed run's last logins may still be answered: count from when the server is quiet.
            assertThat(server.awaitNoTokenRequestInFlight(Duration.ofSeconds(30))).as("the server went quiet").isTrue();
            long issuedBefore = server.issued();
            long requestsBefore = server.tokenRequests();

            server.withRateLimit(0, 0);
            CliRun resumed = CliRun.with(TokensCommandTest.env(server), "tokens", "--range", "1..10", "--count", "60",
                    "--out", out.toString(), "--resume");
            assertThat(resumed.exitCode()).as(resumed.all()).isZero();
            // Only the missing tokens were asked for: one login each, and whatever copies of them the client says it
            // sent (a loaded machine can make a login late enough to be hedged).
            TokensCommandTest.Sent sent = TokensCommandTest.Sent.by(resumed);
            sent.assertOnlyTheseReached(server.tokenRequests() - requestsBefore, 60 - kept.size());
            assertThat(server.issued() - issuedBefore).as("tokens issued for the resumed run")
                    .isBetween((long) 60 - kept.size(), sent.logins());
            assertThat(resumed.out()).contains(String.format("tokens          60 (%d new, %d kept from the checkpoint)",
                    60 - kept.size(), kept.size()));
            List<TokenFilesRead.Entry> tokens = TokenFilesRead.data(out);
            assertThat(tokens).hasSize(60).allMatch(TokenFilesRead::validFromStandIn);
            assertThat(tokens.stream().map(TokenFilesRead.Entry::token))
                    .containsAll(kept.stream().map(IssuedToken::token).toList())
                    .doesNotHaveDuplicates();
            assertThat(checkpoint).doesNotExist();
        }
    }

    @Test
    void aStoppedRunSaysWhereItsTokensAreKept() throws Exception {
        Path out = dir.resolve("t.js");
        Path checkpoint = dir.resolve("t.checkpoint.jsonl");
        try (StandInGoTrue server = StandInGoTrue.start().withUsers("loadtest{n}@example.com", 1, 10)
                .withRateLimit(5, 5)) {
            Process p = CliProcess.start(TokensCommandTest.env(server), dir.resolve("stopped-run.log"), "tokens",
                    "--range", "1..10", "--count", "40", "--out", out.toString());
            try {
                awaitCheckpoint(p, checkpoint, 5, dir.resolve("stopped-run.log"));
                p.destroy(); // SIGTERM, as Ctrl-C: the JVM runs its shutdown hooks
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
                String output = Files.readString(dir.resolve("stopped-run.log"));
                assertThat(output).isEqualTo("interrupted: tokens obtained so far are kept in " + checkpoint
                        + "; rerun with --resume to continue\n");
                assertThat(p.exitValue()).isNotZero();
            } finally {
                p.destroyForcibly();
            }
            assertThat(out).doesNotExist();
            assertThat(Checkpoint.read(checkpoint)).hasSizeGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void resumeAsksAgainForTokensCloseToExpiry() throws Exception {
        Path out = dir.resolve("t.js");
        Instant now = CliRun.CLOCK.instant();
        try (StandInGoTrue server = StandInGoTrue.start().withUsers("loadtest{n}@example.com", 1, 2);
             Checkpoint checkpoint = Checkpoint.open(dir.resolve("t.checkpoint.jsonl"))) {
            checkpoint.append(new IssuedToken("expiring", "loadtest1@example.com", "id1", now.minusSeconds(3000),
                    now.plusSeconds(60), 1));
            checkpoint.append(new IssuedToken("fresh", "loadtest2@example.com", "id2", now, now.plusSeconds(3600), 1));
            CliRun run = CliRun.with(TokensCommandTest.env(server), "tokens", "--range", "1..2", "--count", "2",
                    "--out", out.toString(), "--resume");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(server.issued()).isEqualTo(1);
            List<TokenFilesRead.Entry> tokens = TokenFilesRead.data(out);
            assertThat(tokens.get(0).user()).isEqualTo("loadtest1@example.com");
            assertThat(TokenFilesRead.validFromStandIn(tokens.get(0))).isTrue();
            assertThat(tokens.get(1).token()).isEqualTo("fresh");
        }
    }

    @Test
    void aCheckpointWithAnUnreadableLineBeforeItsLastIsRefusedNamingTheLine() throws Exception {
        Path out = dir.resolve("t.js");
        Path file = dir.resolve("t.checkpoint.jsonl");
        Instant now = CliRun.CLOCK.instant();
        try (Checkpoint checkpoint = Checkpoint.open(file)) {
            checkpoint.append(new IssuedToken("fresh", "loadtest2@example.com", "id2", now, now.plusSeconds(3600), 1));
        }
        Files.writeString(file, "eyJ.not-json-but-maybe-a-token\n" + Files.readString(file));
        try (StandInGoTrue server = StandInGoTrue.start().withUsers("loadtest{n}@example.com", 1, 2)) {
            CliRun run = CliRun.with(TokensCommandTest.env(server), "tokens", "--range", "1..2", "--count", "2",
                    "--out", out.toString(), "--resume");
            assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
            assertThat(run.err()).isEqualTo("error: cannot read checkpoint " + file + ": line 1 is not a token "
                    + "autogpt-seed saved (only a last line cut short by a kill may be unreadable); remove that line, "
                    + "or the file to start over\n");
            assertThat(server.issued()).isZero();
        }
    }

    /** Waits until the running CLI {@code p} has checkpointed {@code lines} tokens. */
    private static void awaitCheckpoint(Process p, Path checkpoint, int lines, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(checkpoint) || Files.readAllLines(checkpoint).size() < lines) {
            assertThat(p.isAlive()).as("the run ended before it could be stopped: " + Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("no tokens arrived").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
