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
                                  @Nullable String agentOutputDemoUrl) {
    public static final Table<StoreListingVersion> TABLE =
            Table.insert("StoreListingVersion", StoreListingVersion.class)
                    .text("id", StoreListingVersion::id).integer("version", StoreListingVersion::version)
                    .timestamp("createdAt", StoreListingVersion::createdAt)
                    .timestamp("updatedAt", StoreListingVersion::updatedAt)
                    .text("agentGraphId", StoreListingVersion::agentGraphId)
                    .integer("agentGraphVersion", StoreListingVersion::agentGraphVersion)
                    .text("name", StoreListingVersion::name).text("subHeading", StoreListingVersion::subHeading)
                    .nullableText("videoUrl", StoreListingVersion::videoUrl)
                    .textArray("imageUrls", StoreListingVersion::imageUrls)
                    .text("description", StoreListingVersion::description)
                    .textArray("categories", StoreListingVersion::categories)
                    .bool("isFeatured", StoreListingVersion::isFeatured)
                    .bool("isDeleted", StoreListingVersion::isDeleted)
                    .bool("isAvailable", StoreListingVersion::isAvailable)
                    .text("storeListingId", StoreListingVersion::storeListingId)
                    .nullableText("reviewerId", StoreListingVersion::reviewerId)
                    .nullableText("reviewComments", StoreListingVersion::reviewComments)
                    .nullableText("internalComments", StoreListingVersion::internalComments)
                    .nullableTimestamp("reviewedAt", StoreListingVersion::reviewedAt)
                    .nullableText("changesSummary", StoreListingVersion::changesSummary)
                    .enumValue("submissionStatus", SubmissionStatus.class, StoreListingVersion::submissionStatus)
                    .nullableTimestamp("submittedAt", StoreListingVersion::submittedAt)
                    .nullableText("recommendedScheduleCron", StoreListingVersion::recommendedScheduleCron)
                    .nullableText("instructions", StoreListingVersion::instructions)
                    .nullableText("agentOutputDemoUrl", StoreListingVersion::agentOutputDemoUrl)
                    .build();

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
