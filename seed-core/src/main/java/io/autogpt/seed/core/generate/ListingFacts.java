package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.store.SubmissionStatus;

/**
 * Facts about the store listing of graph (u, g) that several tables must agree on. Every graph has one listing with
 * one version, whose review state decides {@code hasApprovedVersion}, {@code activeVersionId}, whether it gets
 * reviews, and whether onboarding may select it. Thread-safe.
 */
final class ListingFacts {
    private final DatasetShape shape;

    public ListingFacts(DatasetShape shape) {
        this.shape = shape;
    }

    /** The review state of the listing's version: 60 % approved, 20 % pending, 10 % rejected, 10 % draft. */
    public SubmissionStatus status(long u, long g) {
        double p = shape.rng("store/status", u, g).nextDouble();
        if (p < 0.6) {
            return SubmissionStatus.APPROVED;
        } else if (p < 0.8) {
            return SubmissionStatus.PENDING;
        } else if (p < 0.9) {
            return SubmissionStatus.REJECTED;
        }
        return SubmissionStatus.DRAFT;
    }

    /** Whether the listing's version is approved, and so visible on the marketplace. */
    public boolean isApproved(long u, long g) {
        return status(u, g) == SubmissionStatus.APPROVED;
    }

    /** How many users reviewed the version: none unless it is approved; never more than the other users of the owner's cohort. */
    public int reviews(long u, long g) {
        if (!isApproved(u, g)) {
            return 0;
        }
        Rng rng = shape.rng("count/reviews", u, g);
        return Math.min(DatasetShape.draw(shape.scale().reviewsPerVersion(), rng), shape.cohortSize(u) - 1);
    }
}
