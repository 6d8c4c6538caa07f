package io.autogpt.seed.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autogpt.seed.core.plan.IntRange;
import io.autogpt.seed.core.port.IssueTokenPort;
import io.autogpt.seed.core.port.SaveTokensPort;
import io.autogpt.seed.core.token.IssuedToken;
import io.autogpt.seed.core.token.TestUser;
import io.autogpt.seed.core.token.TestUsers;
import io.autogpt.seed.core.token.TokenException;
import io.autogpt.seed.core.token.TokenJob;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The token use case against an in-memory store: resume, harvest, save as they arrive, finish. */
class MakeTokensTest {
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final List<TestUser> USERS = TestUsers.numbered("u{n}@x.io", new IntRange(1, 3), "pw");

    /** A store in memory: an unfinished run's tokens (or none), what arrived, what was finished. */
    static final class MemoryStore implements SaveTokensPort {
        @Nullable List<IssuedToken> unfinished;
        final List<IssuedToken> arrived = new ArrayList<>();
        @Nullable List<IssuedToken> finished;
        boolean open;

        @Override
        public Optional<List<IssuedToken>> unfinished() {
            return Optional.ofNullable(unfinished);
        }

        @Override
        public Arrivals open() {
            open = true;
            return new Arrivals() {
                @Override
                public void save(IssuedToken token) {
                    arrived.add(token);
                }

                @Override
                public void close() {
                    open = false;
                }
            };
        }

        @Override
        public void finish(List<IssuedToken> tokens) {
            assertThat(open).as("arrivals closed before finishing").isFalse();
            finished = List.copyOf(tokens);
            unfinished = null;
        }
    }

    private static IssuedToken token(String email, int round, long validSeconds) {
        return new IssuedToken("tok-" + email + "-" + round, email, "id-" + email, NOW, NOW.plusSeconds(validSeconds),
                round);
    }

    private final ConcurrentLinkedQueue<TokenJob.Key> asked = new ConcurrentLinkedQueue<>();
    private final IssueTokenPort issuer = (user, round) -> {
        asked.add(new TokenJob.Key(user.email(), round));
        return token(user.email(), round, 3600);
    };

    @Test
    void makesEveryTokenSavesEachAsItArrivesAndFinishesTheStoreInJobOrder() {
        MemoryStore store = new MemoryStore();
        List<TokenJob> jobs = TokenJob.roundRobin(USERS, 5);
        List<IssuedToken> tokens = new MakeTokens(store, CLOCK).make(jobs, issuer, 2);
        assertThat(tokens).extracting(IssuedToken::key).containsExactlyElementsOf(
                jobs.stream().map(TokenJob::key).toList());
        assertThat(store.arrived).containsExactlyInAnyOrderElementsOf(tokens);
        assertThat(store.finished).isEqualTo(tokens);
        assertThat(store.unfinished()).isEmpty();
    }

    @Test
    void resumingKeepsValidTokensAndAsksAgainOnlyForTheRest() {
        MemoryStore store = new MemoryStore();
        IssuedToken kept = token("u2@x.io", 1, 3600);
        IssuedToken expiring = token("u3@x.io", 1, 60);
        IssuedToken otherJob = token("u9@x.io", 1, 3600);
        store.unfinished = List.of(kept, expiring, otherJob);
        MakeTokens makeTokens = new MakeTokens(store, CLOCK);
        MakeTokens.Held held = makeTokens.held(true);
        List<TokenJob> jobs = TokenJob.roundRobin(USERS, 3);
        assertThat(held.forJobs(jobs)).containsOnlyKeys(kept.key());
        List<IssuedToken> tokens = makeTokens.make(jobs, held, issuer, 2, MakeTokens.Progress.NONE);
        assertThat(tokens.get(1)).isSameAs(kept);
        assertThat(asked).containsExactlyInAnyOrder(new TokenJob.Key("u1@x.io", 1), new TokenJob.Key("u3@x.io", 1));
        assertThat(store.arrived).extracting(IssuedToken::email).containsExactlyInAnyOrder("u1@x.io", "u3@x.io");
    }

    @Test
    void anUnfinishedRunIsNeverOverwrittenWithoutResuming() {
        MemoryStore store = new MemoryStore();
        store.unfinished = List.of();
        assertThatThrownBy(() -> new MakeTokens(store, CLOCK).held(false))
                .isInstanceOf(MakeTokens.UnfinishedRunException.class)
                .satisfies(e -> assertThat(((MakeTokens.UnfinishedRunException) e).tokens()).isZero());
        assertThat(store.open).isFalse();
        assertThat(new MakeTokens(new MemoryStore(), CLOCK).held(false)).isEqualTo(MakeTokens.Held.NONE);
    }

    @Test
    void aFailureLeavesWhatArrivedSavedAndTheStoreUnfinished() {
        MemoryStore store = new MemoryStore();
        IssueTokenPort failsOnU3 = (user, round) -> {
            if (user.email().equals("u3@x.io")) {
                throw new TokenException.BadCredentials(user.email() + ": HTTP 400");
            }
            return token(user.email(), round, 3600);
        };
        List<String> heard = new ArrayList<>();
        assertThatThrownBy(() -> new MakeTokens(store, CLOCK).make(TokenJob.roundRobin(USERS, 3), MakeTokens.Held.NONE,
                failsOnU3, 1, t -> heard.add(t.email())))
                .isInstanceOf(TokenException.BadCredentials.class);
        assertThat(store.arrived).extracting(IssuedToken::email).containsExactly("u1@x.io", "u2@x.io");
        assertThat(heard).containsExactly("u1@x.io", "u2@x.io");
        assertThat(store.finished).isNull();
        assertThat(store.open).as("arrivals closed").isFalse();
    }
}
