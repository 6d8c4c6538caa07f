package io.autogpt.seed.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HedgingTest {
    private static final long MS = 1_000_000L;
    private final Hedging hedging = new Hedging(Hedging.Settings.forTimeout(Duration.ofSeconds(30)));

    @Test
    void beforeTheServerIsKnownItWaitsASecond() {
        for (int i = 0; i < Hedging.WARM_UP - 1; i++) {
            hedging.answered(40 * MS);
        }
        assertThat(hedging.delayNanos()).isEqualTo(1000 * MS);
    }

    @Test
    void thenItWaitsThreeTimesThe95thPercentile() {
        for (int i = 0; i < 100; i++) {
            hedging.answered((i < 95 ? 40 : 400) * MS);
        }
        assertThat(hedging.delayNanos()).isEqualTo(120 * MS);
    }

    @Test
    void aFastServerIsNotHedgedOnJitterAndASlowOneStillIsBeforeTheTimeout() {
        for (int i = 0; i < 100; i++) {
            hedging.answered(MS);
        }
        assertThat(hedging.delayNanos()).isEqualTo(20 * MS);
        for (int i = 0; i < Hedging.WINDOW; i++) {
            hedging.answered(20_000 * MS);
        }
        assertThat(hedging.delayNanos()).isEqualTo(15_000 * MS);
    }

    @Test
    void theWindowFollowsAServerThatGotFaster() {
        for (int i = 0; i < Hedging.WINDOW; i++) {
            hedging.answered(500 * MS);
        }
        for (int i = 0; i < Hedging.WINDOW; i++) {
            hedging.answered(40 * MS);
        }
        assertThat(hedging.delayNanos()).isEqualTo(120 * MS);
    }

    @Test
    void aShortTimeoutCapsTheFirstDelay() {
        assertThat(new Hedging(Hedging.Settings.forTimeout(Duration.ofMillis(500))).delayNanos()).isEqualTo(250 * MS);
    }
}
