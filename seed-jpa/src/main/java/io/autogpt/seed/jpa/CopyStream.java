package io.autogpt.seed.jpa;

import io.autogpt.seed.core.table.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.jspecify.annotations.Nullable;

/**
 * One table's rows into one COPY, fed in 64 KiB chunks by a producer thread, so the server ingests one chunk while
 * the next ones are made: the staging tables every database writer fills for updates and shared rows, and the COPY
 * writer's tables where no {@link CopyPipeline} sends them (making days pass).
 */
final class CopyStream {
    /** A chunk of encoded rows is handed over once it holds this many bytes. */
    static final int CHUNK_BYTES = 1 << 16;
    /** Chunks the producer may run ahead: 16 × 64 KiB. */
    private static final int QUEUED_CHUNKS = 16;
    private static final Chunk END = new Chunk(new byte[0], 0);
    /**
     * Binary COPY unless the JVM runs with {@code -Dautogpt.seed.copy=text}: the benchmark's comparison with the
     * text format {@code pg_restore} sends.
     */
    private static final boolean TEXT_ONLY = "text".equals(System.getProperty("autogpt.seed.copy"));

    private CopyStream() {
    }

    /**
     * Streams {@code rows} into one COPY into {@code relation} (an SQL name, quoted where needed): in binary where the
     * relation's column types allow it ({@link CopyBinary}), else in text. Rows are generated and encoded on a
     * producer thread, a few chunks ahead, while this thread only writes to the socket: the server never waits for the generator, and the generator
     * never waits for the network. The stream is consumed on the producer thread, and only there.
     */
    static <R extends Record> long copy(Connection conn, String relation, Table<R> table, Stream<R> rows)
            throws SQLException {
        return copy(conn, relation, table, rows, false);
    }

    /** As {@link #copy(Connection, String, Table, Stream)}; with {@code freeze}, the rows are stored frozen. */
    static <R extends Record> long copy(Connection conn, String relation, Table<R> table, Stream<R> rows,
                                        boolean freeze) throws SQLException {
        CopyBinary<R> binary = TEXT_ONLY ? null : CopyBinary.of(conn, relation, table);
        return copy(conn, relation, table, rows, binary != null ? binary : CopyText.rows(table), freeze);
    }

    /**
     * How {@code table}'s rows go into a relation whose columns have {@code types} (by name): in binary where the
     * types allow it, else in text.
     */
    static <R extends Record> CopyRows<R> encoding(Map<String, CopyBinary.TargetType> types, Table<R> table) {
        CopyBinary<R> binary = TEXT_ONLY ? null : CopyBinary.of(types, table);
        return binary != null ? binary : CopyText.rows(table);
    }

    /** As {@link #copy(Connection, String, Table, Stream)}, in the format {@code encoding} makes. */
    static <R extends Record> long copy(Connection conn, String relation, Table<R> table, Stream<R> rows,
                                        CopyRows<R> encoding) throws SQLException {
        return copy(conn, relation, table, rows, encoding, false);
    }

