package io.autogpt.seed.core.user;

/** Mirrors the PostgreSQL enum {@code "SubscriptionTier"} of newer schemas: a user's plan. */
public enum SubscriptionTier {
    FREE, PRO, BUSINESS, ENTERPRISE
}
