package io.autogpt.seed.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The database a command writes and the seed it names: {@code --db}, {@code --schema} and {@code --seed}, shared by
 * {@code seed} and {@code advance} so both find a dataset the same way.
 */
final class DatabaseOptions {
    static final String DEFAULT_DB = "postgresql://postgres@localhost:5432/postgres";

    @Option(names = "--db", paramLabel = "URL", description = {
            "postgresql://user:pass@host:5432/db?schema=platform or jdbc:postgresql://…",
            "Default: $DATABASE_URL, else " + DEFAULT_DB})
    String db;

    @Option(names = "--schema", paramLabel = "NAME",
            description = "Target schema; overrides the URL's. Default: the URL's, else public.")
    String schema;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Dataset seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    /** {@code --db}, else a non-blank {@code $DATABASE_URL}, else the local default. */
    String url(Map<String, String> env) {
        if (db != null) {
            return db;
        }
        String fromEnv = env.get("DATABASE_URL");
        return fromEnv == null || fromEnv.isBlank() ? DEFAULT_DB : fromEnv;
    }

    /** {@code --seed}, checked. */
    long seed() {
        if (seed < 0) {
            throw new UsageException("--seed must be 0 or more, got " + seed);
        }
        return seed;
    }
}
