package io.autogpt.seed.core.expert;

import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "ExpertRoutine"}: standing work, a prompt on a cadence ({@code crons}) or once ({@code runAt}).
 * Exactly one owner: an expert's routine names the expert ({@code expertId}, its owner is the expert's), the
 * account's own (the default assistant's) names the user ({@code userId}). Switched on means one scheduler job per
 * cron ({@code scheduleIds}) and {@code enabledAt}; off is no job. A fired one-shot has {@code firedAt}.
 */
public record ExpertRoutine(String id, LocalDateTime createdAt, @Nullable String expertId, @Nullable String userId,
                            @Nullable String key, String title, String prompt, List<String> crons, List<String> asks,
                            ExpertRoutineSession sessionMode, @Nullable String sessionId, ExpertRoutineSource source,
                            @Nullable LocalDateTime runAt, @Nullable LocalDateTime firedAt, List<String> scheduleIds,
                            @Nullable LocalDateTime enabledAt, @Nullable LocalDateTime customizedAt,
                            boolean grantsCredentials, boolean pausedByExpertArchive) {
    public static final Table<ExpertRoutine> TABLE = Table.insertOf(ExpertRoutine.class);

    public ExpertRoutine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(sessionMode, "sessionMode");
        Objects.requireNonNull(source, "source");
        crons = List.copyOf(crons);
        asks = List.copyOf(asks);
        scheduleIds = List.copyOf(scheduleIds);
        if ((expertId == null) == (userId == null)) {
            throw new IllegalArgumentException("routine " + id + ": exactly one of expertId and userId");
        }
        if (crons.isEmpty() == (runAt == null)) {
            throw new IllegalArgumentException("routine " + id + ": exactly one of crons and runAt");
        }
    }
}
