package io.autogpt.seed.auth.exec;

import io.autogpt.seed.auth.policy.AdaptiveThrottle;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Admits requests as the {@link AdaptiveThrottle} allows: no more in flight than its window, none before its pace
 * permits. Thread-safe; the throttle itself is only touched under the lock. Waiting for the pace uses the lock's
 * condition through the {@link Timer} (real time, or a test's virtual time), so a verdict can cut a wait short.
 */
final class SendGate {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SendGate.class);

    private final AdaptiveThrottle throttle;
    private final Timer timer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int inFlight;

    SendGate(AdaptiveThrottle throttle, Timer timer) {
        this.throttle = throttle;
        this.timer = timer;
    }

    /**
     * Waits for a free slot in the window and for the pace, and returns the send time, which the verdict methods
     * take. The caller must {@link #release} the slot. Waiters are woken by every verdict, so a pace that rises
     * while they wait takes effect at once.
     */
    long acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                if (inFlight >= throttle.window()) {
                    timer.await(changed, Long.MAX_VALUE);
                    continue;
                }
                long now = timer.nanoTime();
                long at = throttle.nextSendAt();
                if (at <= now) {
                    inFlight++;
                    throttle.sent(now);
                    return now;
                }
                timer.await(changed, at - now);
            }
        } finally {
            lock.unlock();
        }
    }

    void succeeded() {
        update(() -> throttle.onSuccess(timer.nanoTime()));
    }

    void rateLimited(long sentAt, long retryAfterNanos) {
        update(() -> {
            throttle.onRateLimited(sentAt, timer.nanoTime(), retryAfterNanos);
            LOG.debug("429: pace now {} requests/s, window {}", String.format("%.2f", throttle.rate()),
                    throttle.window());
        });
    }

    void overloaded(long sentAt) {
        update(() -> throttle.onOverload(sentAt, timer.nanoTime()));
    }

    /** Frees the slot of a request that ended (with or without a verdict reported before). */
    void release() {
        update(() -> inFlight--);
    }

    private void update(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
