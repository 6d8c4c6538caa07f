package io.autogpt.seed.core.block;

/** The platform's {@code BlockType}: how the builder and the executor treat a block. */
public enum BlockType {
    STANDARD, INPUT, OUTPUT, NOTE, WEBHOOK, WEBHOOK_MANUAL, AGENT, AI, AYRSHARE, HUMAN_IN_THE_LOOP
}
