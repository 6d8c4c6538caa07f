/** Nullness: every type is non-null unless annotated {@code @Nullable}. */
@NullMarked
package io.autogpt.seed.auth.policy;

import org.jspecify.annotations.NullMarked;
