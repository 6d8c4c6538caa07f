package io.autogpt.seed.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfter.parse(" 30 ", NOW)).contains(Duration.ofSeconds(30));
    }

    @Test
    void readsAnHttpDateRelativeToNow() {
        assertThat(RetryAfter.parse("Sun, 01 Jun 2025 12:00:45 GMT", NOW)).contains(Duration.ofSeconds(45));
        assertThat(RetryAfter.parse("Sun, 01 Jun 2025 11:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void absentOrUnreadableMeansNone() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEmpty();
    }
}
