package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.random.RowFaker;
import io.autogpt.seed.core.store.StoreListingReview;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.datafaker.Faker;

/**
 * Makes the reviews of approved store listing versions: by distinct users of the owner's cohort other than the owner, each written after
 * the version was approved and after its reviewer signed up. Not thread-safe; one instance per generating thread.
 */
final class StoreListingReviewFactory {
    private final DatasetShape shape;
    private final ListingFacts facts;
    private final StoreListingVersionFactory versions;
    private final RowFaker faker = new RowFaker();

    public StoreListingReviewFactory(DatasetShape shape) {
        this.shape = shape;
        this.facts = new ListingFacts(shape);
        this.versions = new StoreListingVersionFactory(shape);
    }

    /** All reviews of the version of graph (u, g); empty unless it is approved. */
    public List<StoreListingReview> create(long u, long g) {
        int count = facts.reviews(u, g);
        List<StoreListingReview> reviews = new ArrayList<>(count);
        if (count == 0) {
            return reviews;
        }
        Rng pick = shape.rng("review/users", u, g);
        List<Long> reviewers = new ArrayList<>(count);
        while (reviewers.size() < count) {
            long candidate = shape.otherUserInCohort(pick, u);
            if (!reviewers.contains(candidate)) {
                reviewers.add(candidate);
            }
        }
        LocalDateTime approved = Objects.requireNonNull(versions.reviewedAt(u, g));
        for (int r = 0; r < count; r++) {
            long reviewer = reviewers.get(r);
            Rng rng = shape.rng("StoreListingReview", u, g, r);
            Faker f = faker.at(rng);
            LocalDateTime after = later(approved, shape.userCreatedAt(reviewer));
            LocalDateTime createdAt = DatasetShape.between(rng, after, shape.now());
            int score = rng.chance(0.7) ? rng.between(4, 5) : rng.between(1, 3);
            reviews.add(new StoreListingReview(shape.id("StoreListingReview", u, g, r), createdAt,
                    DatasetShape.between(rng, createdAt, shape.now()), shape.listingVersionId(u, g),
                    shape.userId(reviewer), score, rng.chance(0.8) ? f.lorem().sentence(rng.between(6, 18)) : null));
        }
        return reviews;
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}
