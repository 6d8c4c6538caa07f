package io.autogpt.seed.core.org;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "AuditLog"} (today's platform): one change to an organisation's tenancy, by whom, on what
 * (entity type and id), with the state after it.
 */
public record AuditLog(String id, @Nullable String organizationId, @Nullable String teamId, String actorUserId,
                       String entityType, @Nullable String entityId, String action, @Nullable Json beforeJson,
                       @Nullable Json afterJson, @Nullable String correlationId, LocalDateTime createdAt) {
    public static final Table<AuditLog> TABLE = Table.insertOf(AuditLog.class);

    public AuditLog {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actorUserId, "actorUserId");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
