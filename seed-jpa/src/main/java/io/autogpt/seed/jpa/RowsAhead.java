package io.autogpt.seed.jpa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A table's rows made on a thread of their own, a few batches ahead of the caller that writes them: the JPA writer
 * spends its thread in EclipseLink and in waiting for each batch's statement, and generating the next rows meanwhile
 * takes that time off the run. The stream is consumed on the producer thread, and only there, as a COPY's producer
 * does ({@link CopyStream}); rows reach the caller in their order.
 *
 * <p>Owned by the caller, which {@linkplain #close closes} it (the producer stops) whether or not it read every row.
 */
final class RowsAhead<R> implements Iterator<R>, AutoCloseable {
    /** Rows per hand-over, and hand-overs queued: a few thousand rows, a few MiB even of embeddings. */
    private static final int BATCH = 256;
    private static final int QUEUED = 4;

    private final BlockingQueue<List<R>> queue = new ArrayBlockingQueue<>(QUEUED);
    /** Ends the rows: the producer's last hand-over, after its failure if any. */
    private final List<R> end = new ArrayList<>();
    private final Thread producer;
    private volatile @Nullable Throwable failure;
    private Iterator<R> batch = Collections.emptyIterator();
    private boolean ended;

    /** Starts making {@code rows} ({@code name} names the thread). */
    RowsAhead(Stream<R> rows, String name) {
        this.producer = new Thread(() -> produce(rows), "seed-rows-" + name);
        producer.setDaemon(true);
        producer.start();
    }

    private void produce(Stream<R> rows) {
        try {
            List<R> next = new ArrayList<>(BATCH);
            for (Iterator<R> it = rows.iterator(); it.hasNext(); ) {
                next.add(it.next());
                if (next.size() == BATCH) {
                    queue.put(next);
                    next = new ArrayList<>(BATCH);
                }
            }
            if (!next.isEmpty()) {
                queue.put(next);
            }
        } catch (InterruptedException e) {
            // Closed: the caller reads no further.
            return;
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        try {
            queue.put(end);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether another row follows, waiting for the producer if need be.
     *
     * @throws RuntimeException what making the rows threw, where it threw it in their order
     */
    @Override
    public boolean hasNext() {
        while (!batch.hasNext()) {
            if (ended) {
                return false;
            }
            List<R> next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for rows", e);
            }
            if (next == end) {
                ended = true;
                Throwable f = failure;
                if (f instanceof RuntimeException r) {
                    throw r;
                }
                if (f instanceof Error err) {
                    throw err;
                }
                return false;
            }
            batch = next.iterator();
        }
        return true;
    }

    @Override
    public R next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.next();
    }

    /** Stops the producer and waits for it: the stream is no longer consumed once this returns. */
    @Override
    public void close() {
        producer.interrupt();
        CopyStream.joinUninterruptibly(producer);
    }
}
