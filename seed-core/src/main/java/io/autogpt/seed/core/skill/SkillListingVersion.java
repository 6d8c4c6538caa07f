package io.autogpt.seed.core.skill;

import io.autogpt.seed.core.store.SubmissionStatus;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "SkillListingVersion"}: the SKILL.md a creator submitted (frontmatter and body, snapshotted),
 * numbered from 1 per listing. Submitted versions have {@code submittedAt}; reviewed ones (approved or rejected) a
 * reviewer, the review's time and comments. A creator's version names its organisation; only the platform's own
 * catalogue packages carry {@code cataloguePackageSha256} and metadata, so a creator's leave them null.
 */
public record SkillListingVersion(String id, int version, LocalDateTime createdAt, LocalDateTime updatedAt,
                                  String name, String description, String body, @Nullable String skillMarkdown,
                                  @Nullable String cataloguePackageSha256, List<String> triggers,
                                  List<String> categories, List<String> requiredProviders,
                                  List<String> scannedSha256, @Nullable String sourceSkillSlug, boolean isDeleted,
                                  boolean isAvailable, SubmissionStatus submissionStatus,
                                  @Nullable LocalDateTime submittedAt, String skillListingId,
                                  @Nullable String changesSummary, @Nullable String reviewerId,
                                  @Nullable String reviewComments, @Nullable LocalDateTime reviewedAt,
                                  @Nullable String organizationId) {
    public static final Table<SkillListingVersion> TABLE = Table.insertOf(SkillListingVersion.class);
    /** The the seeded catalogue's package versions, written where missing. */
    public static final Table<SkillListingVersion> CATALOGUE = Table.catalogueOf(SkillListingVersion.class, 1);

    public SkillListingVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(submissionStatus, "submissionStatus");
        Objects.requireNonNull(skillListingId, "skillListingId");
        triggers = List.copyOf(triggers);
        categories = List.copyOf(categories);
        requiredProviders = List.copyOf(requiredProviders);
        scannedSha256 = List.copyOf(scannedSha256);
        if (version < 1) {
            throw new IllegalArgumentException("skill version " + id + ": versions count from 1");
        }
    }
}
