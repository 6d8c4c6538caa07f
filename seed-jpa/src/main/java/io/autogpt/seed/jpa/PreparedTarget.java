package io.autogpt.seed.jpa;

import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.TargetException;
import io.autogpt.seed.core.port.TargetFacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The target as {@link #prepare} found it, before any row.
 *
 * @param fit      how the dataset's tables fit the target's schema
 * @param facts    what the run reports of it
 * @param postData the indexes and keys of a schema just created that the run must still create before commit
 */
record PreparedTarget(SchemaFit fit, TargetFacts facts, PostData postData) {
    /** This target, with more to say about itself. */
    PreparedTarget withNotes(List<String> more) {
        return more.isEmpty() ? this : new PreparedTarget(fit, facts.withNotes(more), postData);
    }

    /**
     * Readies the target for {@code plan}: ledger, lock, optional DDL, and the schema check, all before any row.
     * With {@code deferPostData}, a schema created from nothing comes without its indexes and keys, which the
     * caller owns from then on ({@link #postData}).
     *
     * @throws TargetException listing every problem when the schema cannot take the rows
     */
    static PreparedTarget prepare(Connection conn, String schema, SeedPlan plan, @Nullable SchemaVersion create,
                                  boolean deferPostData) throws SQLException {
        Ledger.ensure(conn);
        DatabaseSession.lockRun(conn, schema, plan);
        long start = System.nanoTime();
        SchemaDdl.Ensured created = create == null ? new SchemaDdl.Ensured(List.of(), PostData.none())
                : SchemaDdl.of(create).ensure(conn, schema, "autogpt-seed/" + schema + "/ddl", deferPostData);
        List<String> notes = created.notes();
        LoadTimings.phase(LoadTimings.Phase.SCHEMA, System.nanoTime() - start);
        if (!schemaExists(conn, schema)) {
            throw new TargetException("schema \"" + schema + "\" cannot take the seeded rows",
                    List.of("schema \"" + schema + "\" does not exist"), TargetException.Remedy.CREATE_SCHEMA);
        }
        SchemaFit fit = SchemaFit.of(SchemaShape.read(conn, schema), plan);
        if (!fit.problems().isEmpty()) {
            throw new TargetException("schema \"" + schema + "\" cannot take the seeded rows", fit.problems(),
                    create != null ? TargetException.Remedy.NONE : TargetException.Remedy.CREATE_SCHEMA);
        }
        return new PreparedTarget(fit, fit.facts(notes), created.postData());
    }

    private static boolean schemaExists(Connection conn, String schema) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
