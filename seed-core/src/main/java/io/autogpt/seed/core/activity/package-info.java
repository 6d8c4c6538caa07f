/**
 * Today's platform's activity (schema {@code platform-2026-09}): the activity feed, daily briefings, the onboarding's
 * brain dump, experiment assignments and sign-up attribution. Nullness: every type is non-null unless annotated
 * {@code @Nullable}.
 */
@NullMarked
package io.autogpt.seed.core.activity;

import org.jspecify.annotations.NullMarked;
