package io.autogpt.seed.core.credit;

/** Mirrors the PostgreSQL enum {@code "CreditRefundRequestStatus"}. */
public enum CreditRefundRequestStatus {
    PENDING, APPROVED, REJECTED
}
