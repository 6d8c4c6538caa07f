/**
 * The platform's blocks, as its source registers them (id, name, pins and their types), and the rules the platform
 * checks a graph of them against before it saves or runs it.
 *
 * <p>Nullness: every type is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.autogpt.seed.core.block;

import org.jspecify.annotations.NullMarked;
