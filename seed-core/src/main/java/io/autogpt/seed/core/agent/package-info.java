/** Nullness: every type is non-null unless annotated {@code @Nullable}. */
@NullMarked
package io.autogpt.seed.core.agent;

import org.jspecify.annotations.NullMarked;
