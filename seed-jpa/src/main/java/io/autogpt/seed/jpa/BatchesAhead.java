package io.autogpt.seed.jpa;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A connection whose prepared statements' batches run on a thread of their own: {@code executeBatch} hands the batch
 * over and returns at once, so the JPA writer maps the next rows while the server inserts these. Without it,
 * EclipseLink's thread and the server take turns, each idle while the other works.
 *
 * <p>Only batches of plain inserts go ahead (one row per set of parameters, so their counts are known before they
 * run), and only within a transaction: under auto-commit each batch would commit on its own, and one that failed could
 * not take those behind it back. Everything else on the connection (commit, plain statements, a statement's
 * {@code executeUpdate} or query) first waits until the batches handed over are in: the connection then looks to its
 * user as if every batch had run where it was executed.
 *
 * <p>The load's own statements may be {@linkplain #submit submitted} too: the worker runs them in their place among
 * the batches. Whenever it has nothing to run, the worker does the load's {@link Backlog} (building the indexes of
 * tables whose rows are all in), one statement at a time, until something is handed over or the user wants the
 * connection. The user has it from {@link #drain()} (or any use of the connection that waits for the batches) until
 * it hands over the next batch or statements, and the backlog is not touched meanwhile: the load's bookkeeping is the
 * user's then.
 *
 * <p>A batch or backlog statement that fails fails the user's next call on the connection or on one of its
 * statements, or {@link #drain()}: one batch late, so a writer drains at the end of each table for its failures to be
 * that table's. The failure is thrown once; the transaction is aborted then, so the batches still queued are dropped
 * and new ones are refused (SQLSTATE 25P02) until a rollback through the connection.
 *
 * <p>Owned by the writer, which {@linkplain #close closes} it before the connection is rolled back or closed; the
 * connection itself stays its owner's: {@link #connection()}'s {@code close()} leaves it open. Not for concurrent users: one thread uses {@link #connection()}.
 */
final class BatchesAhead implements AutoCloseable {
    /**
     * Batches handed over and not yet running. One: the batch being made, the one waiting and the one running are all
     * there is in memory, some MiB even of embeddings.
     */
    private static final int QUEUED = 1;

    /** What the worker is handed, in order: batches, and the load's statements in their place among them. */
    private sealed interface Item permits Batch, Job {
    }

    /** A batch: its statement, the statement's settings, and each row's parameter setter calls, in order. */
    private record Batch(String sql, List<Call> settings, List<Call[]> rows) implements Item {
    }

    /** Statements for {@code table}'s sake ({@link #submit}); a failure is reported as writing it. */
    private record Job(ConnectionWork work, String table) implements Item {
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
    private final @Nullable Backlog backlog;
    private final Connection proxy;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread worker;
    /** Batches handed over and not yet done. Guarded by {@code this}. */
    private int pending;
    /**
     * What the first failed batch threw (an {@link SQLException}), or the backlog (a {@link RuntimeException} that says
     * which index, as the COPY writer's does), until thrown to the user. Guarded by {@code this}.
     */
    private @Nullable Exception failure;
    /**
     * Whether a batch failed since the last rollback: the transaction is aborted, later batches are dropped and new ones
     * refused. Guarded by {@code this}.
     */
    private boolean failed;
    /** What stopped the worker other than {@link #close} (an {@link Error}); null while it runs. Guarded by {@code this}. */
    private @Nullable Throwable died;
    /** Whether the worker was started: by the first batch, so a connection that never batches costs no thread. */
    private boolean started;
    /** Set once by {@link #close}: batches no longer run. */
    private volatile boolean stopping;
    /** Whether the worker is running a batch or backlog statement now, for {@link #close} to cancel it. */
    private volatile boolean busy;
    /**
     * Whether the user has the connection: from {@link #drain()} until the next item is handed over. The worker
     * leaves the backlog alone meanwhile. Written under {@code this}.
     */
    private volatile boolean userHasIt = true;
    /** Whether the worker is doing backlog work now: a wait for the batches waits for it too. Guarded by {@code this}. */
    private boolean backlogRunning;

    /** Batches of statements prepared on {@link #connection()} run ahead on {@code target}; no backlog. */
    BatchesAhead(Connection target) {
        this(target, null);
    }

    /**
     * Batches of statements prepared on {@link #connection()} run ahead on {@code target}, and {@code backlog} (or
     * nothing: null) is done there whenever none is waiting.
     */
    BatchesAhead(Connection target, @Nullable Backlog backlog) {
        this.target = target;
        this.backlog = backlog;
        this.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (self, method, args) -> {
                    String name = method.getName();
                    switch (name) {
                        case "prepareStatement":
                            if (args.length == 1 && plainInsert((String) args[0]) && !target.getAutoCommit()) {
                                rethrow();
                                return recording((String) args[0]);
                            }
                            break;
                        case "rollback":
                            // What failed is undone: batches may go ahead again, and no failure is left to throw.
                            settle();
                            Object result = invoke(target, method, args);
                            forgetFailure();
                            return result;
                        case "close":
                            // The owner closes the connection (EclipseLink closes what it is given when it is done).
                            return null;
                        case "isClosed":
                            // A failure pending for the user must not stop the connection from being let go of.
                            settle();
                            return invoke(target, method, args);
                        case "equals":
                            return self == args[0];
                        case "hashCode":
                            return System.identityHashCode(self);
                        case "toString":
                            return "batches ahead on " + target;
                        default:
                            break;
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
     * Takes the connection back: waits until everything handed over is done, and the backlog statement running, if
     * any; no backlog work starts until the next item is handed over.
     *
     * @throws SQLException what a batch threw since the last failure thrown, or that the worker stopped
     */
    synchronized void drain() throws SQLException {
        settle();
        throwWhatStopped();
    }

    /** Throws what stopped the worker, else a failure not yet thrown. */
    private synchronized void throwWhatStopped() throws SQLException {
        if (died != null) {
            throw new SQLException("the writer's batch thread stopped: " + died, died);
        }
        rethrow();
    }

    /**
     * Takes the connection back for the user: waits until every batch handed over is in and the backlog statement
     * running, if any, is done, or the worker is gone; throws nothing of theirs.
     */
    private synchronized void settle() {
        userHasIt = true;
        await(true);
    }

    /** Waits until everything handed over is done, and the backlog too if {@code backlogToo}, or the worker is gone. */
    private synchronized void await(boolean backlogToo) {
        if (onWorker()) {
            throw new IllegalStateException("the writer's batch thread cannot wait for itself");
        }
        boolean interrupted = false;
        while ((pending > 0 || backlogToo && backlogRunning) && died == null) {
            if (started && !worker.isAlive()) {
                // Gone without a word: nothing will count the rest down.
                died = new IllegalStateException("it ended with batches to run");
                break;
            }
            try {
                wait(100);
            } catch (InterruptedException e) {
                // The connection is not the caller's before the worker lets go of it: wait on, then say so.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void forgetFailure() {
        failed = false;
        failure = null;
    }

    /**
     * Stops the worker: what is queued is dropped, a running batch cancelled. Never throws; the connection is its
     * owner's again afterwards, its transaction to be rolled back.
     */
    @Override
    public void close() {
        stopping = true;
        if (started) {
            Connections.stopWorker(worker, target, () -> busy);
        }
        synchronized (this) {
            // Dropped, with a failure nobody is left to be told of: the owner rolls back.
            queue.clear();
            pending = 0;
            failure = null;
            notifyAll();
        }
    }

    private void work() {
        try {
            while (!stopping) {
                try {
                    runCounted(queue.take());
                } catch (InterruptedException e) {
                    return;
                }
                // Backlog work appears only by what the worker ran (a table marked full) or while the user had the
                // connection (then it hands something over): after an item is the one time to look for it.
                if (backlog != null && queue.isEmpty()) {
                    doBacklog(backlog);
                }
            }
        } catch (Error e) {
            synchronized (this) {
                died = e;
                notifyAll();
            }
        }
    }

    /**
     * Does backlog work while the connection is the worker's and no batch waits: the user, wanting the connection,
     * waits for the statement running.
     */
    private void doBacklog(Backlog work) {
        synchronized (this) {
            if (userHasIt || failed || stopping) {
                return;
            }
            backlogRunning = true;
        }
        RuntimeException thrown = null;
        busy = true;
        try {
            if (work.pending()) {
                work.work(() -> !userHasIt && !stopping && queue.isEmpty());
            }
        } catch (RuntimeException e) {
            thrown = e;
        } finally {
            busy = false;
            synchronized (this) {
                backlogRunning = false;
                fail(thrown);
                notifyAll();
            }
        }
    }

    /** Runs {@code item} unless it is dropped, and counts it done whatever happens. */
    private void runCounted(Item item) {
        Exception thrown = null;
        try {
            if (!stopping && !hasFailed()) {
                busy = true;
                try {
                    if (item instanceof Batch batch) {
                        run(batch);
                    } else if (item instanceof Job job) {
                        job.work().run();
                    }
                } catch (SQLException e) {
                    // The load's statements fail as the COPY writer's do, naming their table; a batch fails as
                    // EclipseLink's own statement would, which the writer names.
                    thrown = item instanceof Job job ? DatabaseSession.writing(job.table(), e) : e;
                } catch (RuntimeException e) {
                    thrown = item instanceof Job ? e : asSql(e);
                } finally {
                    busy = false;
                }
            }
        } finally {
            done(thrown);
        }
    }

    private void run(Batch batch) throws SQLException {
        try (PreparedStatement ps = target.prepareStatement(batch.sql())) {
            replay(ps, batch.settings(), batch.rows());
            ps.executeBatch();
        }
    }

    /** Applies recorded {@code settings} to {@code ps}, then adds each of {@code rows} to its batch. */
    private static void replay(PreparedStatement ps, Iterable<Call> settings, List<Call[]> rows) throws SQLException {
        for (Call setting : settings) {
            setting.on(ps);
        }
        for (Call[] row : rows) {
            bind(ps, row);
            ps.addBatch();
        }
    }

    /** Sets the parameters {@code row} recorded (by index; null where none was set). */
    private static void bind(PreparedStatement ps, Call[] row) throws SQLException {
        for (Call parameter : row) {
            if (parameter != null) {
                parameter.on(ps);
            }
        }
    }

    private synchronized boolean hasFailed() {
        return failed;
    }

    private synchronized void done(@Nullable Exception thrown) {
        fail(thrown);
        pending--;
        notifyAll();
    }

    /** Keeps {@code thrown}, if any, for the user, unless something failed first: the transaction is aborted. */
    private synchronized void fail(@Nullable Exception thrown) {
        if (thrown != null && !failed) {
            failed = true;
            failure = thrown;
        }
    }

    /**
     * Queues {@code work} on the connection behind the batches handed over so far, for {@code table}'s sake: the
     * worker runs it in its place among them, and the caller goes on at once. The work must not use
     * {@link #connection()}: it runs on the worker, which has the connection itself.
     *
     * @throws SQLException a failure not yet thrown; or, once it was, that the transaction is aborted
     */
    void submit(ConnectionWork work, String table) throws SQLException {
        hand(new Job(work, table));
    }

    /** Whether the calling thread is the worker: the connection is its own, and waiting for it would never end. */
    boolean onWorker() {
        return Thread.currentThread() == worker;
    }

    /**
     * Waits until everything handed over is done, without taking the connection back: the worker goes on with the
     * backlog afterwards. For a writer that wants a table's failures to be that table's.
     *
     * @throws SQLException what a batch threw since the last failure thrown, or that the worker stopped
     */
    synchronized void awaitHandedOver() throws SQLException {
        await(false);
        throwWhatStopped();
    }

    /**
     * Hands {@code item} over, waiting while the queue is full.
     *
     * @throws SQLException a failure not yet thrown; or, once it was, that the transaction is aborted
     */
    private void hand(Item item) throws SQLException {
        if (stopping) {
            throw new IllegalStateException("the writer's connection is closed to new batches");
        }
        rethrow();
        synchronized (this) {
            if (failed) {
                throw new SQLException("not run: an earlier batch of this transaction failed, so it is aborted",
                        "25P02");
            }
            if (died != null) {
                throw new SQLException("the writer's batch thread stopped: " + died, died);
            }
            pending++;
            // The worker's again, for the batch and, when it has run it, the backlog.
            userHasIt = false;
        }
        if (!started) {
            started = true;
            worker.start();
        }
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (!worker.isAlive()) {
                    synchronized (this) {
                        pending--;
                    }
                    throw new SQLException("the writer's batch thread stopped");
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
        Exception f = failure;
        if (f != null) {
            failure = null;
            if (f instanceof RuntimeException e) {
                throw e;
            }
            throw (SQLException) f;
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
        /** The statement's own settings (timeout, fetch size), the last of each kind. */
        private final Map<Method, Call> settings = new LinkedHashMap<>();
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
            String name = method.getName();
            switch (name) {
                case "equals":
                    return args != null && self == args[0];
                case "hashCode":
                    return System.identityHashCode(self);
                case "toString":
                    return "batches ahead: " + sql;
                case "close":
                    closed = true;
                    if (real != null) {
                        settle();
                        real.close();
                    }
                    return null;
                case "isClosed":
                    return closed;
                case "getConnection":
                    return proxy;
                default:
                    break;
            }
            if (closed) {
                throw new SQLException("this statement is closed");
            }
            if (real != null) {
                // Batches of other statements may have gone ahead since: this one runs behind them.
                drain();
                return BatchesAhead.invoke(real, method, args);
            }
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
                        // Parameters stay set after addBatch, as JDBC has it: each row is a copy.
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
                        // The rows list goes to the worker as it is: a new one takes its place here, even when the
                        // batch is refused, as the driver clears a batch whatever became of it.
                        List<Call[]> batch = rows;
                        rows = new ArrayList<>();
                        hand(new Batch(sql, List.copyOf(settings.values()), batch));
                    }
                    return counts;
                // What a statement answers after a batch, without asking the server.
                case "getUpdateCount":
                    return -1;
                case "getResultSet":
                    return null;
                case "getMoreResults":
                    return false;
                case "getWarnings":
                    return null;
                case "clearWarnings":
                    return null;
                default:
                    if (name.startsWith("set") && n == 1) {
                        // A setting of the statement's own: applied to each batch's statement.
                        settings.put(method, new Call(method, args));
                        return null;
                    }
            }
            return BatchesAhead.invoke(becomeReal(), method, args);
        }

        /** The real statement, this one's settings, parameters and batch applied: after every batch is in. */
        private PreparedStatement becomeReal() throws SQLException {
            drain();
            PreparedStatement ps = target.prepareStatement(sql);
            try {
                replay(ps, settings.values(), rows);
                bind(ps, parameters);
            } catch (SQLException | RuntimeException e) {
                ps.close();
                throw e;
            }
            rows = List.of();
            real = ps;
            return ps;
        }
    }

    /** One row per set of parameters: {@code INSERT INTO … VALUES (…)}, one tuple, nothing after it. */
    private static final Pattern PLAIN_INSERT = Pattern.compile(
            "\\s*INSERT\\s+INTO\\s[^;]*?\\sVALUES\\s*\\((?:[^()';]|\\([^()';]*\\))*\\)\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /**
     * Whether {@code sql} inserts exactly one row per set of parameters, or fails: one tuple of values, without
     * {@code ON CONFLICT}, {@code RETURNING}, a {@code SELECT} or a second statement. Only such batches go ahead, as
     * only their counts are known before they run. A quoted name or literal that confuses the check makes a batch run
     * in place, never the other way round.
     */
    static boolean plainInsert(String sql) {
        return PLAIN_INSERT.matcher(sql).matches();
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
