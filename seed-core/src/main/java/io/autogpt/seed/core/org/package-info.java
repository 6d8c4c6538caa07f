/**
 * Today's platform's tenancy (schema {@code platform-2026-09}): organisations, their profiles, members, teams, seats,
 * invitations and the organisation's own credit ledger. Organisations and teams own resources; roles are the
 * members' flags, not an enum. Nullness: every type is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.autogpt.seed.core.org;

import org.jspecify.annotations.NullMarked;
