package io.autogpt.seed.jpa;

import java.sql.SQLException;

/**
 * Statements on the connection that a writer's thread ({@link CopyPipeline}, {@link BatchesAhead}) runs in their
 * place among the rows queued before them, while the caller goes on.
 */
@FunctionalInterface
interface ConnectionWork {
    void run() throws SQLException;
}
