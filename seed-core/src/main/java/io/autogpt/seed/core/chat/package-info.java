/** Nullness: every type is non-null unless annotated {@code @Nullable}. */
@NullMarked
package io.autogpt.seed.core.chat;

import org.jspecify.annotations.NullMarked;
