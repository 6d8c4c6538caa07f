package io.autogpt.seed.core.execution;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A row of {@code "SharedExecutionFile"} (today's platform): a workspace file the public page of a shared run may
 * serve. The file is a live one of the run owner's workspace that an output block of the run returned
 * ({@code workspace://<uuid>}); {@code shareToken} is the run's token, one row per token and file.
 */
public record SharedExecutionFile(String id, LocalDateTime createdAt, String executionId, String fileId,
                                  String shareToken) {
    public static final Table<SharedExecutionFile> TABLE = Table.insertOf(SharedExecutionFile.class);

    public SharedExecutionFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(shareToken, "shareToken");
    }
}
