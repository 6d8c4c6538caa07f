package io.autogpt.seed.core.chat;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.org.ResourceVisibility;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "ChatSession"}: one CoPilot conversation of a user. The token totals are the sums over its
 * assistant messages; {@code metadata} (newer schemas) is the platform's empty default. {@code successfulAgentRuns}
 * counts, per graph id, the agents its {@code run_agent} calls started. Today's platform adds its status, a pin, an
 * expert (none yet: {@code null}) and sharing: a shared chat has a unique token (a lowercase UUID) and the time it was
 * shared, and may share the runs it started along with it ({@code autoShareExecutions}).
 */
public record ChatSession(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String userId,
                          @Nullable String title, Json credentials, Json successfulAgentRuns,
                          Json successfulAgentSchedules, int totalPromptTokens, int totalCompletionTokens,
                          Json metadata, ChatSessionStatus chatStatus, boolean isPinned, @Nullable String expertId,
                          boolean isShared, @Nullable String shareToken, @Nullable LocalDateTime sharedAt,
                          boolean autoShareExecutions, @Nullable String organizationId, @Nullable String teamId, ResourceVisibility visibility) {
    public static final Table<ChatSession> TABLE = Table.insertOf(ChatSession.class);

    public ChatSession {
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(successfulAgentRuns, "successfulAgentRuns");
        Objects.requireNonNull(successfulAgentSchedules, "successfulAgentSchedules");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(chatStatus, "chatStatus");
        if (isShared != (shareToken != null) || isShared != (sharedAt != null) || (autoShareExecutions && !isShared)) {
            throw new IllegalArgumentException("chat " + id + ": shared, its token and its time go together");
        }
    }
}
