package io.autogpt.seed.core.table;

import io.autogpt.seed.core.plan.PlatformRules;

/**
 * Implemented by a Java enum mirroring a PostgreSQL enum whose labels changed between the platform's generations
 * (the platform relabelled {@code "NotificationType"} and dropped {@code FREE} from {@code "SubscriptionTier"}):
 * each constant says under which rules the platform has it, so a run checks and writes only the labels its
 * target's generation has. Enums that do not implement it have every label under every generation.
 */
public interface PlatformLabel {
    /** Whether the platform under {@code rules} has this label. */
    boolean existsUnder(PlatformRules rules);
}
