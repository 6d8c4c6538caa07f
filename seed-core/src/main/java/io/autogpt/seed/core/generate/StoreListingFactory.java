package io.autogpt.seed.core.generate;

import io.autogpt.seed.core.random.Rng;
import io.autogpt.seed.core.store.StoreListing;
import io.autogpt.seed.core.store.StoreListingActiveVersion;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Makes the {@code "StoreListing"} of each graph, and the update that later points it at its approved version.
 * {@code hasApprovedVersion} is true exactly when the version is approved. Thread-safe.
 */
final class StoreListingFactory {
    private final DatasetShape shape;
    private final ListingFacts facts;

    public StoreListingFactory(DatasetShape shape) {
        this.shape = shape;
        this.facts = new ListingFacts(shape);
    }

    /** When the listing was created: after its graph, before the anchor. */
    LocalDateTime createdAt(long u, long g) {
        Rng rng = shape.rng("time/listing", u, g);
        return shape.soonAfter(rng, shape.graphCreatedAt(u, g), Duration.ofHours(12));
    }

    public StoreListing create(long u, long g) {
        Rng rng = shape.rng("StoreListing", u, g);
        LocalDateTime createdAt = createdAt(u, g);
        // The graph index keeps slugs unique per owner even when two graphs share a name.
        String slug = DatasetShape.slug(shape.graphName(u, g)) + "-" + (g + 1);
        return new StoreListing(shape.listingId(u, g), createdAt, DatasetShape.between(rng, createdAt, shape.now()),
                false, shape.graphId(u, g), 1, shape.userId(u), null, facts.isApproved(u, g), slug,
                facts.isApproved(u, g) && rng.chance(0.05), shape.tenancy().graph(u, g).organizationId());
    }

    /** The update setting {@code activeVersionId}, present exactly when the listing has an approved version. */
    public Optional<StoreListingActiveVersion> activeVersion(long u, long g) {
        return facts.isApproved(u, g)
                ? Optional.of(new StoreListingActiveVersion(shape.listingId(u, g), shape.listingVersionId(u, g)))
                : Optional.empty();
    }
}
