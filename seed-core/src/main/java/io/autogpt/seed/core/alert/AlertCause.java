package io.autogpt.seed.core.alert;

/** Mirrors the PostgreSQL enum {@code "AlertCause"}: what an alert condition is about. */
public enum AlertCause { AUTH_EXPIRED, PAUSED_FAILURES, BLOCK_FAILED, CONTINUOUS_ERROR, AWAITING_REVIEW, AWAITING_INPUT, LOW_BALANCE, ZERO_BALANCE, GUARDRAIL }
