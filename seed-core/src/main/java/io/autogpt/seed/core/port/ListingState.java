package io.autogpt.seed.core.port;

import io.autogpt.seed.core.store.StoreListingVersion;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A live store listing as the target holds it, for the days of {@code advance}: what its owner submits next and what
 * the store's reviewers decide build on it.
 *
 * @param listingId    its id
 * @param ownerId      the owning user
 * @param slug         its slug (the store page's last path segment)
 * @param latest       its version with the highest number (not deleted)
 * @param active       the version {@code activeVersionId} names, or null while none is approved
 * @param graphVersion the graph version a new version lists: the owner's active version of the listed graph (the
 *                     latest version's own when none is active)
 */
public record ListingState(String listingId, String ownerId, String slug, StoreListingVersion latest,
                           @Nullable StoreListingVersion active, int graphVersion) {
    public ListingState {
        Objects.requireNonNull(listingId, "listingId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(latest, "latest");
    }
}
