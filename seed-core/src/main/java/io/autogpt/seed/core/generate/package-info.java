/**
 * How rows are made: one factory per table and the dataset's skeleton, all package-private behind
 * {@link io.autogpt.seed.core.generate.DatasetAssembly}, which {@code run.Dataset} wraps. Not exported.
 *
 * <p>Nullness: every type is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.autogpt.seed.core.generate;

import org.jspecify.annotations.NullMarked;
