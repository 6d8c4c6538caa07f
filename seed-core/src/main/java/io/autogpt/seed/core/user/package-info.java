/** Nullness: every type is non-null unless annotated {@code @Nullable}. */
@NullMarked
package io.autogpt.seed.core.user;

import org.jspecify.annotations.NullMarked;
