package io.autogpt.seed.jpa;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

/**
 * A connection whose prepared statements' batches run on a thread of their own: {@code executeBatch} hands the batch
 * over and returns at once, so the JPA writer maps the next rows while the server inserts these. Without it,
 * EclipseLink's thread and the server take turns, each idle while the other works.
 *
 * <p>Only batches go ahead. Everything else on the connection (commit, rollback, plain statements, a statement's
 * {@code executeUpdate} or query) first waits until the batches handed over are in: the connection then looks to its
 * user as if every batch had run where it was executed. A batch that fails fails the user's next call on the
 * connection or on one of its statements, or {@link #drain()}: one batch late, so a writer drains at the end of each
 * table for its failures to be that table's. After a failure the batches still queued are dropped (the transaction is
 * aborted anyway) and the failure is thrown once.
 *
 * <p>Owned by the writer, which {@linkplain #close closes} it before the connection is rolled back or closed; the
 * connection itself stays its owner's. Not for concurrent users: one thread uses {@link #connection()}.
 */
final class BatchesAhead implements AutoCloseable {
    /**
     * Batches handed over and not yet running. One: the batch being made, the one waiting and the one running are all
     * there is in memory, some MiB even of embeddings.
     */
    private static final int QUEUED = 1;

    /** A batch: its statement, the statement's settings, and each row's parameter setter calls, in order. */
    private record Batch(String sql, List<Call> settings, List<Call[]> rows) {
    }

    /** A recorded call of a statement's method, replayed on the real statement. */
    private record Call(Method method, @Nullable Object[] args) {
        void on(PreparedStatement ps) throws SQLException {
            try {
                method.invoke(ps, args);
            } catch (InvocationTargetException e) {
                throw asSql(e.getCause() != null ? e.getCause() : e);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final Connection target;
    private final Connection proxy;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread worker;
    /** Batches handed over and not yet done. Guarded by {@code this}. */
    private int pending;
    /** What the first failed batch threw, until thrown to the user. Guarded by {@code this}. */
    private @Nullable SQLException failure;
    /** Whether a batch failed: the transaction is aborted, and later batches are dropped. Guarded by {@code this}. */
    private boolean failed;
    /** Whether the worker was started: by the first batch, so a connection that never batches costs no thread. */
    private boolean started;
    /** Set once by {@link #close}: batches no longer run. */
    private volatile boolean stopping;
    /** Whether the worker is running a batch on the connection now, for {@link #close} to cancel it. */
    private volatile boolean busy;

    /** Batches of statements prepared on {@link #connection()} run ahead on {@code target}. */
    BatchesAhead(Connection target) {
        this.target = target;
        this.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (p, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args.length == 1 && plainInsert((String) args[0])) {
                        rethrow();
                        return recording((String) args[0]);
                    }
                    // Anything else sees the connection as if every batch had run: they have.
                    drain();
                    return invoke(target, method, args);
                });
        this.worker = new Thread(this::work, "seed-batches");
        worker.setDaemon(true);
    }

    /** The connection to hand the writer: its statements' batches go ahead. */
    Connection connection() {
        return proxy;
    }

