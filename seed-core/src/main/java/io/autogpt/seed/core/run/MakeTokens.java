package io.autogpt.seed.core.run;

import io.autogpt.seed.core.port.IssueTokenPort;
import io.autogpt.seed.core.port.SaveTokensPort;
import io.autogpt.seed.core.token.IssuedToken;
import io.autogpt.seed.core.token.TokenException;
import io.autogpt.seed.core.token.TokenJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes a token for every job: resumes from what the {@link SaveTokensPort} kept of an unfinished run, obtains the
 * rest through an {@link IssueTokenPort}, hands each token to the store as it arrives, and finishes the store with all
 * of them in job order. What the command line does, for any embedder:
 *
 * <pre>{@code
 * List<IssuedToken> tokens = new MakeTokens(store, Clock.systemUTC())
 *         .make(TokenJob.roundRobin(users, 150), issuer, 8);
 * }</pre>
 *
 * <p>It runs in two steps when the caller must learn early whether an unfinished run stands in the way
 * ({@link #held}), before it prepares anything else; then {@link #make(List, Held, IssueTokenPort, int, Progress)}.
 */
public final class MakeTokens {
    /** Tokens closer to expiry than this are not kept on resuming. */
    public static final Duration RESUME_MARGIN = Duration.ofMinutes(5);

    /** Hears of the run's progress, on the thread that called {@code make}. */
    public interface Progress {
        /** A token arrived and was saved. */
        void issued(IssuedToken token);

        /** Every token arrived; the store is finished next. */
        default void harvested() {
        }

        Progress NONE = token -> { };
    }

    /**
     * Tokens kept from an unfinished run, valid for at least {@link #RESUME_MARGIN} more, by job.
     *
     * @param tokens by the job each fulfils
     */
    public record Held(Map<TokenJob.Key, IssuedToken> tokens) {
        public static final Held NONE = new Held(Map.of());

        public Held {
            tokens = Map.copyOf(tokens);
        }

        /** Those of the tokens that fulfil one of {@code jobs}. */
        public Map<TokenJob.Key, IssuedToken> forJobs(List<TokenJob> jobs) {
            Map<TokenJob.Key, IssuedToken> kept = new LinkedHashMap<>();
            for (TokenJob job : jobs) {
                IssuedToken token = tokens.get(job.key());
                if (token != null) {
                    kept.put(job.key(), token);
                }
            }
            return kept;
        }
    }

    /** An unfinished run holds tokens, and the caller did not ask to resume it: its tokens would be lost. */
    public static final class UnfinishedRunException extends RuntimeException {
        private final int tokens;

        public UnfinishedRunException(int tokens) {
            super("an unfinished run saved " + tokens + " tokens; resume it, or remove them");
            this.tokens = tokens;
        }

        /** How many tokens the unfinished run saved. */
        public int tokens() {
            return tokens;
        }
    }

    private final SaveTokensPort store;
    private final Clock clock;

    /**
     * @param store where tokens go, and what an unfinished run left
     * @param clock tells which kept tokens are still valid
     */
    public MakeTokens(SaveTokensPort store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Resumes what the store kept of an unfinished run, or makes every token, on {@code workers} threads.
     *
     * @return the tokens of all {@code jobs}, in job order
     * @throws TokenException the first failure; the tokens before it are saved for resuming
     */
    public List<IssuedToken> make(List<TokenJob> jobs, IssueTokenPort issuer, int workers) {
        return make(jobs, held(true), issuer, workers, Progress.NONE);
    }

    /**
     * The tokens an unfinished run kept that are still valid, when {@code resume}; none when no run is unfinished.
     *
     * @throws UnfinishedRunException when a run is unfinished and {@code resume} is false
     */
    public Held held(boolean resume) {
        Optional<List<IssuedToken>> saved = store.unfinished();
        if (saved.isEmpty()) {
            return Held.NONE;
        }
        if (!resume) {
            throw new UnfinishedRunException(saved.get().size());
        }
        Instant now = clock.instant();
        Map<TokenJob.Key, IssuedToken> held = new LinkedHashMap<>();
        for (IssuedToken t : saved.get()) {
            if (t.validAt(now, RESUME_MARGIN.toSeconds())) {
                held.put(t.key(), t);
            }
        }
        return new Held(held);
    }

    /**
     * Obtains a token for every job {@code held} does not fulfil, saving each as it arrives, then finishes the store
     * with all of them.
     *
     * @param issuer  shared by all workers, so thread-safe
     * @param workers requests waiting on the issuer at once, at least 1
     * @return the tokens of all {@code jobs}, in job order
     * @throws TokenException the first failure; the store then holds every token that arrived before it, unfinished
     */
    public List<IssuedToken> make(List<TokenJob> jobs, Held held, IssueTokenPort issuer, int workers,
                                  Progress progress) {
        TokenHarvest harvest = new TokenHarvest(issuer, workers);
        List<IssuedToken> tokens;
        try (SaveTokensPort.Arrivals arrivals = store.open()) {
            tokens = harvest.run(jobs, held.forJobs(jobs), token -> {
                arrivals.save(token);
                progress.issued(token);
            });
        }
        progress.harvested();
        store.finish(tokens);
        return tokens;
    }
}
