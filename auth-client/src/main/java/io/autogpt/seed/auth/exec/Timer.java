package io.autogpt.seed.auth.exec;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import org.jspecify.annotations.Nullable;

/**
 * The executor's time: its clock and every way it waits. {@link #SYSTEM} is real time; a test passes a virtual one
 * that moves its clock instead of waiting, so retries, pacing and hedges run without a sleep.
 */
public interface Timer {
    /** Now, in {@link System#nanoTime()}-style nanoseconds. */
    long nanoTime();

    /** Waits {@code nanos} (a back-off between retries). */
    void sleepNanos(long nanos) throws InterruptedException;

    /**
     * Waits until {@code events} holds an element or {@code nanos} passed, and takes the element.
     *
     * @return the element, or null when the time passed first
     */
    <T> @Nullable T poll(BlockingQueue<T> events, long nanos) throws InterruptedException;

    /**
     * Waits on {@code condition}, whose lock the caller holds, until signalled or {@code nanos} passed
     * ({@link Long#MAX_VALUE}: no limit). May return early, as {@link Condition#awaitNanos} may.
     */
    void await(Condition condition, long nanos) throws InterruptedException;

    /** Real time: {@link System#nanoTime()}, {@link Thread#sleep}, the queue's and the condition's own waits. */
    Timer SYSTEM = new Timer() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            if (nanos > 0) {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        }

        @Override
        public <T> @Nullable T poll(BlockingQueue<T> events, long nanos) throws InterruptedException {
            return events.poll(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void await(Condition condition, long nanos) throws InterruptedException {
            if (nanos == Long.MAX_VALUE) {
                condition.await();
            } else {
                condition.awaitNanos(nanos);
            }
        }
    };
}
