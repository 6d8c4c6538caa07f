package io.autogpt.seed.auth.policy;

import java.util.PriorityQueue;

/**
 * A discrete-event simulation, in virtual time, of the client's control loop against a token-bucket rate limiter:
 * {@code workers} threads each take a job, wait at the gate (window and pace of an {@link AdaptiveThrottle}), send,
 * and on 429 back off as {@link RetryPolicy} says. Deterministic: the jitter comes from a
 * {@link java.util.SplittableRandom} seeded with the simulation's seed.
 */
final class RateLimitSimulation {
    private static final long MS = 1_000_000L;

    record Result(long tokens, double seconds, long rateLimited, long gaveUp) {
        /** Tokens per second over the part of the run after the server's initial burst. */
        double sustainedRate(double burst) {
            return (tokens - burst) / seconds;
        }
    }

    private record Event(long at, int worker, int kind, long sentAt) {
    }

    private static final int WANT_SEND = 0;
    private static final int ANSWER = 1;

    static Result run(AdaptiveThrottle.Settings settings, RetryPolicy retry, int workers, int jobs, double rate,
                      double burst, long latencyNanos, long seed) {
        AdaptiveThrottle throttle = new AdaptiveThrottle(settings);
        PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
                : Integer.compare(a.worker, b.worker));
        int[] attempts = new int[workers];
        int started = 0;
        int inFlight = 0;
        java.util.ArrayDeque<Integer> waiting = new java.util.ArrayDeque<>();
        double bucket = burst;
        long bucketAt = 0;
        long done = 0;
        long limited = 0;
        long gaveUp = 0;
        long now = 0;
        java.util.SplittableRandom jitter = new java.util.SplittableRandom(seed);
        for (int w = 0; w < Math.min(workers, jobs); w++) {
            events.add(new Event(0, w, WANT_SEND, 0));
            started++;
        }
        while (!events.isEmpty()) {
            Event e = events.poll();
            now = e.at;
            if (e.kind == WANT_SEND) {
                if (inFlight >= throttle.window()) {
                    waiting.add(e.worker);
                    continue;
                }
                long at = throttle.nextSendAt();
                if (at > now) {
                    // The real gate wakes waiters on every verdict; looking again every 10 ms is close enough.
                    events.add(new Event(Math.min(at, now + 10 * MS), e.worker, WANT_SEND, 0));
                    continue;
                }
                inFlight++;
                throttle.sent(now);
                events.add(new Event(now + latencyNanos / 2, e.worker, ANSWER, now));
                continue;
            }
            // The server sees the request half a latency after it was sent and answers at once.
            bucket = Math.min(burst, bucket + (now - bucketAt) / 1e9 * rate);
            bucketAt = now;
            long answeredAt = now + latencyNanos / 2;
            boolean ok = bucket >= 1;
            if (ok) {
                bucket -= 1;
            }
            inFlight--;
            long next;
            if (ok) {
                throttle.onSuccess(answeredAt);
                done++;
                attempts[e.worker] = 0;
                if (started >= jobs) {
                    next = -1;
                } else {
                    started++;
                    next = answeredAt;
                }
            } else {
                limited++;
                throttle.onRateLimited(e.sentAt, answeredAt, -1);
                RetryPolicy.Decision d = retry.decide(Failure.RATE_LIMITED, attempts[e.worker]++, null,
                        jitter.nextDouble());
                if (d instanceof RetryPolicy.GiveUp) {
                    gaveUp++;
                    next = -1;
                } else {
                    next = answeredAt + ((RetryPolicy.Retry) d).delay().toNanos();
                }
            }
            if (next >= 0) {
                events.add(new Event(next, e.worker, WANT_SEND, 0));
            }
            // One freed slot wakes one waiter.
            if (!waiting.isEmpty() && inFlight < throttle.window()) {
                events.add(new Event(answeredAt, waiting.poll(), WANT_SEND, 0));
            }
        }
        return new Result(done, now / 1e9, limited, gaveUp);
    }
}
