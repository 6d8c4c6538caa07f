package io.autogpt.seed.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autogpt.seed.core.port.TargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PGobject;

/**
 * Batches that run ahead, against a real server: rows come out whole and in order, a batch runs while its caller goes
 * on, anything else on the connection sees every batch in, a failed batch fails the next call once and the batches
 * behind it are dropped, and closing cancels a batch that is still running; the load's work runs in its place among
 * the batches, and its backlog only while the worker has the connection. Needs {@code SEED_TEST_DATABASE_URL}.
 */
class BatchesAheadTest {
    private static final String INSERT = "INSERT INTO item (id, n, big, amount, doc, at, flag) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static @Nullable ScratchDatabase db;

    @BeforeAll
    static void database() throws SQLException {
        db = ScratchDatabase.create("seed_batches_ahead_test");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        Objects.requireNonNull(db).close();
    }

    private static Connection connect() throws SQLException {
        Connection c = Objects.requireNonNull(db).connect();
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE IF NOT EXISTS item (seq bigserial, id text PRIMARY KEY, n integer, big bigint, "
                    + "amount numeric, doc jsonb, at timestamp(3), flag boolean)");
        }
        return c;
    }

    /** Adds row {@code i} to {@code ps}'s batch, through as many kinds of setter as the writer uses. */
    private static void addRow(PreparedStatement ps, int i) throws SQLException {
        ps.setString(1, "item-" + i);
        ps.setInt(2, i);
        if (i % 3 == 0) {
            ps.setNull(3, Types.BIGINT);
        } else {
            ps.setLong(3, 10_000_000_000L + i);
        }
        ps.setBigDecimal(4, new BigDecimal(i + ".25"));
        PGobject doc = new PGobject();
        doc.setType("jsonb");
        doc.setValue("{\"i\": " + i + "}");
        ps.setObject(5, doc);
        ps.setObject(6, "2025-06-01T00:00:0" + (i % 10) + ".123", Types.OTHER);
        ps.setBoolean(7, i % 2 == 0);
        ps.addBatch();
    }

    private static List<String> rows(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, n, big, amount, doc, at, flag FROM item ORDER BY seq")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                        + rs.getString(5) + "|" + rs.getString(6) + "|" + rs.getBoolean(7));
            }
        }
        return out;
    }

    @Test
    void batchesComeOutWholeAndInOrderAsTheDirectConnectionWritesThem() throws SQLException {
        List<String> direct;
        try (Connection c = connect()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (int batch = 0; batch < 5; batch++) {
                    for (int i = batch * 100; i < batch * 100 + 100; i++) {
                        addRow(ps, i);
                    }
                    ps.executeBatch();
                }
            }
            direct = rows(c);
            c.rollback();
        }
        try (Connection c = connect(); BatchesAhead batches = new BatchesAhead(c)) {
            Connection ahead = batches.connection();
            try (PreparedStatement ps = ahead.prepareStatement(INSERT)) {
                for (int batch = 0; batch < 5; batch++) {
                    for (int i = batch * 100; i < batch * 100 + 100; i++) {
                        addRow(ps, i);
                    }
                    assertThat(ps.executeBatch()).hasSize(100).containsOnly(1);
                }
            }
            batches.drain();
            assertThat(rows(c)).hasSize(500).isEqualTo(direct);
            c.rollback();
        }
    }

    @Test
    void aBatchRunsWhileItsCallerGoesOn() throws Exception {
        try (Connection c = connect(); Connection locker = Objects.requireNonNull(db).connect();
                BatchesAhead batches = new BatchesAhead(c)) {
            c.commit();
            long pid = backendPid(c);
            // A real table, which another session can lock: the batch waits for the lock, its caller does not.
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE locked (id integer)");
            }
            c.commit();
            try (Statement st = locker.createStatement()) {
                st.execute("LOCK TABLE locked IN ACCESS EXCLUSIVE MODE");
            }
            PreparedStatement ps = batches.connection().prepareStatement("INSERT INTO locked (id) VALUES (?)");
            ps.setInt(1, 1);
            ps.addBatch();
            CompletableFuture<int[]> executed = CompletableFuture.supplyAsync(() -> {
                try {
                    return ps.executeBatch();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                assertThat(executed.get(10, TimeUnit.SECONDS)).containsExactly(1);
                awaitLockWait(pid);
            } finally {
                locker.rollback();
            }
            batches.drain();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM locked")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE locked");
            }
            c.commit();
        }
    }

    @Test
    void anythingElseOnTheConnectionSeesEveryBatchIn() throws SQLException {
        try (Connection c = connect(); BatchesAhead batches = new BatchesAhead(c)) {
            Connection ahead = batches.connection();
            try (PreparedStatement ps = ahead.prepareStatement(INSERT)) {
                for (int i = 0; i < 300; i++) {
                    addRow(ps, i + 100);
                }
                ps.executeBatch();
            }
            try (PreparedStatement count = ahead.prepareStatement("SELECT count(*) FROM item");
                    ResultSet rs = count.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(300);
            }
            // An insert's statement used for an update of its own runs at once, behind the batches.
            try (PreparedStatement ps = ahead.prepareStatement(INSERT)) {
                addRow(ps, 1000);
                ps.executeBatch();
                ps.setString(1, "item-single");
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            assertThat(rows(c)).hasSize(302).last().asString().startsWith("item-single|1000|");
            ahead.rollback();
            // The writer's close (EclipseLink's) leaves the transaction's connection to its owner.
            ahead.close();
            assertThat(c.isClosed()).isFalse();
        }
    }

    @Test
    void aFailedBatchFailsTheNextCallOnceAndNoBatchGoesAheadUntilARollback() throws Exception {
        try (Connection c = Objects.requireNonNull(db).connect(); Connection locker = Objects.requireNonNull(db).connect()) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE checked (id integer CHECK (id <> 13))");
            }
            c.commit();
            try (Statement st = locker.createStatement()) {
                st.execute("LOCK TABLE checked IN ACCESS EXCLUSIVE MODE");
            }
            try (BatchesAhead batches = new BatchesAhead(c)) {
                Connection ahead = batches.connection();
                PreparedStatement ps = ahead.prepareStatement("INSERT INTO checked (id) VALUES (?)");
                try {
                    ps.setInt(1, 13);
                    ps.addBatch();
                    ps.executeBatch();
                    awaitLockWait(backendPidFromOutside("INSERT INTO checked"));
                    // Queued behind the batch that will fail: dropped, so its own refusal does not replace that one.
                    ps.setInt(1, 14);
                    ps.addBatch();
                    ps.executeBatch();
                } finally {
                    locker.rollback();
                }
                assertThatThrownBy(() -> {
                    ps.setInt(1, 15);
                    ps.addBatch();
                    ps.executeBatch();
                    batches.drain();
                }).isInstanceOf(SQLException.class).hasMessageContaining("checked_id_check");
                // Thrown once; until a rollback, the transaction is aborted, and a new batch says so.
                batches.drain();
                ps.setInt(1, 16);
                ps.addBatch();
                assertThatThrownBy(ps::executeBatch).isInstanceOf(SQLException.class)
                        .hasMessageContaining("an earlier batch of this transaction failed")
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("25P02");
                ps.clearBatch();
                ahead.rollback();
                ps.setInt(1, 17);
                ps.addBatch();
                ps.executeBatch();
                ps.close();
                ahead.commit();
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT array_agg(id) FROM checked")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("{17}");
            }
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE checked");
            }
            c.commit();
        }
    }

    @Test
    void underAutoCommitNothingGoesAhead() throws SQLException {
        try (Connection c = connect(); BatchesAhead batches = new BatchesAhead(c)) {
            c.setAutoCommit(true);
            // Each batch commits on its own there: one that failed could not take back those behind it.
            try (PreparedStatement ps = batches.connection().prepareStatement(INSERT)) {
                assertThat(Proxy.isProxyClass(ps.getClass())).isFalse();
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = batches.connection().prepareStatement(INSERT)) {
                assertThat(Proxy.isProxyClass(ps.getClass())).isTrue();
            }
        }
    }

    @Test
    void closingCancelsABatchThatIsStillRunning() throws Exception {
        try (Connection c = connect(); Connection locker = Objects.requireNonNull(db).connect()) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS waits (id integer)");
            }
            c.commit();
            try (Statement st = locker.createStatement()) {
                st.execute("LOCK TABLE waits IN ACCESS EXCLUSIVE MODE");
            }
            try {
                BatchesAhead batches = new BatchesAhead(c);
                PreparedStatement ps = batches.connection().prepareStatement("INSERT INTO waits (id) VALUES (?)");
                ps.setInt(1, 1);
                ps.addBatch();
                ps.executeBatch();
                awaitLockWait(backendPidFromOutside("INSERT INTO waits"));
                CompletableFuture<Void> closed = CompletableFuture.runAsync(batches::close);
                closed.get(10, TimeUnit.SECONDS);
            } finally {
                locker.rollback();
            }
            c.rollback();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM waits")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE waits");
            }
            c.commit();
        }
    }

    @Test
    void onlyPlainInsertsGoAhead() {
        assertThat(BatchesAhead.plainInsert(INSERT)).isTrue();
        assertThat(BatchesAhead.plainInsert("  insert into \"User\" (id) values (?)")).isTrue();
        assertThat(BatchesAhead.plainInsert("INSERT INTO t (id, doc)\nVALUES (?, CAST(? AS jsonb))\n")).isTrue();
        assertThat(BatchesAhead.plainInsert("INSERT INTO t (id) VALUES (?) ON CONFLICT DO NOTHING")).isFalse();
        assertThat(BatchesAhead.plainInsert("INSERT INTO t (id) VALUES (?)\tON CONFLICT DO NOTHING")).isFalse();
        assertThat(BatchesAhead.plainInsert("INSERT INTO t (id) VALUES (?) RETURNING id")).isFalse();
        assertThat(BatchesAhead.plainInsert("INSERT INTO t (id) VALUES (?)\nRETURNING id")).isFalse();
        assertThat(BatchesAhead.plainInsert("INSERT INTO t (id) VALUES (?), (?)")).isFalse();
        assertThat(BatchesAhead.plainInsert("INSERT INTO t (id) SELECT id FROM s WHERE n = ?")).isFalse();
        assertThat(BatchesAhead.plainInsert("UPDATE t SET n = ? WHERE id = ?")).isFalse();
        assertThat(BatchesAhead.plainInsert("DELETE FROM t WHERE id = ?")).isFalse();
        assertThat(BatchesAhead.plainInsert("INSERT INTO t (id) VALUES (?); DELETE FROM t")).isFalse();
    }

    private static long backendPid(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A backlog of endless one-statement steps on {@code c}, counting them and the threads that ran them. */
    private static Backlog endless(Connection c, AtomicInteger steps, Set<String> threads) {
        return new Backlog() {
            @Override
            public boolean pending() {
                return true;
            }

            @Override
            public void work(BooleanSupplier keepGoing) {
                while (keepGoing.getAsBoolean()) {
                    try (Statement st = c.createStatement()) {
                        st.execute("SELECT pg_sleep(0.005)");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    threads.add(Thread.currentThread().getName());
                    steps.incrementAndGet();
                }
            }
        };
    }

    @Test
    void theBacklogRunsOnlyWhileTheWorkerHasTheConnection() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (Connection c = connect()) {
            try (BatchesAhead batches = new BatchesAhead(c, endless(c, steps, threads))) {
                Connection ahead = batches.connection();
                // Nothing handed over yet: the connection is the user's.
                Thread.sleep(200);
                assertThat(steps).hasValue(0);
                try (PreparedStatement ps = ahead.prepareStatement(INSERT)) {
                    addRow(ps, 1);
                    ps.executeBatch();
                }
                // Waiting for what was handed over leaves the connection with the worker, which goes on.
                batches.awaitHandedOver();
                awaitAtLeast(steps, 3);
                // Taking it back waits for the step running, and no step starts until the next batch.
                batches.drain();
                int taken = steps.get();
                assertThat(rows(c)).hasSize(1);
                Thread.sleep(200);
                assertThat(steps).hasValue(taken);
                try (PreparedStatement ps = ahead.prepareStatement(INSERT)) {
                    addRow(ps, 2);
                    ps.executeBatch();
                }
                awaitAtLeast(steps, taken + 3);
                // Any other use of the connection takes it back too.
                assertThat(ahead.getAutoCommit()).isFalse();
                int again = steps.get();
                Thread.sleep(200);
                assertThat(steps).hasValue(again);
                assertThat(rows(c)).hasSize(2);
            }
            assertThat(threads).containsExactly("seed-batches");
            c.rollback();
        }
    }

    @Test
    void submittedWorkRunsOnTheWorkerBehindTheBatchesBeforeIt() throws Exception {
        try (Connection c = connect(); BatchesAhead batches = new BatchesAhead(c)) {
            AtomicInteger seen = new AtomicInteger(-1);
            AtomicBoolean onWorker = new AtomicBoolean();
            try (PreparedStatement ps = batches.connection().prepareStatement(INSERT)) {
                for (int i = 0; i < 100; i++) {
                    addRow(ps, i);
                }
                ps.executeBatch();
            }
            batches.submit(() -> {
                onWorker.set(batches.onWorker());
                seen.set(rows(c).size());
            }, "item");
            assertThat(batches.onWorker()).isFalse();
            batches.drain();
            assertThat(onWorker).isTrue();
            assertThat(seen).hasValue(100);
            c.rollback();
        }
    }

    @Test
    void submittedWorkThatFailsFailsTheNextCallAsWritingItsTable() throws Exception {
        try (Connection c = connect(); BatchesAhead batches = new BatchesAhead(c)) {
            batches.submit(() -> {
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT 1 / 0");
                }
            }, "item");
            assertThatThrownBy(batches::drain).isInstanceOf(TargetException.class)
                    .hasMessage("writing \"item\" failed: ERROR: division by zero");
            // Aborted: the next batch is refused until a rollback.
            try (PreparedStatement ps = batches.connection().prepareStatement(INSERT)) {
                addRow(ps, 1);
                assertThatThrownBy(ps::executeBatch).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25P02"));
            }
            c.rollback();
        }
    }

    @Test
    void aFailingBacklogFailsTheNextCallWithItsOwnLineUntilARollback() throws Exception {
        CountDownLatch tried = new CountDownLatch(1);
        // The backlog fails once the test has waited for the batch: it then fails drain(), not that wait.
        CountDownLatch fail = new CountDownLatch(1);
        try (Connection c = connect()) {
            // The table outlives the rollback below.
            c.commit();
            Backlog failing = new Backlog() {
                private boolean done;

                @Override
                public boolean pending() {
                    return !done;
                }

                @Override
                public void work(BooleanSupplier keepGoing) {
                    done = true;
                    tried.countDown();
                    try {
                        fail.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new TargetException("duplicate key in item: unique index \"item_n\" cannot be built over "
                            + "the rows; nothing was written", List.of());
                }
            };
            try (BatchesAhead batches = new BatchesAhead(c, failing)) {
                Connection ahead = batches.connection();
                try (PreparedStatement ps = ahead.prepareStatement(INSERT)) {
                    addRow(ps, 1);
                    ps.executeBatch();
                    batches.awaitHandedOver();
                    assertThat(tried.await(10, TimeUnit.SECONDS)).isTrue();
                    fail.countDown();
                    assertThatThrownBy(batches::drain).isInstanceOf(TargetException.class)
                            .hasMessageStartingWith("duplicate key in item");
                    addRow(ps, 2);
                    assertThatThrownBy(ps::executeBatch).isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25P02"));
                    ahead.rollback();
                    addRow(ps, 3);
                    ps.executeBatch();
                }
                batches.drain();
                assertThat(rows(c)).hasSize(1).first().asString().startsWith("item-3|");
            }
            c.rollback();
        }
    }

    private static void awaitAtLeast(AtomicInteger counter, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (counter.get() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + counter.get() + " of " + n + " steps ran");
            }
            Thread.sleep(5);
        }
    }

    /**
     * The backend running {@code sql}, waiting until there is one. Watched from a session of its own without a
     * transaction: within one, the server shows the same activity every time.
     */
    private static long backendPidFromOutside(String sql) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection watcher = Objects.requireNonNull(db).connectAdmin(); PreparedStatement ps = watcher.prepareStatement(
                    "SELECT pid FROM pg_stat_activity WHERE query LIKE ? AND pid <> pg_backend_pid()")) {
                ps.setString(1, sql + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no backend runs " + sql);
    }

    /** Waits until backend {@code pid} waits for a lock: its batch is running, not done. */
    private static void awaitLockWait(long pid) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection watcher = Objects.requireNonNull(db).connectAdmin(); PreparedStatement ps = watcher.prepareStatement(
                    "SELECT wait_event_type FROM pg_stat_activity WHERE pid = ?")) {
                ps.setLong(1, pid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && "Lock".equals(rs.getString(1))) {
                        return;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("backend " + pid + " never waited for the lock");
    }
}