    /**
     * Waits until every batch handed over is in.
     *
     * @throws SQLException what a batch since the last failure thrown threw
     */
    synchronized void drain() throws SQLException {
        boolean interrupted = false;
        while (pending > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                // The connection is not the caller's before the worker lets go of it: wait on, then say so.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrow();
    }

    /**
     * Stops the worker: what is queued is dropped, a running batch cancelled. Never throws; the connection is its
     * owner's again afterwards, its transaction to be rolled back.
     */
    @Override
    public void close() {
        stopping = true;
        worker.interrupt();
        boolean interrupted = false;
        while (started && worker.isAlive()) {
            if (busy) {
                try {
                    target.unwrap(PGConnection.class).cancelQuery();
                } catch (SQLException e) {
                    // The batch then runs to its end; the wait below waits for it.
                }
            }
            try {
                worker.join(100);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        synchronized (this) {
            // Dropped, with a failure nobody is left to be told of: the owner rolls back.
            queue.clear();
            pending = 0;
            failure = null;
            notifyAll();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void work() {
        while (!stopping) {
            Batch batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            SQLException thrown = null;
            if (!stopping && !hasFailed()) {
                busy = true;
                try {
                    run(batch);
                } catch (SQLException e) {
                    thrown = e;
                } catch (RuntimeException | Error e) {
                    thrown = asSql(e);
                } finally {
                    busy = false;
                }
            }
            done(thrown);
        }
    }

    private void run(Batch batch) throws SQLException {
        try (PreparedStatement ps = target.prepareStatement(batch.sql())) {
            for (Call setting : batch.settings()) {
                setting.on(ps);
            }
            for (Call[] row : batch.rows()) {
                for (Call bind : row) {
                    if (bind != null) {
                        bind.on(ps);
                    }
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private synchronized boolean hasFailed() {
        return failed;
    }

    private synchronized void done(@Nullable SQLException thrown) {
        if (thrown != null && !failed) {
            failed = true;
            failure = thrown;
        }
        pending--;
        notifyAll();
    }

    /** Hands {@code batch} over, waiting while the queue is full; throws a failure not yet thrown. */
    private void submit(Batch batch) throws SQLException {
        if (stopping) {
            throw new IllegalStateException("the writer's connection is closed to new batches");
        }
        rethrow();
        if (!started) {
            started = true;
            worker.start();
        }
        synchronized (this) {
            pending++;
        }
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (!worker.isAlive()) {
                    throw new IllegalStateException("the writer's batch thread has stopped");
                }
            }
        } catch (InterruptedException e) {
            synchronized (this) {
                pending--;
            }
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing a batch to the database", e);
        }
    }

    private synchronized void rethrow() throws SQLException {
        SQLException f = failure;
        if (f != null) {
            failure = null;
            throw f;
        }
    }

    /**
     * A statement that records its parameters and batches, and hands each batch to the worker on
     * {@code executeBatch}. Any other use (an update or query of its own) makes it the real statement from then on,
     * its recorded parameters and batch applied to it.
     */
    private PreparedStatement recording(String sql) {
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, new Recorder(sql));
    }

    private final class Recorder implements java.lang.reflect.InvocationHandler {
        private final String sql;
        private final List<Call> settings = new ArrayList<>();
        /** The parameters set now, by index (from 1); null where none is. */
        private Call[] parameters = new Call[16];
        private List<Call[]> rows = new ArrayList<>();
        /** The real statement, once this one is used other than for batches. */
        private @Nullable PreparedStatement real;
        private boolean closed;

        Recorder(String sql) {
            this.sql = sql;
        }

        @Override
        public @Nullable Object invoke(Object self, Method method, @Nullable Object[] args) throws Throwable {
            if (real != null) {
                return BatchesAhead.invoke(real, method, args);
            }
            String name = method.getName();
            int n = args == null ? 0 : args.length;
            if (name.startsWith("set") && n >= 2 && args[0] instanceof Integer index) {
                if (index >= parameters.length) {
                    parameters = Arrays.copyOf(parameters, Math.max(index + 1, parameters.length * 2));
                }
                parameters[index] = new Call(method, args);
                return null;
            }
            switch (name) {
                case "addBatch":
                    if (n == 0) {
                        rows.add(parameters.clone());
                        return null;
                    }
                    break;
                case "clearParameters":
                    Arrays.fill(parameters, null);
                    return null;
                case "clearBatch":
                    rows.clear();
                    return null;
                case "executeBatch":
                    // A plain insert inserts one row or fails, and a failure is thrown later. A count the driver
                    // would give (SUCCESS_NO_INFO) makes EclipseLink ask getUpdateCount(), which would wait.
                    int[] counts = new int[rows.size()];
                    Arrays.fill(counts, 1);
                    if (!rows.isEmpty()) {
                        submit(new Batch(sql, List.copyOf(settings), rows));
                        rows = new ArrayList<>();
                    }
                    return counts;
                case "close":
                    closed = true;
                    return null;
                case "isClosed":
                    return closed;
                case "getConnection":
                    return proxy;
                case "getWarnings":
                    return null;
                case "clearWarnings":
                    return null;
                default:
                    if (name.startsWith("set") && n == 1) {
                        // A setting of the statement's own (timeout, fetch size): applied to each batch's statement.
                        settings.add(new Call(method, args));
                        return null;
                    }
            }
            return BatchesAhead.invoke(becomeReal(), method, args);
        }

        /** The real statement, this one's settings, parameters and batch applied: after every batch is in. */
        private PreparedStatement becomeReal() throws SQLException {
            drain();
            PreparedStatement ps = target.prepareStatement(sql);
            for (Call setting : settings) {
                setting.on(ps);
            }
            for (Call[] row : rows) {
                for (Call bind : row) {
                    if (bind != null) {
                        bind.on(ps);
                    }
                }
                ps.addBatch();
            }
            for (Call bind : parameters) {
                if (bind != null) {
                    bind.on(ps);
                }
            }
            rows = List.of();
            real = ps;
            return ps;
        }
    }

    /**
     * Whether {@code sql} inserts exactly one row per set of parameters, or fails: an {@code INSERT} without
     * {@code ON CONFLICT} or {@code RETURNING}. Only such batches go ahead, as only their counts are known before
     * they run.
     */
    static boolean plainInsert(String sql) {
        String s = sql.strip();
        if (!s.regionMatches(true, 0, "INSERT ", 0, 7)) {
            return false;
        }
        String upper = s.toUpperCase(java.util.Locale.ROOT);
        return !upper.contains(" ON CONFLICT") && !upper.contains(" RETURNING ") && !upper.endsWith(" RETURNING")
                && !upper.contains(";");
    }

    private static @Nullable Object invoke(Object on, Method method, @Nullable Object[] args) throws Throwable {
        try {
            return method.invoke(on, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() != null ? e.getCause() : e;
        }
    }

    private static SQLException asSql(Throwable t) {
        return t instanceof SQLException e ? e : new SQLException(t.getMessage(), t);
    }
}
