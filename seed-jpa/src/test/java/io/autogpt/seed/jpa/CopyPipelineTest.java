package io.autogpt.seed.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autogpt.seed.core.port.TargetException;
import io.autogpt.seed.core.table.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The COPY pipeline against a real server: rows split across several COPYs by the backlog's work come out whole and
 * in order, statements run in their place among the rows, a refused row fails the caller's next call with the table's
 * name and nothing after it runs, and closing stops a statement that is still running. Needs
 * {@code SEED_TEST_DATABASE_URL}.
 */
class CopyPipelineTest {
    record Item(String id, Integer n) {
    }

    private static final Table<Item> TABLE = Table.insertOf(Item.class);
    private static @Nullable ScratchDatabase db;

    @BeforeAll
    static void database() throws SQLException {
        db = ScratchDatabase.create("seed_copy_pipeline_test");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        Objects.requireNonNull(db).close();
    }

    private static Connection connect() throws SQLException {
        return Objects.requireNonNull(db).connect();
    }

    private static Stream<Item> items(long from, long to) {
        return LongStream.range(from, to).mapToObj(i -> new Item("item-" + i, (int) i));
    }

    /** Work that is always there: one short statement each time, counted. */
    private static Backlog busy(Connection c, AtomicInteger statements) {
        return new Backlog() {
            @Override
            public boolean pending() {
                return true;
            }

            @Override
            public void work(BooleanSupplier keepGoing) {
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT pg_sleep(0.002)");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                statements.incrementAndGet();
            }
        };
    }

