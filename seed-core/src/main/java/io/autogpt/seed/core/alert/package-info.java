/**
 * Today's platform's alerts (schema {@code platform-2026-09}): alert conditions a user's runs and balance raise, and the
 * browsers subscribed to push notices. Nullness: every type is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.autogpt.seed.core.alert;

import org.jspecify.annotations.NullMarked;
