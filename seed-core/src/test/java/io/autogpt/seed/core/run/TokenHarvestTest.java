package io.autogpt.seed.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autogpt.seed.core.plan.IntRange;
import io.autogpt.seed.core.port.IssueTokenPort;
import io.autogpt.seed.core.token.IssuedToken;
import io.autogpt.seed.core.token.TestUser;
import io.autogpt.seed.core.token.TestUsers;
import io.autogpt.seed.core.token.TokenException;
import io.autogpt.seed.core.token.TokenJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenHarvestTest {
    private static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");
    private static final List<TestUser> USERS = TestUsers.numbered("u{n}@x.io", new IntRange(1, 3), "pw");

    private static IssuedToken token(TestUser user, int round) {
        return new IssuedToken("tok-" + user.email() + "-" + round, user.email(), "id-" + user.email(), T0,
                T0.plusSeconds(3600), round);
    }

    @Test
    void jobsGoRoundByRoundOverTheUsers() {
        List<TokenJob> jobs = TokenJob.roundRobin(USERS, 7);
        assertThat(jobs).extracting(j -> j.user().email() + "#" + j.round()).containsExactly("u1@x.io#1",
                "u2@x.io#1", "u3@x.io#1", "u1@x.io#2", "u2@x.io#2", "u3@x.io#2", "u1@x.io#3");
    }

    @Test
    void everyJobGetsItsTokenInJobOrderWhateverOrderTheyArriveIn() {
        int workers = 4;
        List<TokenJob> jobs = TokenJob.roundRobin(USERS, 9);
        List<TokenJob.Key> jobOrder = jobs.stream().map(TokenJob::key).toList();
        // The order the tokens are let through: each group of jobs the workers hold at once, reversed (4 3 2 1,
        // 8 7 6 5, 9). A job's answer waits for its turn; the listener, seeing a token, lets the next one through.
        List<TokenJob.Key> arrival = new ArrayList<>();
        for (int from = 0; from < jobs.size(); from += workers) {
            List<TokenJob.Key> group = new ArrayList<>(jobOrder.subList(from, Math.min(from + workers, jobs.size())));
            Collections.reverse(group);
            arrival.addAll(group);
        }
        Map<TokenJob.Key, CountDownLatch> turns = new HashMap<>();
        arrival.forEach(key -> turns.put(key, new CountDownLatch(1)));
        IssueTokenPort inTurn = (user, round) -> {
            awaitTurn(turns.get(new TokenJob.Key(user.email(), round)));
            return token(user, round);
        };
        List<IssuedToken> seen = new ArrayList<>();
        turns.get(arrival.get(0)).countDown();
        List<IssuedToken> tokens = new TokenHarvest(inTurn, workers).run(jobs, Map.of(), token -> {
            seen.add(token);
            if (seen.size() < arrival.size()) {
                turns.get(arrival.get(seen.size())).countDown();
            }
        });
        assertThat(seen).extracting(IssuedToken::key).as("the order the tokens arrived in")
                .containsExactlyElementsOf(arrival).isNotEqualTo(jobOrder);
        assertThat(tokens).extracting(IssuedToken::key).containsExactlyElementsOf(jobOrder);
    }

    /** Waits for a job's turn; a turn that never comes fails the job rather than hanging the test. */
    private static void awaitTurn(CountDownLatch turn) {
        try {
            if (!turn.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the job's turn never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void heldTokensAreNotAskedForAgain() {
        ConcurrentLinkedQueue<TokenJob.Key> asked = new ConcurrentLinkedQueue<>();
        IssueTokenPort port = (user, round) -> {
            asked.add(new TokenJob.Key(user.email(), round));
            return token(user, round);
        };
        IssuedToken kept = new IssuedToken("kept", "u2@x.io", "id", T0, T0.plusSeconds(60), 1);
        List<IssuedToken> tokens = new TokenHarvest(port, 2).run(TokenJob.roundRobin(USERS, 3),
                Map.of(kept.key(), kept), t -> { });
        assertThat(tokens).extracting(IssuedToken::token).containsExactly("tok-u1@x.io-1", "kept", "tok-u3@x.io-1");
        assertThat(asked).containsExactlyInAnyOrder(new TokenJob.Key("u1@x.io", 1), new TokenJob.Key("u3@x.io", 1));
    }

    @Test
    void theFirstFailureStopsTheHarvestAfterTheListenerSawEarlierTokens() {
        IssueTokenPort port = (user, round) -> {
            if (user.email().equals("u3@x.io")) {
                sleep(50);
                throw new TokenException.BadCredentials(user.email() + ": HTTP 400 invalid_credentials");
            }
            return token(user, round);
        };
        List<IssuedToken> seen = new ArrayList<>();
        assertThatThrownBy(() -> new TokenHarvest(port, 1).run(TokenJob.roundRobin(USERS, 6), Map.of(), seen::add))
                .isInstanceOf(TokenException.BadCredentials.class)
                .hasMessage("u3@x.io: HTTP 400 invalid_credentials");
        assertThat(seen).extracting(IssuedToken::email).containsExactly("u1@x.io", "u2@x.io");
    }

    @Test
    void secretsStayOutOfToString() {
        assertThat(TestUser.withPassword("a@x.io", "hunter22").toString()).doesNotContain("hunter22");
        assertThat(token(USERS.get(0), 1).toString()).doesNotContain("tok-");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theFirstRealFailureIsReportedEvenWhenSkippedJobsFinishFirst() {
        // Many workers, many refused users: workers that find the harvest failed skip their jobs, and those skips
        // race the failure's own completion. The report must be the refusal, every time.
        List<TestUser> users = new java.util.ArrayList<>();
        for (int i = 0; i < 64; i++) {
            users.add(new TestUser("user" + i + "@example.com", "pw", null));
        }
        List<TokenJob> jobs = TokenJob.roundRobin(users, 256);
        IssueTokenPort refusesMost = (user, round) -> {
            // One refused user among quick successes: the workers that finish a success go straight to their next
            // job, find the harvest failed and skip, while the refusal's own future is still completing.
            if (user.email().startsWith("user37@") && round == 2) {
                throw new TokenException.BadCredentials(user.email() + ": HTTP 400 invalid_credentials");
            }
            return new IssuedToken("t", user.email(), "id", java.time.Instant.EPOCH,
                    java.time.Instant.EPOCH.plusSeconds(3600), round);
        };
        for (int repeat = 0; repeat < 500; repeat++) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> new TokenHarvest(refusesMost, 16).run(jobs, java.util.Map.of(), token -> { }))
                    .as("repeat %d", repeat).isInstanceOf(TokenException.BadCredentials.class);
        }
    }
}
