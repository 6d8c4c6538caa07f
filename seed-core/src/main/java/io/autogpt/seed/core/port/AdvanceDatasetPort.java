package io.autogpt.seed.core.port;

/**
 * Where days pass: a target holding seeded datasets, opened for one all-or-nothing {@code advance}.
 */
@FunctionalInterface
public interface AdvanceDatasetPort {
    /**
     * Opens the transaction of one advance of {@code seed}'s dataset: the target's recorded runs of that seed, locked
     * against other seeding or advancing runs of it until the transaction ends.
     *
     * @throws TargetException when the target cannot be reached or holds no run of the seed
     */
    AdvanceTransaction begin(long seed);
}
