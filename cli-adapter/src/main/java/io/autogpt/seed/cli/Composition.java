package io.autogpt.seed.cli;

import io.autogpt.seed.core.port.WriteDatasetPort;
import io.autogpt.seed.jpa.DatabaseUrl;
import io.autogpt.seed.jpa.SeedTargets;
import java.nio.file.Path;

/** The one place adapters are wired to the core: which port a command writes through. */
final class Composition {
    /**
     * A configured write target and how to name it to a person (never with a password).
     *
     * @param port        where rows go
     * @param description e.g. {@code postgresql://postgres@localhost:5432/postgres (schema public, COPY)}
     */
    record SeedTarget(WriteDatasetPort port, String description) {
    }

    private Composition() {
    }

    static SeedTarget database(String url, String schemaOverride, boolean jpa, boolean createSchema) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        if (schemaOverride != null) {
            parsed = parsed.withSchema(schemaOverride);
        }
        SeedTargets.Writer writer = jpa ? SeedTargets.Writer.JPA : SeedTargets.Writer.COPY;
        return new SeedTarget(SeedTargets.postgres(parsed, writer, createSchema),
                parsed.redacted() + " (schema " + parsed.schemaOrDefault() + ", " + writer + ")");
    }

    static SeedTarget sqlFile(Path file, String schemaOrNull, boolean createSchema) {
        String schema = schemaOrNull == null ? DatabaseUrl.DEFAULT_SCHEMA : schemaOrNull;
        return new SeedTarget(SeedTargets.sqlFile(file, schema, createSchema), file + " (SQL for psql -f, schema "
                + schema + ")");
    }
}
