package io.autogpt.seed.core.expert;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/** A row of {@code "ExpertPod"}: a named group of one user's own experts; names unique per user. */
public record ExpertPod(String id, LocalDateTime createdAt, String userId, String name) {
    public static final Table<ExpertPod> TABLE = Table.insertOf(ExpertPod.class);

    public ExpertPod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
    }
}
