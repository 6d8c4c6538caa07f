package io.autogpt.seed.auth.exec;

import static io.autogpt.seed.auth.exec.FakeServer.MS;
import static io.autogpt.seed.auth.exec.FakeServer.ok;
import static io.autogpt.seed.auth.exec.FakeServer.refused;
import static io.autogpt.seed.auth.exec.FakeServer.stall;
import static io.autogpt.seed.auth.exec.FakeServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autogpt.seed.auth.exec.RequestExecutor.Mode;
import io.autogpt.seed.auth.policy.AdaptiveThrottle;
import io.autogpt.seed.auth.policy.Failure;
import io.autogpt.seed.auth.policy.Hedging;
import io.autogpt.seed.auth.policy.RetryPolicy;
import io.autogpt.seed.core.token.TokenException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The executor in virtual time against a fake transport: hedges go out at the right moments and the losers are
 * cancelled, retries wait what the policy says, pacing holds every send, and the failure reported is a server's.
 * Deterministic: a direct executor for the copies, a constant jitter of 0.5, no sleep.
 */
class RequestExecutorTest {
    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(10),
            Duration.ofMinutes(10));
    /** Up to {@code maxHedges} copies after 1 s, until 20 answers teach the latency. */
    private static Hedging.Settings hedging(int maxHedges) {
        return new Hedging.Settings(maxHedges, Duration.ofSeconds(1), Duration.ofMillis(20), Duration.ofSeconds(15));
    }

    private final VirtualTimer timer = new VirtualTimer();

    private RequestExecutor executor(RetryPolicy retry, Hedging.Settings hedging) {
        return RequestExecutor.withTimer(new RequestExecutor.Settings("Fake Auth", "http://fake", retry,
                AdaptiveThrottle.Settings.adaptive(32), hedging, 0), timer, Runnable::run, () -> 0.5);
    }

    @Test
    void aLateLoginIsHedgedAtTheDelayAndTheLateCopyIsCancelledWhenTheHedgeWins() {
        FakeServer server = new FakeServer(timer, stall(), ok("token-2", 100));
        RequestExecutor executor = executor(RETRY, hedging(3));
        assertThat(executor.send("u@x.io", Mode.HEDGED, server.request())).isEqualTo("token-2");
        assertThat(server.sentMillis()).containsExactly(0L, 1000L);
        assertThat(server.cancelled()).containsExactly(1);
        assertThat(timer.nanoTime()).isEqualTo(1100 * MS);
        assertThat(executor.stats()).isEqualTo(new RequestExecutor.Stats(2, 0, 0, 1));
    }

    @Test
    void theHedgingDelayFollowsTheLatencyTheServerShowed() {
        FakeServer server = new FakeServer(timer);
        RequestExecutor executor = executor(RETRY, hedging(3));
        for (int i = 0; i < 20; i++) {
            server.then(ok("t" + i, 40));
            executor.send("u@x.io", Mode.HEDGED, server.request());
        }
        long start = timer.nanoTime();
        server.then(stall(), ok("late", 5));
        assertThat(executor.send("u@x.io", Mode.HEDGED, server.request())).isEqualTo("late");
        // Three times the 95th percentile of 40 ms.
        List<Long> sent = server.sentAt.subList(20, 22);
        assertThat(sent).containsExactly(start, start + 120 * MS);
    }

    @Test
    void copiesStopAtTheLimitAndTwiceLateEndsTheRoundAsATimeoutThatIsRetried() {
        FakeServer server = new FakeServer(timer, stall(), stall(), stall(), ok("token-4", 10));
        RequestExecutor executor = executor(RETRY, hedging(2));
        assertThat(executor.send("u@x.io", Mode.HEDGED, server.request())).isEqualTo("token-4");
        // Copies at 0, 1 s and 2 s; the newest twice late at 4 s; the retry after 0.5 x 100 ms.
        assertThat(server.sentMillis()).containsExactly(0L, 1000L, 2000L, 4050L);
        assertThat(server.cancelled()).containsExactly(1, 2, 3);
        assertThat(executor.stats()).isEqualTo(new RequestExecutor.Stats(4, 0, 1, 2));
    }

    @Test
    void retriesWaitTheBackOffThePolicyGives() {
        FakeServer server = new FakeServer(timer, status(503, 10), status(502, 10), ok("done", 10));
        RequestExecutor executor = executor(RETRY, Hedging.Settings.OFF);
        assertThat(executor.send("GET /x", Mode.RETRIED, server.request())).isEqualTo("done");
        // Answers at 10 ms and 70 ms; waits of 0.5 x 100 ms and 0.5 x 200 ms.
        assertThat(server.sentMillis()).containsExactly(0L, 60L, 170L);
        assertThat(executor.stats()).isEqualTo(new RequestExecutor.Stats(3, 0, 2, 0));
    }

    @Test
    void aRetryAfterHoldsTheNextSendUntilItEnds() {
        FakeServer server = new FakeServer(timer, new FakeServer.Answer(10 * MS, Outcome.failed("HTTP 429",
                Failure.RATE_LIMITED, "HTTP 429", Duration.ofSeconds(2))), ok("done", 10), ok("next", 10));
        RequestExecutor executor = executor(RETRY, Hedging.Settings.OFF);
        assertThat(executor.send("u@x.io", Mode.RETRIED, server.request())).isEqualTo("done");
        assertThat(executor.send("v@x.io", Mode.RETRIED, server.request())).isEqualTo("next");
        // The 429 came at 10 ms; then the pace (0.85 requests/s after the first 429, doubling per success) holds
        // the next request 1 / 1.7 s after the retry.
        assertThat(server.sentMillis()).containsExactly(0L, 2010L, 2010L + 588L);
        assertThat(executor.stats().rateLimited()).isEqualTo(1);
    }

    @Test
    void aRefusalIsFinalNeverRetriedAndWinsOverAStalledCopy() {
        FakeServer server = new FakeServer(timer, stall(), refused(400, 50));
        RequestExecutor executor = executor(RETRY, hedging(3));
        assertThat(executor.send("u@x.io", Mode.HEDGED, server.request())).isEqualTo("HTTP 400");
        assertThat(server.sentMillis()).containsExactly(0L, 1000L);
        assertThat(server.cancelled()).containsExactly(1);
        assertThat(executor.stats().retries()).isZero();
    }

    @Test
    void theFailureReportedIsTheServersNeverACancelledCopysAbort() {
        // Both copies fail for real; the cancelled-copy aborts the fake sends on cancel must never be the answer.
        FakeServer server = new FakeServer(timer, status(503, 1500), status(502, 200));
        RequestExecutor executor = executor(new RetryPolicy(0, Duration.ofMillis(100), Duration.ofSeconds(10),
                Duration.ofMinutes(10)), hedging(1));
        assertThatThrownBy(() -> executor.send("u@x.io", Mode.HEDGED, server.request()))
                .isInstanceOf(TokenException.ServerUnavailable.class)
                .hasMessage("u@x.io: HTTP 503 from http://fake; gave up after 1 attempts");
        assertThat(server.sentMillis()).containsExactly(0L, 1000L);
    }

    @Test
    void anUnreachableServerIsNeverAskedAgain() {
        FakeServer server = new FakeServer(timer, new FakeServer.Answer(MS, Outcome.failed(null, Failure.UNREACHABLE,
                "connection refused by fake:1", null)));
        RequestExecutor executor = executor(RETRY, hedging(3));
        assertThatThrownBy(() -> executor.send("u@x.io", Mode.HEDGED, server.request()))
                .isInstanceOf(TokenException.ServerUnavailable.class)
                .hasMessage("cannot reach Fake Auth at http://fake (connection refused by fake:1)");
        assertThat(server.sentAt).hasSize(1);
    }

    @Test
    void rateLimitsBeyondTheBudgetAreReportedAsSuch() {
        FakeServer server = new FakeServer(timer);
        for (int i = 0; i < 5; i++) {
            server.then(status(429, 1));
        }
        RequestExecutor executor = executor(new RetryPolicy(1, Duration.ofMillis(100), Duration.ofSeconds(10),
                Duration.ofMinutes(10)), Hedging.Settings.OFF);
        assertThatThrownBy(() -> executor.send("u@x.io", Mode.RETRIED, server.request()))
                .isInstanceOf(TokenException.RateLimitExhausted.class)
                .hasMessage("u@x.io: HTTP 429 from http://fake; gave up after 5 attempts");
        assertThat(executor.stats()).isEqualTo(new RequestExecutor.Stats(5, 5, 4, 0));
    }
}
