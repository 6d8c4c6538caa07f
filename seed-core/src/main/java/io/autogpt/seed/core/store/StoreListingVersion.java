package io.autogpt.seed.core.store;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A row of {@code "StoreListingVersion"}: one submitted version of a listing and its review outcome. */
public record StoreListingVersion(String id, int version, LocalDateTime createdAt, LocalDateTime updatedAt,
                                  String agentGraphId, int agentGraphVersion, String name, String subHeading,
                                  @Nullable String videoUrl, List<String> imageUrls, String description,
                                  List<String> categories, boolean isFeatured, boolean isDeleted,
                                  boolean isAvailable, String storeListingId, @Nullable String reviewerId,
                                  @Nullable String reviewComments, @Nullable String internalComments,
                                  @Nullable LocalDateTime reviewedAt, @Nullable String changesSummary,
                                  SubmissionStatus submissionStatus, @Nullable LocalDateTime submittedAt,
                                  @Nullable String recommendedScheduleCron, @Nullable String instructions,
                                  @Nullable String agentOutputDemoUrl,
                                  @Nullable String organizationId) {
    public static final Table<StoreListingVersion> TABLE =
            Table.insertOf(StoreListingVersion.class);

    public StoreListingVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(agentGraphId, "agentGraphId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subHeading, "subHeading");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(storeListingId, "storeListingId");
        Objects.requireNonNull(submissionStatus, "submissionStatus");
        imageUrls = List.copyOf(imageUrls);
        categories = List.copyOf(categories);
    }
}
