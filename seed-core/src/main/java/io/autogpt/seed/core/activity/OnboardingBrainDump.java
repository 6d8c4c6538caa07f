package io.autogpt.seed.core.activity;

import io.autogpt.seed.core.json.Json;
import io.autogpt.seed.core.table.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code "OnboardingBrainDump"} (today's platform): what a user told the onboarding about their
 * work (spoken, typed or skipped), its transcript, and the greeting and suggestions made from it. One per user.
 */
public record OnboardingBrainDump(String id, LocalDateTime createdAt, LocalDateTime updatedAt, String userId,
                                  String recordingId, BrainDumpStatus status, BrainDumpInputMode inputMode,
                                  @Nullable String audioPath, @Nullable String mimeType, @Nullable Integer sizeBytes,
                                  @Nullable Double durationSecs, @Nullable String transcript,
                                  @Nullable String transcriptLang, @Nullable String errorCode,
                                  @Nullable String greeting, Json suggestedPrompts, boolean greetingSeen,
                                  @Nullable Json recommendedProviders, @Nullable Json recommendedExperts) {
    public static final Table<OnboardingBrainDump> TABLE = Table.insertOf(OnboardingBrainDump.class);

    public OnboardingBrainDump {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(inputMode, "inputMode");
        Objects.requireNonNull(suggestedPrompts, "suggestedPrompts");
    }
}
