/**
 * Runs requests as the {@code policy} package decides: pacing and the send window, retries after their delays, hedged
 * copies of late logins. Knows no protocol: a client hands it {@link io.autogpt.seed.auth.exec.Attempt}s and reads
 * their {@link io.autogpt.seed.auth.exec.Outcome}s. Every wait goes through one {@link io.autogpt.seed.auth.exec.Timer},
 * so a test drives it in virtual time.
 *
 * <p>Nullness: every type is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.autogpt.seed.auth.exec;

import org.jspecify.annotations.NullMarked;
