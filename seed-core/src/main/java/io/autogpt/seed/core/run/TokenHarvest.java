package io.autogpt.seed.core.run;

import io.autogpt.seed.core.port.IssueTokenPort;
import io.autogpt.seed.core.token.IssuedToken;
import io.autogpt.seed.core.token.TokenException;
import io.autogpt.seed.core.token.TokenJob;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Obtains one token per job through a port, on up to {@code workers} threads, and hands each to a listener as it
 * arrives (so it can be checkpointed at once).
 *
 * <p>Pacing and retries are the port's business; the worker count only caps how many requests can wait on it at
 * once. The first {@link TokenException} stops the harvest: no job starts after it, and the exception reaches the
 * caller after the listener has seen every token that arrived before it.
 */
public final class TokenHarvest {
    /** Receives tokens as they arrive, one at a time, on the thread that called {@link #run}. */
    @FunctionalInterface
    public interface Listener {
        void issued(IssuedToken token);
    }

    private final IssueTokenPort port;
    private final int workers;

    /**
     * @param port    where tokens come from; shared by all workers, so it must be thread-safe
     * @param workers threads issuing at once, at least 1
     */
    public TokenHarvest(IssueTokenPort port, int workers) {
        this.port = Objects.requireNonNull(port, "port");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be 1 or more, got " + workers);
        }
        this.workers = workers;
    }

    /**
     * Obtains a token for every job not already {@code held}, and returns the tokens of all {@code jobs} in job
     * order (round, then user).
     *
     * @param held tokens kept from an interrupted run, by job; they are not asked for again
     * @throws TokenException the first failure; tokens before it have reached {@code listener}
     */
    public List<IssuedToken> run(List<TokenJob> jobs, Map<TokenJob.Key, IssuedToken> held, Listener listener) {
        @Nullable IssuedToken[] tokens = new @Nullable IssuedToken[jobs.size()];
        int missing = 0;
        for (int i = 0; i < jobs.size(); i++) {
            tokens[i] = held.get(jobs.get(i).key());
            missing += tokens[i] == null ? 1 : 0;
        }
        if (missing == 0) {
            return List.of(tokens);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, missing), daemonThreads());
        // The first real failure, kept on the worker that met it: a worker that finds it set skips its job, and
        // that skip may complete before the failure's own future does; the failure is what gets reported.
        AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
        try {
            CompletionService<Indexed> done = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < jobs.size(); i++) {
                if (tokens[i] == null) {
                    int index = i;
                    TokenJob job = jobs.get(i);
                    done.submit(() -> {
                        if (firstFailure.get() != null) {
                            throw new CancellationException("an earlier token failed");
                        }
                        try {
                            return new Indexed(index, port.issue(job.user(), job.round()));
                        } catch (RuntimeException e) {
                            // Set here, on the worker, so no worker starts another request after a failure.
                            firstFailure.compareAndSet(null, e);
                            throw e;
                        }
                    });
                }
            }
            for (int i = 0; i < missing; i++) {
                Indexed next = await(done.take(), firstFailure);
                listener.issued(next.token());
                tokens[next.index()] = next.token();
            }
            return List.of(tokens);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while obtaining tokens", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Indexed await(Future<Indexed> future, AtomicReference<RuntimeException> firstFailure)
            throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            RuntimeException first = firstFailure.get();
            if (first != null) {
                throw first;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, "token-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private record Indexed(int index, IssuedToken token) {
    }
}
