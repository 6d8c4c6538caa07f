package io.autogpt.seed.auth.exec;

import io.autogpt.seed.auth.policy.AdaptiveThrottle;
import io.autogpt.seed.auth.policy.Failure;
import io.autogpt.seed.auth.policy.Hedging;
import io.autogpt.seed.auth.policy.RetryPolicy;
import io.autogpt.seed.core.token.TokenException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a protocol's requests as the policies decide, knowing nothing of the protocol (as HttpClient 5 keeps its exec
 * chain apart from its retry strategy): every request passes one {@link SendGate} (pace and window from an
 * {@link AdaptiveThrottle}), failures are tried again as the {@link RetryPolicy} says, and a request sent
 * {@link Mode#HEDGED} gets copies when its answer is late, as {@link Hedging} says. The first final answer wins; the
 * other copies are cancelled. A failure beyond the budget is thrown as a {@link TokenException} naming the request and
 * the server.
 *
 * <p>Every wait goes through the {@link Timer}, and hedged copies run on the given {@link Executor}: a test that passes
 * a virtual timer and a direct executor runs it deterministically, without a sleep.
 *
 * <p>Thread-safe. {@link #open} owns the threads of the hedged copies until {@link #close()}.
 */
public final class RequestExecutor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RequestExecutor.class);
    /** How often a hedged request looks whether its newest copy has passed the gate yet. */
    static final long GATE_POLL_NANOS = 5_000_000L;

    /**
     * How requests are run, and how the server is named in messages.
     *
     * @param service    the server's kind, e.g. {@code Supabase Auth}
     * @param url        where it is, as messages show it (no secret)
     * @param retry      when to try again
     * @param throttle   pace and window
     * @param hedging    when to send a copy of a late request
     * @param jitterSeed seeds the back-off jitter, so a run's delays repeat for the same seed
     */
    public record Settings(String service, String url, RetryPolicy retry, AdaptiveThrottle.Settings throttle,
                           Hedging.Settings hedging, long jitterSeed) {
        public Settings {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(retry, "retry");
            Objects.requireNonNull(throttle, "throttle");
            Objects.requireNonNull(hedging, "hedging");
        }
    }

    /**
     * What the executor did so far.
     *
     * @param requests    requests sent, retries and hedges included
     * @param rateLimited 429 answers
     * @param retries     requests sent again after a failure
     * @param hedges      extra copies of requests that had not answered in time
     */
    public record Stats(long requests, long rateLimited, long retries, long hedges) {
        public static final Stats NONE = new Stats(0, 0, 0, 0);
    }

    /** How persistently a request is sent. */
    public enum Mode {
        /** A pre-flight: an unreachable server or a failed connection ends the run at once. */
        PREFLIGHT,
        /** Safe to repeat: retried within the budget. */
        RETRIED,
        /** Safe to repeat, and worth a copy when the answer is late: a password login. */
        HEDGED
    }

    private final Settings settings;
    private final SendGate gate;
    private final Hedging hedging;
    private final Timer timer;
    private final Executor copies;
    private final DoubleSupplier jitter;
    private final Runnable onClose;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong hedges = new AtomicLong();

    private RequestExecutor(Settings settings, Timer timer, Executor copies, DoubleSupplier jitter, Runnable onClose) {
        this.settings = settings;
        this.timer = timer;
        this.copies = copies;
        this.jitter = jitter;
        this.onClose = onClose;
        this.gate = new SendGate(new AdaptiveThrottle(settings.throttle()), timer);
        this.hedging = new Hedging(settings.hedging());
    }

    /**
     * An executor in real time, with its own daemon threads for hedged copies (idle ones end after a minute) and
     * back-off jitter drawn from {@link Settings#jitterSeed()}.
     */
    public static RequestExecutor open(Settings settings) {
        AtomicLong threads = new AtomicLong();
        ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
            Thread t = new Thread(runnable, "request-copy-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AtomicLong draws = new AtomicLong();
        // One generator per draw, seeded from (jitter seed, draw): deterministic for a seed, and safe across threads.
        DoubleSupplier jitter = () -> new SplittableRandom(settings.jitterSeed()
                + draws.incrementAndGet() * 0x9E3779B97F4A7C15L).nextDouble();
        return new RequestExecutor(settings, Timer.SYSTEM, pool, jitter, pool::shutdownNow);
    }

    /**
     * An executor in the given time: {@code timer} for every wait, {@code copies} to run hedged copies on (a direct
     * executor runs them on the caller, where their wait for the gate then happens), {@code jitter} for back-offs
     * (uniform in [0, 1)). Closing it closes nothing of these.
     */
    public static RequestExecutor withTimer(Settings settings, Timer timer, Executor copies, DoubleSupplier jitter) {
        return new RequestExecutor(settings, timer, copies, jitter, () -> { });
    }

    /**
     * Sends until the answer is final: a success or a refusal, returned for the caller to read or name.
     *
     * @param who     the user or step named in messages
     * @param request makes a fresh copy of the request for each try
     * @throws TokenException.ServerUnavailable    the server cannot be reached, or failed beyond the retry budget
     * @throws TokenException.RateLimitExhausted   429s beyond the budget
     * @throws CancellationException               the calling thread was interrupted (its flag is set again)
     */
    public <R> R send(String who, Mode mode, Supplier<? extends Attempt<R>> request) {
        for (int attempt = 0; ; attempt++) {
            Outcome<R> outcome = mode == Mode.HEDGED && hedging.maxHedges() > 0 ? hedged(request) : once(request);
            if (outcome.isFinal()) {
                return Objects.requireNonNull(outcome.reply(), "a final answer's reply");
            }
            if ((mode == Mode.PREFLIGHT || outcome.failure() == Failure.UNREACHABLE) && outcome.reply() == null) {
                throw new TokenException.ServerUnavailable("cannot reach " + settings.service() + " at "
                        + settings.url() + " (" + outcome.problem() + ")");
            }
            retryOrGiveUp(who, outcome, attempt);
        }
    }

    /**
     * One try through the gate, on the calling thread, its outcome reported to the gate: for a request that needs a
     * step of its own between tries (a creation looks whether it happened before sending again).
     */
    public <R> Outcome<R> once(Supplier<? extends Attempt<R>> request) {
        BlockingQueue<Event<R>> events = new LinkedBlockingQueue<>();
        launch(request, events, Runnable::run);
        try {
            Event<R> event = next(events, Long.MAX_VALUE);
            return Objects.requireNonNull(event, "an answer").outcome();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for an answer");
        }
    }

    /**
     * Waits as the retry policy says before try {@code attempt + 1} (counted from 0) after {@code outcome}, or throws
     * when it says to give up.
     *
     * @throws TokenException.RateLimitExhausted after 429s
     * @throws TokenException.ServerUnavailable  after any other failure
     */
    public void retryOrGiveUp(String who, Outcome<?> outcome, int attempt) {
        Failure failure = Objects.requireNonNull(outcome.failure(), "a final answer is not retried");
        RetryPolicy.Decision decision = settings.retry().decide(failure, attempt, outcome.retryAfter(),
                jitter.getAsDouble());
        if (decision instanceof RetryPolicy.GiveUp giveUp) {
            String message = who + ": " + outcome.problem() + " from " + settings.url() + "; " + giveUp.reason();
            throw failure == Failure.RATE_LIMITED ? new TokenException.RateLimitExhausted(message)
                    : new TokenException.ServerUnavailable(message);
        }
        retries.incrementAndGet();
        LOG.debug("{}: {}; retrying", who, outcome.problem());
        pause(((RetryPolicy.Retry) decision).delay());
    }

    /** Counters so far. */
    public Stats stats() {
        return new Stats(requests.get(), rateLimited.get(), retries.get(), hedges.get());
    }

    /** Stops the threads {@link #open} made; copies still running are interrupted. */
    @Override
    public void close() {
        onClose.run();
    }

    /**
     * A hedged request: the first copy goes out; whenever the newest copy has waited the hedging delay since it
     * passed the gate without an answer, another goes out, up to the limit, and the late one gives up its place in
     * the send window. The first final answer wins and the other copies are cancelled; if every copy failed, the
     * last failure stands for the retry policy, and if every copy is twice late, a timeout does.
     */
    private <R> Outcome<R> hedged(Supplier<? extends Attempt<R>> request) {
        BlockingQueue<Event<R>> events = new LinkedBlockingQueue<>();
        List<Copy<R>> sent = new ArrayList<>();
        Outcome<R> last = null;
        try {
            sent.add(launch(request, events, copies));
            int outstanding = 1;
            while (outstanding > 0) {
                Copy<R> newest = sent.get(sent.size() - 1);
                long waited = newest.sentAt < 0 ? -1 : timer.nanoTime() - newest.sentAt;
                long delay = hedging.delayNanos();
                Event<R> next;
                if (sent.size() > hedging.maxHedges()) {
                    // Every copy sent: the newest gives up its place in the window once late, and when it is twice
                    // late the round ends as a timeout (a per-attempt timeout that follows the server's latency;
                    // the transport's timeout stays the ceiling), and the retry policy decides what comes next.
                    if (waited >= 2 * delay) {
                        return Outcome.failed(null, Failure.TIMEOUT, "no answer from " + sent.size() + " copies "
                                + "within " + TimeUnit.NANOSECONDS.toMillis(2 * delay) + " ms", null);
                    }
                    if (waited >= delay && newest.freeSlot()) {
                        gate.release();
                    }
                    next = next(events, waited < 0 ? GATE_POLL_NANOS
                            : waited < delay ? delay - waited : 2 * delay - waited);
                } else if (waited < 0) {
                    // The newest copy still waits for the gate: its lateness has not begun.
                    next = next(events, GATE_POLL_NANOS);
                } else if (waited < delay) {
                    next = next(events, delay - waited);
                } else {
                    // The late copy is presumed lost: it gives up its place in the window to its replacement (the
                    // replacement still waits for the pace, so hedges cannot outrun the rate control).
                    if (newest.freeSlot()) {
                        gate.release();
                    }
                    hedges.incrementAndGet();
                    sent.add(launch(request, events, copies));
                    outstanding++;
                    continue;
                }
                if (next == null) {
                    continue;
                }
                outstanding--;
                if (next.lost()) {
                    continue;
                }
                Outcome<R> outcome = next.outcome();
                if (outcome.isFinal()) {
                    return outcome;
                }
                last = outcome;
            }
            // Every copy was cancelled from outside: count it as a dropped connection, which the policy retries.
            return last != null ? last : Outcome.failed(null, Failure.CONNECTION, "every copy was cancelled", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for an answer");
        } finally {
            sent.forEach(Copy::cancel);
        }
    }

    /**
     * Starts a copy on {@code runner}: it waits for the pace and a slot, goes out, and when it ends tells the gate
     * what came back (a cancelled copy tells nothing: its lateness says nothing about the server's load), frees its
     * slot and posts its outcome to {@code events}.
     */
    private <R> Copy<R> launch(Supplier<? extends Attempt<R>> request, BlockingQueue<Event<R>> events,
                               Executor runner) {
        Copy<R> copy = new Copy<>(request.get());
        runner.execute(() -> {
            try {
                copy.sentAt = acquire();
            } catch (RuntimeException e) {
                events.add(Event.failed(e));
                return;
            }
            try {
                requests.incrementAndGet();
                copy.attempt.send().whenComplete((outcome, error) -> events.add(settle(copy, outcome, error)));
            } catch (RuntimeException e) {
                events.add(settle(copy, null, e));
            }
        });
        return copy;
    }

    /** Reports an ended copy to the gate and frees its slot; the event its waiter reads. */
    private <R> Event<R> settle(Copy<R> copy, @Nullable Outcome<R> outcome, @Nullable Throwable error) {
        try {
            if (copy.cancelled) {
                return Event.cancelled();
            }
            if (error != null || outcome == null) {
                return Event.failed(error instanceof RuntimeException r ? r : new IllegalStateException(error));
            }
            if (outcome.success()) {
                hedging.answered(timer.nanoTime() - copy.sentAt);
                gate.succeeded();
            } else if (outcome.failure() == Failure.RATE_LIMITED) {
                rateLimited.incrementAndGet();
                Duration retryAfter = outcome.retryAfter();
                gate.rateLimited(copy.sentAt, retryAfter == null ? -1 : retryAfter.toNanos());
            } else if (outcome.failure() != null && outcome.failure() != Failure.UNREACHABLE) {
                gate.overloaded(copy.sentAt);
            }
            return Event.of(outcome);
        } finally {
            if (copy.freeSlot()) {
                gate.release();
            }
        }
    }

    /** The next event, at once if one is there (even on an interrupted thread), else within {@code nanos}. */
    private <R> @Nullable Event<R> next(BlockingQueue<Event<R>> events, long nanos) throws InterruptedException {
        Event<R> ready = events.poll();
        return ready != null ? ready : timer.poll(events, nanos);
    }

    private long acquire() {
        try {
            return gate.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting to send");
        }
    }

    private void pause(Duration delay) {
        try {
            timer.sleepNanos(delay.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while backing off");
        }
    }

    /** One copy in flight: when it passed the gate, whether it was cancelled, whether its slot is free. */
    private static final class Copy<R> {
        final Attempt<R> attempt;
        /** When the copy passed the gate ({@link Timer#nanoTime()}), or -1 while it waits. */
        volatile long sentAt = -1;
        volatile boolean cancelled;
        private final AtomicBoolean slotFreed = new AtomicBoolean();

        Copy(Attempt<R> attempt) {
            this.attempt = attempt;
        }

        void cancel() {
            cancelled = true;
            attempt.cancel();
        }

        /**
         * Whether this call is the first to give up the copy's place in the send window: once when it ends, or
         * earlier when a hedge presumes it lost, so that a stalled copy cannot hold its place (and starve the copies
         * meant to replace it) until its timeout.
         */
        boolean freeSlot() {
            return slotFreed.compareAndSet(false, true);
        }
    }

    /** What a copy's waiter learns: an outcome, that the copy was cancelled (lost), or a bug to rethrow. */
    private record Event<R>(@Nullable Outcome<R> result, boolean lost, @Nullable RuntimeException error) {
        static <R> Event<R> of(Outcome<R> outcome) {
            return new Event<>(outcome, false, null);
        }

        static <R> Event<R> cancelled() {
            return new Event<>(null, true, null);
        }

        static <R> Event<R> failed(RuntimeException error) {
            return new Event<>(null, false, error);
        }

        /** The outcome; throws the bug if there was one. */
        Outcome<R> outcome() {
            if (error != null) {
                throw error;
            }
            return Objects.requireNonNull(result, "an outcome");
        }
    }
}
