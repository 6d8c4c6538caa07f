package io.autogpt.seed.core.store;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A row of {@code "StoreListingReview"}: one user's score (1–5) for a listing version, at most one per user. */
public record StoreListingReview(String id, LocalDateTime createdAt, LocalDateTime updatedAt,
                                 String storeListingVersionId, String reviewByUserId, int score,
                                 @Nullable String comments) {
    public static final Table<StoreListingReview> TABLE =
            Table.insertOf(StoreListingReview.class);

    public StoreListingReview {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(storeListingVersionId, "storeListingVersionId");
        Objects.requireNonNull(reviewByUserId, "reviewByUserId");
    }
}
