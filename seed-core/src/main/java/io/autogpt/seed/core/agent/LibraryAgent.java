package io.autogpt.seed.core.agent;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.org.ResourceVisibility;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "LibraryAgent"}: a graph in a user's library (their own or added from the marketplace), filed into
 * one of the user's {@link LibraryFolder}s or none; {@code folderId} exists in newer schemas only. Today's platform
 * adds when the user last ran it, the listing's title and description snapshotted when it was added from the store
 * ({@code null} for the user's own), and whether it is a hidden trigger agent.
 */
public record LibraryAgent(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String userId,
                           String agentGraphId, int agentGraphVersion, boolean isFavorite, boolean isCreatedByUser,
                           boolean isArchived, boolean isDeleted, boolean useGraphIsActiveVersion,
                           @Nullable String creatorId, @Nullable String imageUrl, Json settings,
                           @Nullable String folderId, @Nullable LocalDateTime lastRunAt, @Nullable String name,
                           @Nullable String description, boolean isHidden, @Nullable String organizationId, @Nullable String teamId, ResourceVisibility visibility) {
    public static final Table<LibraryAgent> TABLE = Table.insertOf(LibraryAgent.class);

    public LibraryAgent {
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(agentGraphId, "agentGraphId");
        Objects.requireNonNull(settings, "settings");
    }
}
