package io.autogpt.seed.core.testing;

import io.autogpt.seed.core.vector.Embedding;
import io.autogpt.seed.core.table.Column;
import io.autogpt.seed.core.table.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/** A canonical text of rows, and its hash, for golden tests: one line per row, columns tab-separated. */
public final class Canonical {
    private Canonical() {
    }

    public static <R extends Record> String line(Table<R> table, R row) {
        StringBuilder out = new StringBuilder();
        for (Column<R> column : table.columns()) {
            Object value = column.value(row);
            // A vector's own toString is a summary; the golden line needs every value.
            out.append(column.name()).append('=').append(value instanceof Embedding e ? e.text() : value).append('\t');
        }
        return out.toString();
    }

    public static <R extends Record> String sha256(Table<R> table, Stream<R> rows) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            rows.forEach(r -> digest.update((line(table, r) + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
