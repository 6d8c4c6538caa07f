package io.autogpt.seed.jpa;

import io.autogpt.seed.core.plan.RunShape;
import io.autogpt.seed.core.plan.SeedPlan;
import io.autogpt.seed.core.port.DatasetTransaction;
import io.autogpt.seed.core.port.RecordedRun;
import io.autogpt.seed.core.port.RunLedger;
import io.autogpt.seed.core.port.TargetException;
import io.autogpt.seed.core.port.TargetFacts;
import io.autogpt.seed.core.table.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the dataset as a SQL file that {@code psql -f FILE} loads in one transaction (COPY blocks, the ledger
 * entry, the view refresh). The file appears under its name only on commit (a {@link PartialFile}: temporary file,
 * then an atomic rename), and a failed or stopped run leaves no file at all. A rerun of the file is refused by the
 * file itself.
 */
final class SqlFileTransaction implements DatasetTransaction {
    private final Path target;
    private final PartialFile file;
    private final OutputStream out;
    private final SqlFileSink sink;
    private final String schema;
    private final SeedPlan plan;
    private final SchemaVersion version;
    private final SchemaFit fit;
    /** Whether the file has made its transaction the catalogue publisher yet. */
    private boolean publisher;

    SqlFileTransaction(Path target, String schema, SeedPlan plan, SchemaVersion version, boolean createSchema) {
        this(target, schema, plan, version, createSchema, Files::newOutputStream);
    }

