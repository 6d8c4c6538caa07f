package io.autogpt.seed.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(500),
            Duration.ofSeconds(60));

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource({"400, REJECTED", "401, REJECTED", "403, REJECTED", "404, REJECTED", "422, REJECTED",
            "408, TIMEOUT", "429, RATE_LIMITED", "500, SERVER_ERROR", "502, SERVER_ERROR", "503, SERVER_ERROR"})
    void statusesMapToFailures(int status, Failure failure) {
        assertThat(Failure.ofStatus(status)).isEqualTo(failure);
    }

    @ParameterizedTest(name = "{0} after {1} retries, jitter {2} -> {3}")
    @CsvSource({
            // failure,   retries, jitter, expected (ms, or GIVE_UP)
            "REJECTED,     0, 0.5, GIVE_UP",
            "RATE_LIMITED, 0, 0.0, 0",
            "RATE_LIMITED, 0, 0.5, 50",
            "SERVER_ERROR, 1, 0.5, 100",
            "TIMEOUT,      2, 0.5, 200",
            "CONNECTION,   2, 0.99, 396",
            "SERVER_ERROR, 3, 0.5, GIVE_UP",
            "TIMEOUT,      3, 0.5, GIVE_UP",
            "RATE_LIMITED, 3, 0.5, 250",
            "RATE_LIMITED, 11, 0.5, 250",
            "RATE_LIMITED, 12, 0.5, GIVE_UP",
            "UNREACHABLE,  0, 0.5, GIVE_UP",
    })
    void decisionsFollowTheTable(Failure failure, int retries, double jitter, String expected) {
        RetryPolicy.Decision d = policy.decide(failure, retries, null, jitter);
        if (expected.equals("GIVE_UP")) {
            assertThat(d).isInstanceOf(RetryPolicy.GiveUp.class);
        } else {
            assertThat(d).isEqualTo(new RetryPolicy.Retry(Duration.ofMillis(Long.parseLong(expected))));
        }
    }

    @Test
    void backoffWindowStopsAtTheCap() {
        RetryPolicy many = new RetryPolicy(100, Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(60));
        assertThat(many.decide(Failure.TIMEOUT, 60, null, 0.999999))
                .isEqualTo(new RetryPolicy.Retry(Duration.ofNanos((long) (0.999999 * 500_000_000L))));
    }

    @Test
    void retryAfterIsHonouredInsteadOfBackoff() {
        assertThat(policy.decide(Failure.RATE_LIMITED, 0, Duration.ofSeconds(7), 0.1))
                .isEqualTo(new RetryPolicy.Retry(Duration.ofSeconds(7)));
    }

    @Test
    void aRetryAfterBeyondTheLimitGivesUpAndSaysHowLong() {
        assertThat(policy.decide(Failure.RATE_LIMITED, 0, Duration.ofMinutes(5), 0.1))
                .isEqualTo(new RetryPolicy.GiveUp("the server asked to wait 300 s (Retry-After)"));
    }

    @Test
    void rejectedIsNeverRetriedEvenWithRetryAfter() {
        assertThat(policy.decide(Failure.REJECTED, 0, Duration.ofSeconds(1), 0.1))
                .isInstanceOf(RetryPolicy.GiveUp.class);
    }
}
