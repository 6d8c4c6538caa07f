package io.autogpt.seed.core.expert;

/** Mirrors the PostgreSQL enum {@code "ExpertSetupStatus"}: where a hire's background setup stands. */
public enum ExpertSetupStatus { INSTALLING, READY, FAILED }
