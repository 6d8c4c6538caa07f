package io.autogpt.seed.auth.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void aUrlWithAUserOrPasswordIsRefusedAndShownWithoutThem() {
        // Passwords with the URL's own delimiters in them: a parser would take part of one for the host or path.
        for (String url : new String[] {"https://svc:s3cret@xyz.supabase.co",
                "https://svc:pa/ss?w#d@xyz.supabase.co", "https://svc:1234/x@xyz.supabase.co",
                "https://svc@xyz.supabase.co?apikey=k"}) {
            assertThatThrownBy(() -> GoTrueSettings.of(URI.create(url.replace("#", "%23").replace("?w", "%3Fw")), "k",
                    "$K")).as(url).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a Supabase URL must not hold a user name or password, got 'https://xyz.supabase.co'");
            assertThat(GoTrueSettings.withoutUserInfo(url)).isEqualTo("https://xyz.supabase.co");
        }
        assertThat(GoTrueSettings.withoutUserInfo("http://u:p@localhost:8000/base")).isEqualTo("http://localhost:8000/base");
        assertThat(GoTrueSettings.hasUserInfo("https://xyz.supabase.co/auth")).isFalse();
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
