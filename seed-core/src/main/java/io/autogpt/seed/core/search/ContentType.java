package io.autogpt.seed.core.search;

import io.autogpt.seed.core.plan.PlatformRules;
import io.autogpt.seed.core.table.PlatformLabel;

/** Mirrors the PostgreSQL enum {@code "ContentType"}; the last two are today's platform's only. */
public enum ContentType implements PlatformLabel {
    STORE_AGENT, BLOCK, INTEGRATION, DOCUMENTATION, LIBRARY_AGENT, WORKSPACE_FILE, CHAT_SESSION;

    @Override
    public boolean existsUnder(PlatformRules rules) {
        return ordinal() <= LIBRARY_AGENT.ordinal() || rules.atLeast(PlatformRules.SEPTEMBER_2026);
    }
}
