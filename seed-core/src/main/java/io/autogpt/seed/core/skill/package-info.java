/**
 * Today's platform's Skills Hub (schema {@code platform-2026-09}): a creator's knowledge-skill listings and their
 * versions (a SKILL.md snapshot each), numbered from 1, the newest approved one the listing's active version.
 * Nullness: every type is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.autogpt.seed.core.skill;

import org.jspecify.annotations.NullMarked;
