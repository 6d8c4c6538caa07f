/**
 * Today's platform's cost accounting (schema {@code platform-2026-09}): what block executions on the platform's own
 * credentials cost. Nullness: every type is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.autogpt.seed.core.cost;

import org.jspecify.annotations.NullMarked;
