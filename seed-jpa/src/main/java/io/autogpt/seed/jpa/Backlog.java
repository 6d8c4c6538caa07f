package io.autogpt.seed.jpa;

import java.util.function.BooleanSupplier;

/**
 * Work on the connection that a writer's thread does whenever it has no rows to send: the load's index builds, for
 * tables whose rows are all in. Either writer's thread ({@link CopyPipeline}, {@link BatchesAhead}) calls it only
 * while the connection is its own, so the work needs no locking of its own.
 */
interface Backlog {
    /** Whether there is work to do. */
    boolean pending();

    /**
     * Does it, one statement at a time, for as long as {@code keepGoing} says.
     *
     * @throws RuntimeException a failure as the run reports it (a {@link io.autogpt.seed.core.port.TargetException})
     */
    void work(BooleanSupplier keepGoing);
}
