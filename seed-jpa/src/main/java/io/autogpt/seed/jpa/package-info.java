/** Nullness: every type is non-null unless annotated {@code @Nullable}. */
@NullMarked
package io.autogpt.seed.jpa;

import org.jspecify.annotations.NullMarked;
