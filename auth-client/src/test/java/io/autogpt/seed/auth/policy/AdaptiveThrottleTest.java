package io.autogpt.seed.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdaptiveThrottleTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    /**
     * A bucket that holds a quarter second of its rate or more is reached to 90 %; one that holds a single
     * request (no burst at all) wastes every moment the client probes below it, so it gets 75 %.
     */
    @ParameterizedTest(name = "limit {0}/s, burst {1}: at least {2} of the limit")
    @CsvSource({"2, 2, 0.9", "10, 10, 0.9", "20, 5, 0.9", "50, 50, 0.9", "100, 100, 0.9", "0.1, 30, 0.9",
            "10, 1, 0.75", "0.1, 1, 0.75"})
    void successRateSettlesAtTheServersLimit(double limit, double burst, double share) {
        int jobs = (int) (burst + Math.max(100, limit * 15));
        RateLimitSimulation.Result r = RateLimitSimulation.run(AdaptiveThrottle.Settings.adaptive(32),
                RetryPolicy.of(10), 32, jobs, limit, burst, 2 * MS, 42);
        assertThat(r.tokens()).isEqualTo(jobs);
        assertThat(r.gaveUp()).isZero();
        assertThat(r.sustainedRate(burst) / limit).as("share of the limit reached (seed 42)").isGreaterThan(share);
    }

    @Test
    void anUnlimitedServerIsNeverPaced() {
        RateLimitSimulation.Result r = RateLimitSimulation.run(AdaptiveThrottle.Settings.adaptive(32),
                RetryPolicy.of(10), 32, 150, 1e9, 1e9, 2 * MS, 42);
        assertThat(r.rateLimited()).isZero();
        // 150 requests of 2 ms, at least 8 at a time.
        assertThat(r.seconds()).isLessThan(150 * 0.002 / 8 + 0.001);
    }

    @Test
    void theFirst429SetsThePaceFromTheSuccessesOfTheLastSecond() {
        AdaptiveThrottle t = new AdaptiveThrottle(AdaptiveThrottle.Settings.adaptive(32));
        assertThat(t.rate()).isInfinite();
        for (int i = 0; i < 20; i++) {
            t.onSuccess(50 * MS * i);
        }
        t.onRateLimited(S, S, -1);
        assertThat(t.rate()).isEqualTo(20 * AdaptiveThrottle.DECREASE);
        AdaptiveThrottle early = new AdaptiveThrottle(AdaptiveThrottle.Settings.adaptive(32));
        for (int i = 0; i < 5; i++) {
            early.onSuccess(10 * MS * (i + 1));
        }
        early.onRateLimited(100 * MS, 100 * MS, -1);
        assertThat(early.rate()).as("5 successes in the 90 ms since the first").isCloseTo(
                5 / 0.09 * AdaptiveThrottle.DECREASE, org.assertj.core.data.Offset.offset(1e-9));
        t.sent(2 * S);
        assertThat(t.nextSendAt() - 2 * S).isEqualTo((long) (S / t.rate()));
    }

    @Test
    void rejectionsOfRequestsBookedBeforeADecreaseCountOnce() {
        AdaptiveThrottle t = new AdaptiveThrottle(AdaptiveThrottle.Settings.fixed(8));
        t.onRateLimited(0, S, -1);
        double afterFirst = t.rate();
        t.onRateLimited(S - 1, S + 1, -1);
        t.onRateLimited(S - 1, S + 2, -1);
        assertThat(t.rate()).isEqualTo(afterFirst);
        t.onRateLimited(S + 5, S + 10, -1);
        assertThat(t.rate()).as("slow start ends at half its pace").isEqualTo(afterFirst / 2);
    }

    @Test
    void retryAfterHoldsEveryRequest() {
        AdaptiveThrottle t = new AdaptiveThrottle(AdaptiveThrottle.Settings.adaptive(32));
        t.onRateLimited(0, S, 3 * S);
        assertThat(t.nextSendAt()).isEqualTo(4 * S);
    }

    @Test
    void overloadHalvesTheWindowAndSuccessesWidenItAgain() {
        AdaptiveThrottle t = new AdaptiveThrottle(AdaptiveThrottle.Settings.adaptive(32));
        assertThat(t.window()).isEqualTo(8);
        t.onOverload(0, S);
        assertThat(t.window()).isEqualTo(4);
        t.onOverload(S - 1, S + 1);
        assertThat(t.window()).as("booked before the cut: counted once").isEqualTo(4);
        for (int i = 0; i < 100; i++) {
            t.onSuccess(2 * S);
        }
        assertThat(t.window()).isBetween(8, 32);
        assertThat(t.rate()).as("overload does not pace").isInfinite();
    }

    @Test
    void aFixedWindowNeverMoves() {
        AdaptiveThrottle t = new AdaptiveThrottle(AdaptiveThrottle.Settings.fixed(3));
        t.onOverload(0, S);
        for (int i = 0; i < 100; i++) {
            t.onSuccess(2 * S);
        }
        assertThat(t.window()).isEqualTo(3);
    }
}