    @Test
    void rowsSplitAcrossCopiesByBacklogWorkComeOutWholeAndInOrder() throws SQLException {
        for (boolean binary : new boolean[] {true, false}) {
            try (Connection c = connect(); Statement st = c.createStatement()) {
                String relation = binary ? "split_binary" : "split_text";
                st.execute("CREATE TABLE " + relation + " (seq bigserial, id text, n integer)");
                AtomicInteger statements = new AtomicInteger();
                CopyPipeline pipeline = new CopyPipeline(c, busy(c, statements));
                try {
                    CopyRows<Item> encoding = binary ? Objects.requireNonNull(CopyBinary.of(c, relation, TABLE))
                            : CopyText.rows(TABLE);
                    assertThat(pipeline.copy(relation, TABLE, items(0, 200_000), encoding)).isEqualTo(200_000);
                    pipeline.drain();
                } finally {
                    pipeline.close();
                }
                // Backlog work ran while the rows were on their way, so the table's rows went in over several COPYs.
                assertThat(statements.get()).isPositive();
                try (ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT id), bool_and(n = seq - 1), "
                        + "sum(n) FROM " + relation)) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(200_000);
                    assertThat(rs.getLong(2)).isEqualTo(200_000);
                    assertThat(rs.getBoolean(3)).as("rows in the order they were made").isTrue();
                    assertThat(rs.getLong(4)).isEqualTo(199_999L * 200_000 / 2);
                }
                c.rollback();
            }
        }
    }

    @Test
    void statementsRunInTheirPlaceAmongTheRows() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE ordered (id text, n integer)");
            st.execute("CREATE TABLE seen (rows bigint)");
            CopyPipeline pipeline = new CopyPipeline(c, null);
            try {
                CopyRows<Item> text = CopyText.rows(TABLE);
                pipeline.copy("ordered", TABLE, items(0, 30_000), text);
                pipeline.submit(() -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("INSERT INTO seen SELECT count(*) FROM ordered");
                    }
                }, "seen");
                pipeline.copy("ordered", TABLE, items(30_000, 50_000), text);
                pipeline.drain();
            } finally {
                pipeline.close();
            }
            try (ResultSet rs = st.executeQuery("SELECT (SELECT rows FROM seen), (SELECT count(*) FROM ordered)")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(30_000);
                assertThat(rs.getLong(2)).isEqualTo(50_000);
            }
            c.rollback();
        }
    }

    @Test
    void aRefusedRowFailsTheNextCallNamingItsTableAndNothingAfterItRuns() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE checked (id text, n integer CHECK (n <> 777))");
            st.execute("CREATE TABLE after (n integer)");
            c.commit();
            CopyPipeline pipeline = new CopyPipeline(c, null);
            try {
                pipeline.copy("checked", TABLE, items(0, 1_000), CopyText.rows(TABLE));
                // The refusal surfaces at whichever call comes after it: the submit when the server was quick.
                assertThatThrownBy(() -> {
                    pipeline.submit(() -> {
                        try (Statement s = c.createStatement()) {
                            s.execute("INSERT INTO after VALUES (1)");
                        }
                    }, "after");
                    pipeline.drain();
                }).isInstanceOf(TargetException.class)
                        .hasMessageStartingWith("writing \"Item\" failed:")
                        .hasMessageContaining("\"checked_n_check\"");
                // Stopped for good: every later call says why.
                assertThatThrownBy(() -> pipeline.copy("checked", TABLE, items(0, 1), CopyText.rows(TABLE)))
                        .isInstanceOf(TargetException.class).hasMessageContaining("checked_n_check");
            } finally {
                pipeline.close();
            }
            c.rollback();
            try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM checked), (SELECT count(*) FROM after)")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
                assertThat(rs.getLong(2)).isZero();
            }
            st.execute("DROP TABLE checked, after");
            c.commit();
        }
    }

    @Test
    void aRowRefusedWhenBacklogWorkEndsTheCopyFailsAsWritingItsTable() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE refused_mid (id text, n integer CHECK (n <> 1500000))");
            AtomicInteger statements = new AtomicInteger();
            CopyPipeline pipeline = new CopyPipeline(c, busy(c, statements));
            try {
                pipeline.copy("refused_mid", TABLE, items(0, 2_000_000), CopyText.rows(TABLE));
                assertThatThrownBy(pipeline::drain).isInstanceOf(TargetException.class)
                        .hasMessageStartingWith("writing \"Item\" failed:")
                        .hasMessageContaining("refused_mid_n_check");
            } catch (TargetException e) {
                // Refused while the rows were still being queued: the same failure, one call earlier.
                assertThat(e).hasMessageStartingWith("writing \"Item\" failed:");
            } finally {
                pipeline.close();
            }
            c.rollback();
        }
    }

    @Test
    void rowsCutShortByTheirMakerAreCancelledNotLoaded() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE cut_short (id text, n integer)");
            CopyPipeline pipeline = new CopyPipeline(c, null);
            IllegalStateException broken = new IllegalStateException("row 100000 cannot be made");
            try {
                Stream<Item> failing = items(0, 200_000).peek(item -> {
                    if (item.n() == 100_000) {
                        throw broken;
                    }
                });
                assertThatThrownBy(() -> pipeline.copy("cut_short", TABLE, failing, CopyText.rows(TABLE)))
                        .isSameAs(broken);
                // The worker stops at the abort, cancelling the COPY: the caller is told why from then on.
                assertThatThrownBy(pipeline::drain).isSameAs(broken);
                assertThatThrownBy(() -> pipeline.copy("cut_short", TABLE, items(0, 1), CopyText.rows(TABLE)))
                        .isSameAs(broken);
            } finally {
                pipeline.close();
            }
            c.rollback();
        }
    }

    @Test
    void closingCancelsAStatementStillRunning() throws SQLException {
        try (Connection c = connect()) {
            CopyPipeline pipeline = new CopyPipeline(c, null);
            pipeline.submit(() -> {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT pg_sleep(30)");
                }
            }, "sleep");
            sleepUntilRunning(c);
            long start = System.nanoTime();
            pipeline.close();
            assertThat((System.nanoTime() - start) / 1_000_000_000.0).as("seconds to close").isLessThan(10);
            c.rollback();
        }
    }

    /** Waits until the server shows the sleep running, as another session sees it. */
    private static void sleepUntilRunning(Connection busy) throws SQLException {
        int pid = busy.unwrap(org.postgresql.PGConnection.class).getBackendPID();
        try (Connection watcher = Objects.requireNonNull(db).connectAdmin();
             Statement st = watcher.createStatement()) {
            for (int i = 0; i < 200; i++) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid
                        + " AND query LIKE 'SELECT pg_sleep(30)%' AND state = 'active'")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new AssertionError("the statement never ran");
    }
}
