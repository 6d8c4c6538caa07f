package io.autogpt.seed.core.execution;

/** Mirrors the PostgreSQL enum {@code "AgentExecutionStatus"}. */
public enum AgentExecutionStatus {
    INCOMPLETE, QUEUED, RUNNING, COMPLETED, FAILED, TERMINATED, REVIEW;

    /** Whether an execution in this state has finished (and so has an end time). */
    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == TERMINATED;
    }
}
