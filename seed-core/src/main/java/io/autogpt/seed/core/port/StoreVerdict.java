package io.autogpt.seed.core.port;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The store's decision on a version waiting for review: approved (it becomes its listing's active version) or
 * rejected (no longer available).
 *
 * @param versionId  the version decided
 * @param listingId  its listing
 * @param approved   approved, else rejected
 * @param reviewerId the reviewing user
 * @param reviewedAt when it was decided
 * @param comments   the comments the creator sees
 */
public record StoreVerdict(String versionId, String listingId, boolean approved, String reviewerId,
                           LocalDateTime reviewedAt, String comments) {
    public StoreVerdict {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(listingId, "listingId");
        Objects.requireNonNull(reviewerId, "reviewerId");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
        Objects.requireNonNull(comments, "comments");
    }
}