    /** As {@link #copy(Connection, String, Table, Stream, CopyRows)}; with {@code freeze}, the rows are stored frozen. */
    static <R extends Record> long copy(Connection conn, String relation, Table<R> table, Stream<R> rows,
                                        CopyRows<R> encoding, boolean freeze) throws SQLException {
        String sql = CopyText.copyInto(table, relation, encoding.format(), freeze);
        BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] count = {0};
        // Producer: generate, encode (nanoseconds, when timings are on); writer: wait, send, end.
        long[] producerTimes = {0, 0};
        Thread producer = new Thread(() -> produce(encoding, rows, chunks, failure, count, producerTimes),
                "seed-copy-" + table.name());
        producer.setDaemon(true);
        producer.start();
        boolean timed = LoadTimings.on();
        long wait = 0;
        long send = 0;
        long bytes = 0;
        CopyIn in = null;
        try {
            in = conn.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            while (true) {
                long t0 = timed ? System.nanoTime() : 0;
                Chunk chunk = chunks.take();
                long t1 = timed ? System.nanoTime() : 0;
                wait += t1 - t0;
                if (chunk == END) {
                    break;
                }
                in.writeToCopy(chunk.bytes(), 0, chunk.length());
                bytes += chunk.length();
                send += timed ? System.nanoTime() - t1 : 0;
            }
            rethrow(failure.get());
            long t2 = timed ? System.nanoTime() : 0;
            in.endCopy();
            if (timed) {
                joinUninterruptibly(producer);
                LoadTimings.copy(relation, encoding.format(), count[0], bytes, producerTimes[0], producerTimes[1],
                        wait, send, System.nanoTime() - t2);
            }
            return count[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while writing \"" + table.name() + "\"", e);
        } finally {
            producer.interrupt();
            joinUninterruptibly(producer);
            // An exception mid-stream must abort the COPY: ending it would load the rows sent so far.
            if (in != null && in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static <R extends Record> void produce(CopyRows<R> encoding, Stream<R> rows, BlockingQueue<Chunk> chunks,
                                                   AtomicReference<Throwable> failure, long[] count, long[] times) {
        try {
            CopyBuffer chunk = new CopyBuffer(CHUNK_BYTES + 4096);
            encoding.begin(chunk);
            count[0] = encodeRows(rows, encoding, chunk, (bytes, length) -> chunks.put(new Chunk(bytes, length)),
                    times);
            encoding.end(chunk);
            if (chunk.size() > 0) {
                chunks.put(Chunk.of(chunk));
            }
        } catch (InterruptedException e) {
            // The writer gave up (the server refused a row); it reports why.
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException | Error e) {
            failure.set(e);
        }
        try {
            chunks.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes a chunk of whole encoded rows: the first {@code length} bytes of {@code bytes}, its own from now on. */
    @FunctionalInterface
    interface ChunkSink {
        void take(byte[] bytes, int length) throws InterruptedException;
    }

    /**
     * Encodes {@code rows} into {@code out}, handing each chunk of about 64 KiB of whole rows to {@code sink}; what is
     * left (less than a chunk) stays in {@code out}. With timings on, adds the time making the rows to
     * {@code times[0]} and encoding them to {@code times[1]}: making happens in {@code hasNext} as much as in
     * {@code next}, so it is timed from the end of one row's encoding (and its chunk's hand-over) to the next row's
     * arrival.
     *
     * @return rows encoded
     */
    static <R extends Record> long encodeRows(Stream<R> rows, CopyRows<R> encoding, CopyBuffer out, ChunkSink sink,
                                              long[] times) throws InterruptedException {
        boolean timed = LoadTimings.on();
        long count = 0;
        long mark = timed ? System.nanoTime() : 0;
        for (Iterator<R> it = rows.iterator(); it.hasNext(); ) {
            R row = it.next();
            long arrived = timed ? System.nanoTime() : 0;
            encoding.append(out, row);
            if (timed) {
                long encoded = System.nanoTime();
                times[0] += arrived - mark;
                times[1] += encoded - arrived;
            }
            count++;
            if (out.size() >= CHUNK_BYTES) {
                int length = out.size();
                sink.take(out.detach(), length);
            }
            mark = timed ? System.nanoTime() : 0;
        }
        return count;
    }

    /** Encoded rows on their way to the server: the first {@code length} bytes of {@code bytes}. */
    private record Chunk(byte[] bytes, int length) {
        static Chunk of(CopyBuffer buffer) {
            int length = buffer.size();
            return new Chunk(buffer.detach(), length);
        }
    }

    private static void rethrow(@Nullable Throwable failure) {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /**
     * Waits until {@code thread} has ended, even if this thread is or gets interrupted, and restores the interrupt
     * afterwards. Restoring it first would make {@code join} return at once, leaving the producer still consuming the
     * row stream while the caller goes on to cancel the COPY and close the connection.
     */
    static void joinUninterruptibly(Thread thread) {
        boolean interrupted = Thread.interrupted();
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
