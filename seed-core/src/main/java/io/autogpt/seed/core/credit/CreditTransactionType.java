package io.autogpt.seed.core.credit;

/** Mirrors the PostgreSQL enum {@code "CreditTransactionType"}. */
public enum CreditTransactionType { TOP_UP, USAGE, GRANT, REFUND, CARD_CHECK }
