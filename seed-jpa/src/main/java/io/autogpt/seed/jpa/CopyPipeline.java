package io.autogpt.seed.jpa;

import io.autogpt.seed.core.table.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A seeding run's tables into COPYs, one after another, sent by a worker thread that owns the session's connection
 * while the caller goes on making rows: the next table's as well as this one's.
 *
 * <p>A COPY fed by a producer of its own ({@link CopyStream}) keeps the generator and the server busy side by side
 * within a table, but at each table's end one of them waits for the other, and the server idles whenever making rows
 * is slower than taking them in (notifications, embeddings, activity). Here the caller encodes every table's rows
 * into one queue, 32 MiB deep, and returns as soon as its rows are queued; the worker sends them. Whenever the worker
 * has no rows to send, or while the queue still has room, it does the load's backlog instead (building the indexes
 * of tables whose rows are all in), ending the COPY it has open and starting another for the rest of that table's
 * rows afterwards: chunks hold whole rows, and a table's rows may go in over several COPYs. So the server works while
 * the generator does, and the generator rarely waits.
 *
 * <p>Other work on the connection keeps its order: {@link #submit} queues statements behind the rows before them, and
 * {@link #drain} waits until everything queued is done, after which the caller has the connection to itself until it
 * queues again. A failure on the worker (a row the server refuses, a duplicate key found by an index build) stops it:
 * what is still queued is dropped, and the caller's next call throws it.
 *
 * <p>Owned by its session, which {@linkplain #close closes} it before rolling back or closing the connection.
 */
final class CopyPipeline {
    /**
     * Items the caller may run ahead: 512, chunks of 64 KiB nearly all, 32 MiB — what a second or so of generating
     * makes, within the heap a large load needs anyway.
     */
    private static final int CAPACITY = 512;

    private sealed interface Item permits Run, Start, Chunk, End, Abort, Barrier {
    }

    /** Statements for {@code table}'s sake; a failure is reported as writing it. */
    private record Run(ConnectionWork work, String table) implements Item {
    }

    /** A table's rows begin: the COPY statement, what its format puts before and after rows. */
    private record Start(Segment segment) implements Item {
    }

    /** Whole rows of the last started table: the first {@code length} bytes of {@code bytes}. */
    private record Chunk(byte[] bytes, int length) implements Item {
    }

    /** The last started table's rows are all queued: how many, and the caller's time making and encoding them. */
    private record End(long rows, long generate, long encode) implements Item {
    }

    /**
     * The caller failed while making the last started table's rows ({@code why}): the worker cancels its COPY, so
     * none of them go in, and stops as it does for a failure of its own.
     */
    private record Abort(Throwable why) implements Item {
    }

    /** Everything before it is done: the worker counts down and does nothing more until the next item. */
    private record Barrier(CountDownLatch reached) implements Item {
    }

    /** One table's rows on the worker: the COPY they go in with, and the worker's times for the split. */
    private static final class Segment {
        final String relation;
        final String table;
        final String sql;
        final String format;
        final byte[] header;
        final byte[] trailer;
        long bytes;
        long wait;
        long send;
        long end;

        Segment(String relation, String table, String sql, String format, byte[] header, byte[] trailer) {
            this.relation = relation;
            this.table = table;
            this.sql = sql;
            this.format = format;
            this.header = header;
            this.trailer = trailer;
        }
    }

    private final Connection conn;
    private final @Nullable Backlog backlog;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>(CAPACITY);
    /** The chunks' arrays: the caller takes them, the worker hands them back once sent. */
    private final ChunkArrays arrays = new ChunkArrays(CopyStream.CHUNK_BYTES + 4096, CAPACITY);
    private final Thread worker;
    private final boolean timed = LoadTimings.on();
    /** What stopped the worker; the caller's next call throws it. */
    private volatile @Nullable Throwable failure;
    /** The caller waits for the worker: no new backlog work. */
    private volatile boolean draining;
    private volatile boolean stopping;
    /** The worker is running a statement of its own (not a COPY): closing cancels it. */
    private volatile boolean busy;
    private boolean started;

    // The worker's own state.
    private @Nullable Segment current;
    /** The COPY open for the current table; volatile for {@link #close}, which cancels it. */
    private volatile @Nullable CopyIn open;
    /** Since a barrier, until the next item: the caller has the connection. */
    private boolean paused;

    /** A pipeline on {@code conn}, which its session owns; the worker does {@code backlog} (or nothing: null). */
    CopyPipeline(Connection conn, @Nullable Backlog backlog) {
        this.conn = conn;
        this.backlog = backlog;
        this.worker = new Thread(this::work, "seed-connection");
        worker.setDaemon(true);
    }

    /** Whether the calling thread is the worker: it has the connection already. */
    boolean onWorker() {
        return Thread.currentThread() == worker;
    }

    /**
     * Queues {@code rows} for one COPY into {@code relation} (an SQL name, quoted where needed) in {@code encoding},
     * generating and encoding them on the calling thread; returns once they are all queued, usually before they are
     * all in.
     *
     * @return rows queued
     * @throws RuntimeException what stopped the worker, if anything did: this table's rows or earlier work
     */
    <R extends Record> long copy(String relation, Table<R> table, Stream<R> rows, CopyRows<R> encoding) {
        return copy(relation, table, rows, encoding, false);
    }

    /**
     * As {@link #copy(String, Table, Stream, CopyRows)}; with {@code freeze}, the rows are stored frozen (a table this
     * transaction created or emptied, {@link CopyText#copyInto(Table, String, String, boolean)}).
     */
    <R extends Record> long copy(String relation, Table<R> table, Stream<R> rows, CopyRows<R> encoding,
                                 boolean freeze) {
        CopyBuffer edge = new CopyBuffer(64);
        encoding.begin(edge);
        byte[] header = Arrays.copyOf(edge.array(), edge.size());
        edge.clear();
        encoding.end(edge);
        byte[] trailer = Arrays.copyOf(edge.array(), edge.size());
        put(new Start(new Segment(relation, table.name(), CopyText.copyInto(table, relation, encoding.format(),
                freeze), encoding.format(), header, trailer)));
        try {
            return queueRows(rows, encoding);
        } catch (RuntimeException | Error e) {
            // Rows cut short must not go in: the worker cancels what it has of them.
            try {
                put(new Abort(e));
            } catch (RuntimeException alreadyStopped) {
                // The worker failed or was closed first: it sends nothing more anyway.
            }
            throw e;
        }
    }

    private <R extends Record> long queueRows(Stream<R> rows, CopyRows<R> encoding) {
        CopyBuffer chunk = new CopyBuffer(arrays);
        long[] times = {0, 0};
        long count;
        try {
            count = CopyStream.encodeRows(rows, encoding, chunk, (bytes, length) -> put(new Chunk(bytes, length)),
                    times);
        } catch (InterruptedException e) {
            // put() never throws it: it turns an interrupt into a failure of its own.
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (chunk.size() > 0) {
            put(new Chunk(chunk.array(), chunk.size()));
        }
        put(new End(count, times[0], times[1]));
        return count;
    }

    /**
     * Queues {@code work} behind everything queued so far, for {@code table}'s sake; returns at once.
     *
     * @throws RuntimeException what stopped the worker, if anything did
     */
    void submit(ConnectionWork work, String table) {
        put(new Run(work, table));
    }

    /**
     * Waits until everything queued is done; the caller then has the connection to itself until it queues again.
     *
     * @throws RuntimeException what stopped the worker, if anything did
     */
    void drain() {
        if (!started || stopping) {
            rethrow();
            return;
        }
        Barrier barrier = new Barrier(new CountDownLatch(1));
        draining = true;
        try {
            put(barrier);
            boolean interrupted = false;
            while (true) {
                try {
                    barrier.reached().await();
                    break;
                } catch (InterruptedException e) {
                    // The connection is not ours before the worker lets go of it: wait on, then say so.
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        } finally {
            draining = false;
        }
        rethrow();
    }

    /**
     * Stops the worker: what is queued is dropped, an open COPY cancelled, a running statement cancelled. Never throws;
     * the connection is the session's again afterwards, its transaction to be rolled back.
     */
    void close() {
        if (!started) {
            return;
        }
        stopping = true;
        // A statement or a COPY is cancelled, not awaited.
        Connections.stopWorker(worker, conn, () -> busy || open != null);
    }

    private void put(Item item) {
        if (stopping) {
            // No worker takes it any more: waiting for it would never end.
            throw new IllegalStateException("the session's connection is closed to new rows");
        }
        if (!started) {
            started = true;
            worker.start();
        }
        rethrow();
        try {
            // A worker that failed drops what it takes, so there is room again soon; the failure is thrown then.
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing rows to the database", e);
        }
    }

    private void rethrow() {
        Throwable f = failure;
        if (f instanceof RuntimeException e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }

    // The worker.

    private void work() {
        // Backlog first while the queue has room; once it is full, rows until it is empty: the generator is then
        // seldom held up, and the server seldom idle.
        boolean backlogFirst = true;
        // Time with nothing to do, credited to the table whose rows were awaited (the split's wait_for_rows).
        long idle = 0;
        try {
            while (!stopping) {
                if (failure == null && !paused && !draining && backlog != null
                        && (backlogFirst || queue.isEmpty()) && backlog.pending()) {
                    doBacklog(backlog);
                    backlogFirst = queue.remainingCapacity() > 0;
                    continue;
                }
                long t0 = timed ? System.nanoTime() : 0;
                Item item = queue.take();
                idle += timed ? System.nanoTime() - t0 : 0;
                paused = false;
                if (queue.isEmpty()) {
                    backlogFirst = true;
                }
                if (failure != null) {
                    // Stopped: drop what comes, but let a caller waiting for a barrier go, to be told why.
                    if (item instanceof Barrier barrier) {
                        barrier.reached().countDown();
                    }
                    continue;
                }
                if (timed && current != null && (item instanceof Chunk || item instanceof End)) {
                    current.wait += idle;
                    idle = 0;
                }
                try {
                    handle(item);
                } catch (SQLException e) {
                    fail(DatabaseSession.writing(failingTable(item), e));
                } catch (RuntimeException | Error e) {
                    fail(e);
                }
                if (timed && current != null && item instanceof Start) {
                    current.wait += idle;
                    idle = 0;
                }
            }
        } catch (InterruptedException e) {
            // Closed: the session rolls back.
        } finally {
            cancelCopy();
            for (Item item; (item = queue.poll()) != null; ) {
                if (item instanceof Barrier barrier) {
                    barrier.reached().countDown();
                }
            }
        }
    }

    private void doBacklog(Backlog work) {
        try {
            // The rows sent so far go in now: a row the server refuses at the COPY's end is the table's failure.
            closeCopy();
        } catch (SQLException e) {
            fail(DatabaseSession.writing(Objects.requireNonNull(current).table, e));
            return;
        }
        busy = true;
        try {
            if (stopping) {
                return;
            }
            work.work(() -> !draining && !stopping && queue.remainingCapacity() > 0);
        } catch (RuntimeException | Error e) {
            fail(e);
        } finally {
            busy = false;
        }
    }

    private String failingTable(Item item) {
        if (item instanceof Run run) {
            return run.table();
        }
        return current == null ? "?" : current.table;
    }

    private void handle(Item item) throws SQLException {
        if (item instanceof Chunk chunk) {
            send(chunk);
        } else if (item instanceof Start start) {
            if (open != null) {
                throw new IllegalStateException("rows of " + Objects.requireNonNull(current).table
                        + " were cut short without an abort");
            }
            current = start.segment();
        } else if (item instanceof Abort abort) {
            fail(abort.why());
        } else if (item instanceof End end) {
            closeCopy();
            Segment segment = Objects.requireNonNull(current);
            if (timed) {
                LoadTimings.copy(segment.relation, segment.format, end.rows(), segment.bytes, end.generate(),
                        end.encode(), segment.wait, segment.send, segment.end);
            }
            current = null;
        } else if (item instanceof Run run) {
            closeCopy();
            busy = true;
            try {
                if (!stopping) {
                    run.work().run();
                }
            } finally {
                busy = false;
            }
        } else if (item instanceof Barrier barrier) {
            paused = true;
            try {
                closeCopy();
            } catch (SQLException e) {
                fail(DatabaseSession.writing(failingTable(barrier), e));
            } finally {
                // Even when ending the COPY failed: the caller waiting here is then told why.
                barrier.reached().countDown();
            }
        }
    }

    /** Sends whole rows of the current table, in the COPY open for it or a new one. */
    private void send(Chunk chunk) throws SQLException {
        Segment segment = Objects.requireNonNull(current);
        long t0 = timed ? System.nanoTime() : 0;
        CopyIn in = open;
        if (in == null) {
            in = conn.unwrap(PGConnection.class).getCopyAPI().copyIn(segment.sql);
            open = in;
            if (segment.header.length > 0) {
                in.writeToCopy(segment.header, 0, segment.header.length);
            }
        }
        in.writeToCopy(chunk.bytes(), 0, chunk.length());
        // The driver has written or copied the bytes: the array may take the next chunk.
        arrays.giveBack(chunk.bytes());
        segment.bytes += chunk.length();
        if (timed) {
            segment.send += System.nanoTime() - t0;
        }
    }

    /** Ends the open COPY, if any: the rows sent so far go in; the table's later rows take another COPY. */
    private void closeCopy() throws SQLException {
        CopyIn in = open;
        if (in == null) {
            return;
        }
        long t0 = timed ? System.nanoTime() : 0;
        Segment segment = Objects.requireNonNull(current);
        open = null;
        if (segment.trailer.length > 0) {
            in.writeToCopy(segment.trailer, 0, segment.trailer.length);
        }
        in.endCopy();
        if (timed) {
            segment.end += System.nanoTime() - t0;
        }
    }

    /** An exception mid-stream must abort the COPY: ending it would load the rows sent so far. */
    private void cancelCopy() {
        CopyIn in = open;
        open = null;
        if (in != null && in.isActive()) {
            try {
                in.cancelCopy();
            } catch (SQLException e) {
                // The transaction is failing anyway; the connection's rollback ends what is left.
            }
        }
    }

    private void fail(Throwable e) {
        if (failure == null) {
            failure = e;
        }
        cancelCopy();
    }
}
