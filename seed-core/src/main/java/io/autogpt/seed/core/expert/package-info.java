/**
 * Today's platform's experts (schema {@code platform-2026-09}): personas a user raised or hired, grouped into the
 * user's pods, with the workflows (library agents) installed on them, the routines they run unattended, the owner's
 * credentials they may use, the skills they come with and the log of their schedule pauses. Every row here is one
 * user's: an expert names its owner, and everything hanging off it is that owner's too. Nullness: every type is
 * non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.autogpt.seed.core.expert;

import org.jspecify.annotations.NullMarked;
