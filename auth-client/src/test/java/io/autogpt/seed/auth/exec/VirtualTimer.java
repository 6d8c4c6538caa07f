package io.autogpt.seed.auth.exec;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.Condition;
import org.jspecify.annotations.Nullable;

/**
 * Time that moves only when someone waits: a wait runs the tasks scheduled before its end, in time order, and sets the
 * clock to the end (or to the task that ended it). One thread; nothing sleeps. A wait without an end and nothing
 * scheduled fails instead of hanging.
 */
final class VirtualTimer implements Timer {
    private record Scheduled(long at, long order, Runnable task) {
    }

    private final PriorityQueue<Scheduled> due = new PriorityQueue<>(
            Comparator.comparingLong(Scheduled::at).thenComparingLong(Scheduled::order));
    private long now;
    private long order;

    /** Runs {@code task} when the clock reaches {@code nanos} from now. */
    void after(long nanos, Runnable task) {
        due.add(new Scheduled(now + nanos, order++, task));
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleepNanos(long nanos) {
        long end = end(nanos);
        while (!due.isEmpty() && due.peek().at() <= end) {
            runNext();
        }
        now = Math.max(now, end);
    }

    @Override
    public <T> @Nullable T poll(BlockingQueue<T> events, long nanos) {
        long end = end(nanos);
        while (true) {
            T event = events.poll();
            if (event != null) {
                return event;
            }
            if (due.isEmpty() || due.peek().at() > end) {
                now = Math.max(now, forever(end));
                return null;
            }
            runNext();
        }
    }

    @Override
    public void await(Condition condition, long nanos) {
        long end = end(nanos);
        if (!due.isEmpty() && due.peek().at() <= end) {
            runNext();
        } else {
            now = Math.max(now, forever(end));
        }
    }

    private void runNext() {
        Scheduled next = due.remove();
        now = Math.max(now, next.at());
        next.task().run();
    }

    private long end(long nanos) {
        return nanos >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos;
    }

    private static long forever(long end) {
        if (end == Long.MAX_VALUE) {
            throw new IllegalStateException("waits forever: nothing is scheduled");
        }
        return end;
    }
}
