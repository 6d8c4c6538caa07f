package io.autogpt.seed.core.chat;

/**
 * Mirrors the PostgreSQL enum {@code "ChatSessionStatus"} (today's platform): whether a chat's turn waits for a
 * running slot or runs. The platform spells the labels in lower case, so the constants do too.
 */
public enum ChatSessionStatus {
    idle, queued, running
}
