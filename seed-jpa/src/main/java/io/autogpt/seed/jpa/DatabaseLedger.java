package io.autogpt.seed.jpa;

import io.autogpt.seed.core.block.BlockCatalogue;
import io.autogpt.seed.core.plan.RunShape;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.RecordedRun;
import io.autogpt.seed.core.port.RunLedger;
import io.autogpt.seed.core.run.Dataset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/**
 * A database's record of seeding runs ({@link Ledger}'s table), read and changed in the run's session: the earlier
 * runs a plan meets, recording this one, and removing an earlier one's rows with it.
 */
final class DatabaseLedger implements RunLedger {
    private final DatabaseSession session;
    private final LoadStrategy load;
    private final String schema;
    private final SeedPlan plan;
    private final SchemaFit fit;

    DatabaseLedger(DatabaseSession session, LoadStrategy load, String schema, SeedPlan plan, SchemaFit fit) {
        this.session = session;
        this.load = load;
        this.schema = schema;
        this.plan = plan;
        this.fit = fit;
    }

    /**
     * The ledger's runs of this seed that overlap the plan's users; failing any, when the plan's first user is
     * already in the table (the ledger was dropped, or the rows came from a dump), a record made from this plan, so
     * the rerun is still recognised and a reset still finds the rows.
     */
    @Override
    public List<RecordedRun> overlapping() {
        long seed = plan.seed();
        try {
            Connection conn = session.jdbc();
            List<RecordedRun> recorded = Ledger.overlapping(conn, schema, seed, plan.fromUser(), plan.toUser());
            if (!recorded.isEmpty()) {
                return recorded;
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM \"User\" WHERE id = ?")) {
                ps.setString(1, Dataset.userIds(seed, plan.fromUser(), plan.fromUser() + 1).findFirst().orElseThrow());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return List.of();
                    }
                }
            }
            // Its shape is unknown: the runner takes it for a rerun and its report says the shape was not compared.
            return List.of(new RecordedRun(seed, plan.fromUser(), plan.toUser(), plan.scale().users(),
                    BlockCatalogue.platform().size(), plan.now(), -1, RunShape.UNKNOWN));
        } catch (SQLException e) {
            throw DatabaseSession.failure("reading the run ledger", e);
        }
    }

    @Override
    public void record(RecordedRun run) {
        try {
            Ledger.record(session.jdbc(), schema, run);
        } catch (SQLException e) {
            throw DatabaseSession.failure("recording the run", e);
        }
    }

    @Override
    public long remove(RecordedRun run, Stream<String> userIds) {
        try {
            load.triggersOn();
            Connection conn = session.jdbc();
            // The users who signed up on the run's advanced days go with the run's own.
            Stream<String> withSignUps = Stream.concat(userIds, AdvanceLedger.signUps(conn, schema, run).stream());
            long removed = RunRemover.remove(conn, withSignUps,
                    Dataset.searchTermIds(run.seed(), run.fromUser(), run.toUser()), fit::hasTable);
            Ledger.forget(conn, schema, run);
            // The days advanced on the run's users went with their rows (every advanced row is theirs).
            AdvanceLedger.forget(conn, schema, run);
            return removed;
        } catch (SQLException e) {
            throw DatabaseSession.failure("removing the earlier run of users [" + run.fromUser() + ", "
                    + run.toUser() + ")", e);
        }
    }
}
