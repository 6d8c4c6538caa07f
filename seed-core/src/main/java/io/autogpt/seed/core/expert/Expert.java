package io.autogpt.seed.core.expert;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.org.ResourceVisibility;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "Expert"}: a persona a user raised, owned by them ({@code ownerUserId}), private to them and placed
 * in their personal organisation's Default team as the platform places an expert. A raised expert has no template
 * ({@code sourceTemplateId}, {@code dayOne} and {@code jobTitle} stay null), its identity is the platform's raised
 * sentence, and its credential allow-list was seeded ({@code credentialsSeededAt}) once it had workflows. An expert
 * whose schedules are paused has {@code schedulesPausedAt}, matching its one open pause event.
 */
public record Expert(String id, LocalDateTime createdAt, LocalDateTime updatedAt, @Nullable String ownerUserId,
                     String name, @Nullable String avatarUrl, String color, String role, @Nullable String jobTitle,
                     @Nullable String tagline, String identity, @Nullable String bio, List<String> skills,
                     List<String> categories, String voicePreferences, String boundaries, @Nullable Json toolProfile,
                     @Nullable Json dayOne, boolean isTemplate, @Nullable String sourceTemplateId, boolean isArchived,
                     @Nullable Integer weeklyBudget, @Nullable LocalDateTime schedulesPausedAt,
                     @Nullable LocalDateTime credentialsSeededAt, ExpertSetupStatus setupStatus,
                     @Nullable LocalDateTime setupStartedAt, List<String> setupFailures,
                     @Nullable Json skillInstallSnapshot, @Nullable String podId, @Nullable String organizationId,
                     @Nullable String teamId, ResourceVisibility visibility) {
    public static final Table<Expert> TABLE = Table.insertOf(Expert.class);
    /** The platform's expert templates of the seeded catalogue (no owner), written where missing. */
    public static final Table<Expert> CATALOGUE = Table.catalogueOf(Expert.class, 1);

    public Expert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(voicePreferences, "voicePreferences");
        Objects.requireNonNull(boundaries, "boundaries");
        Objects.requireNonNull(setupStatus, "setupStatus");
        Objects.requireNonNull(visibility, "visibility");
        skills = List.copyOf(skills);
        categories = List.copyOf(categories);
        setupFailures = List.copyOf(setupFailures);
        if (isTemplate == (ownerUserId != null)) {
            throw new IllegalArgumentException("expert " + id + ": a template has no owner, a hire or raise has one");
        }
    }
}
