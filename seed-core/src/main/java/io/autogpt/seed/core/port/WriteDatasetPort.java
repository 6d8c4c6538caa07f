package io.autogpt.seed.core.port;

import io.autogpt.seed.core.plan.SeedPlan;

/**
 * The outgoing port through which the seeder writes a dataset: a database, a SQL file, or memory in tests.
 *
 * <p>Implementations must make a run all-or-nothing: nothing of it is visible unless
 * {@link DatasetTransaction#commit()} returned.
 */
public interface WriteDatasetPort {
    /**
     * Opens one all-or-nothing write of the dataset {@code plan} describes. Implementations check the target
     * (reachable, has the tables and columns the seeder writes) here, before anything is written, and throw
     * {@link TargetException} with every problem they found.
     *
     * @return a transaction the caller owns and must close
     */
    DatasetTransaction begin(SeedPlan plan);
}
