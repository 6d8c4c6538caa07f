package io.autogpt.seed.auth.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoTrueSettingsTest {
    private static final URI URL = URI.create("http://127.0.0.1:9999");

    @Test
    void everyClientGetsAJitterSeedOfItsOwnUnlessOneIsFixed() {
        // Two CLIs against one server must not back off in lockstep; the seed mixes the process id and the clock.
        long a = GoTrueSettings.of(URL, "k", "$K").jitterSeed();
        long b = GoTrueSettings.of(URL, "k", "$K").jitterSeed();
        assertThat(a).isNotEqualTo(b).isNotZero();
        assertThat(GoTrueSettings.of(URL, "k", "$K").withJitterSeed(7).jitterSeed()).isEqualTo(7);
    }

    @Test
    void hedgingFollowsTheTimeoutUnlessSet() {
        GoTrueSettings settings = GoTrueSettings.of(URL, "k", "$K").withTimeouts(Duration.ofSeconds(1),
                Duration.ofMillis(800));
        assertThat(settings.effectiveHedging().ceiling()).isEqualTo(Duration.ofMillis(400));
        assertThat(settings.toString()).doesNotContain("=k,").contains("key=***");
        assertThat(settings.withHedging(io.autogpt.seed.auth.policy.Hedging.Settings.OFF).effectiveHedging()
                .maxHedges()).as("an embedder can turn hedging off").isZero();
    }
}
