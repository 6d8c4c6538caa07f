package io.autogpt.seed.core.port;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * A store listing version users can review (approved, available, not deleted), as the target holds it.
 *
 * @param versionId  its id
 * @param ownerId    the listing's owner, who never reviews it
 * @param reviewedAt when it was approved: reviews come after
 * @param reviewers  users who reviewed it already (the platform allows one review per user and version)
 */
public record ListedVersion(String versionId, String ownerId, LocalDateTime reviewedAt, Set<String> reviewers) {
    public ListedVersion {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
        reviewers = Set.copyOf(reviewers);
    }
}
