package io.autogpt.seed.jpa;

import io.autogpt.seed.core.table.SqlType;
import io.autogpt.seed.core.table.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Writes rows into a SQL file as COPY blocks that {@code psql} loads: straight into the table, or into a staging
 * table the file then inserts or updates from.
 *
 * <p>Writes to a stream it does not own.
 */
final class SqlFileSink implements RowSink<IOException> {
    private final OutputStream out;
    private int stagingTables;

    SqlFileSink(OutputStream out) {
        this.out = out;
    }

    @Override
    public <R extends Record> long insert(Table<R> table, Stream<R> rows) throws IOException {
        // A table with pgvector columns goes through staging: the server loading the file may lack pgvector.
        if (!hasVectors(table)) {
            return copy(table, CopyText.quote(table.name()), rows);
        }
        String staging = createStaging(table);
        long count = copy(table, staging, rows);
        line(CopyText.insertWhereVectorsGo(table, staging) + ";");
        return count;
    }

    /** Rows other runs may have written already: staged, then inserted where their key is not there yet. */
    <R extends Record> long insertMissing(Table<R> table, Stream<R> rows) throws IOException {
        String staging = createStaging(table);
        long count = copy(table, staging, rows);
        line(CopyText.insertMissing(table, staging) + ";");
        return count;
    }

    /** The seeded catalogue release's activation: staged, then applied where no release is active. */
    <R extends Record> long activateCatalogue(Table<R> table, Stream<R> rows) throws IOException {
        String staging = createStaging(table);
        long count = copy(table, staging, rows);
        line(CopyText.activateCatalogue(staging) + ";");
        return count;
    }

    @Override
    public <R extends Record> long update(Table<R> table, Stream<R> rows) throws IOException {
        String staging = createStaging(table);
        long count = copy(table, staging, rows);
        line(CopyText.applyStaging(table, staging) + ";");
        return count;
    }

    /** A temporary table of {@code table}'s columns, its pgvector columns as text. */
    private String createStaging(Table<?> table) throws IOException {
        String staging = "seed_staging_" + (++stagingTables);
        line(CopyText.createStaging(table, staging, hasVectors(table)) + ";");
        return staging;
    }

    private static boolean hasVectors(Table<?> table) {
        return table.columns().stream().anyMatch(c -> c.type() == SqlType.VECTOR);
    }

    private <R extends Record> long copy(Table<R> table, String relation, Stream<R> rows) throws IOException {
        line(CopyText.copyInto(table, relation) + ";");
        CopyBuffer buffer = new CopyBuffer(1 << 16);
        CopyText.RowEncoder<R> encoder = CopyText.rows(table);
        long count = 0;
        for (Iterator<R> it = rows.iterator(); it.hasNext(); ) {
            encoder.append(buffer, it.next());
            count++;
            if (buffer.size() >= 1 << 15) {
                buffer.writeTo(out);
                buffer.clear();
            }
        }
        buffer.writeTo(out);
        line("\\.");
        return count;
    }

    /** Writes {@code text} and a newline. */
    void line(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }
}