    /** As the constructor above, with the temporary file opened by {@code open}: the seam for failing streams. */
    SqlFileTransaction(Path target, String schema, SeedPlan plan, SchemaVersion version, boolean createSchema,
                       PartialFile.Opener open) {
        this.target = target;
        this.schema = schema;
        this.plan = plan;
        this.version = version;
        this.fit = SchemaFit.of(version, plan);
        try {
            this.file = PartialFile.create(target, open);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        this.out = file.out();
        this.sink = new SqlFileSink(out);
        try {
            header(createSchema);
        } catch (IOException e) {
            file.close();
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private void header(boolean createSchema) throws IOException {
        line("-- autogpt-seed dataset: seed " + plan.seed() + ", users " + plan.fromUser() + ".." + plan.toUser()
                + " of " + plan.scale().users() + ", anchor " + plan.now() + ". Load with: psql -f FILE");
        line("\\set ON_ERROR_STOP on");
        line("SET client_min_messages = warning;");
        line(Ledger.CREATE_SQL + ";");
        line("BEGIN;");
        if (createSchema) {
            line("CREATE SCHEMA IF NOT EXISTS " + CopyText.quote(schema) + ";");
        }
        line("SET LOCAL search_path TO " + CopyText.quote(schema) + ";");
        if (createSchema) {
            SchemaDdl ddl = SchemaDdl.of(version);
            line(ddl.vectorPrep());
            out.write(ddl.script(schema).getBytes(StandardCharsets.UTF_8));
        }
        // The file refuses to load twice, or over another run of the seed whose users overlap its own; over a run of
        // its users in another shape, it names what differs, as the seeder does.
        String users = "users [" + plan.fromUser() + ", " + plan.toUser() + ") of seed " + plan.seed();
        line("DO $$ DECLARE r record; BEGIN FOR r IN SELECT from_user, to_user, shape FROM autogpt_seed.runs "
                + "WHERE target_schema = " + CopyText.literal(schema) + " AND seed = " + plan.seed()
                + " AND from_user < " + plan.toUser() + " AND to_user > " + plan.fromUser() + " LOOP "
                + "IF r.from_user = " + plan.fromUser() + " AND r.to_user = " + plan.toUser()
                // A run recorded without a shape (null) is taken for this one, as the seeder takes it.
                + " AND r.shape <> " + CopyText.literal(shape().canonical()) + " THEN "
                + "RAISE EXCEPTION '" + users + " were seeded in another shape: %', " + differences("r.shape") + "; "
                + "END IF; RAISE EXCEPTION 'already seeded: users of seed " + plan.seed() + " [" + plan.fromUser()
                + ", " + plan.toUser() + ") are in schema %', " + CopyText.literal(schema) + "; END LOOP; END $$;");
    }

    /** The shape of the file's run, as the runner records it: from the plan and the file's schema version. */
    private RunShape shape() {
        TargetFacts facts = facts();
        return RunShape.of(plan, facts.writtenVersion(), facts.tablesLeftOut());
    }

    /**
     * An expression listing how the shape in {@code recorded} (a column) differs from the file's, as
     * {@link RunShape#differencesFrom} words it: {@code graphs-per-user 1..5 → 10; …}, in the file's key order.
     */
    private String differences(String recorded) {
        String pairs = " WITH ORDINALITY AS p(pair, i)";
        String split = "SELECT split_part(pair, '=', 1) AS k, substr(pair, strpos(pair, '=') + 1) AS v, i FROM unnest("
                + "string_to_array(";
        return "(SELECT string_agg(coalesce(n.k, o.k) || ' ' || coalesce(o.v, 'unset') || ' → ' "
                + "|| coalesce(n.v, 'unset'), '; ' ORDER BY coalesce(n.i, 1000 + o.i)) FROM (" + split + recorded
                + ", ' '))" + pairs + ") o FULL JOIN (" + split + CopyText.literal(shape().canonical()) + ", ' '))"
                + pairs + ") n ON n.k = o.k WHERE o.v IS DISTINCT FROM n.v)";
    }

    /**
     * The file's own record: it writes the ledger entry for {@code psql} to insert, and checks for earlier runs when
     * it is loaded, not now; it cannot remove a run.
     */
    @Override
    public RunLedger runs() {
        return new RunLedger() {
            @Override
            public List<RecordedRun> overlapping() {
                return List.of();
            }

            @Override
            public void record(RecordedRun run) {
                recordRun(run);
            }

            @Override
            public long remove(RecordedRun run, Stream<String> userIds) {
                throw new IllegalStateException("a SQL file cannot remove an earlier run");
            }
        };
    }

    /** The file is for one known version: its tables and columns, nothing to detect. */
    @Override
    public TargetFacts facts() {
        return fit.facts(List.of());
    }

    @Override
    public <R extends Record> long write(Table<R> given, Stream<R> rows) {
        if (given.kind() == Table.Kind.LOGIN_ACCOUNTS) {
            throw new TargetException("a SQL file cannot give the seeded users login accounts", List.of());
        }
        Table<R> table = fit.table(given);
        if (table == null) {
            return 0;
        }
        try {
            if (table.catalogue() && !publisher) {
                line(CopyText.CATALOGUE_PUBLISHER + ";");
                line(CopyText.CATALOGUE_LOCK + ";");
                publisher = true;
            }
            return switch (table.kind()) {
                case INSERT -> sink.insert(table, rows);
                case INSERT_MISSING -> sink.insertMissing(table, rows);
                case CATALOGUE_ACTIVATION -> sink.activateCatalogue(table, rows);
                case UPDATE -> sink.update(table, rows);
                case LOGIN_ACCOUNTS -> throw new IllegalStateException("login accounts were turned away above");
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private void recordRun(RecordedRun run) {
        try {
            line("INSERT INTO autogpt_seed.runs (target_schema, seed, from_user, to_user, users, blocks, anchor, "
                    + "row_count, shape) VALUES (" + CopyText.literal(schema) + ", " + run.seed() + ", "
                    + run.fromUser() + ", " + run.toUser() + ", " + run.users() + ", " + run.blocks() + ", '"
                    + run.now() + "', " + run.rows() + ", " + CopyText.literal(run.shape().canonical()) + ");");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    @Override
    public void commit() {
        try {
            line(StoreViews.REFRESH_SQL + ";");
            line("COMMIT;");
            file.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Removes the temporary file unless committed, also when closing its stream fails (a full disk). */
    @Override
    public void close() {
        file.close();
    }

    private void line(String text) throws IOException {
        sink.line(text);
    }
}
