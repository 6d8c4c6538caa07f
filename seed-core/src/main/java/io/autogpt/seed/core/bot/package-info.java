/**
 * Today's platform's chat bots (schema {@code platform-2026-09}): servers and people linked to users, link tokens, the
 * servers the bot joined or was installed in, and its metric events. Nullness: every type is non-null unless annotated
 * {@code @Nullable}.
 */
@NullMarked
package io.autogpt.seed.core.bot;

import org.jspecify.annotations.NullMarked;
