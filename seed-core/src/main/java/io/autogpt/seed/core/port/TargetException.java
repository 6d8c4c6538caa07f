package io.autogpt.seed.core.port;

import java.util.List;

/**
 * The write target cannot take the dataset: unreachable, refused the credentials, or lacks tables, columns or
 * enum labels the seeder writes. Carries every problem found, each as one line a person can act on, never a secret.
 */
public class TargetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What would make the target able to take the dataset, for a caller to phrase in its own terms. */
    public enum Remedy {
        /** Nothing in particular: the message says what is wrong. */
        NONE,
        /** Create the platform schema's missing objects (tables, columns, enums) first. */
        CREATE_SCHEMA,
        /** Seed the database first: it has no platform tables or users to read. */
        SEED_FIRST,
        /** Reseed: remove the earlier run of the same users and write them again, as this run would. */
        RESET
    }

    private final String summary;
    private final transient List<String> problems;
    private final Remedy remedy;

    public TargetException(String summary, List<String> problems) {
        this(summary, problems, Remedy.NONE);
    }

    public TargetException(String summary, List<String> problems, Remedy remedy) {
        super(problems.isEmpty() ? summary : summary + ": " + String.join("; ", problems));
        this.summary = summary;
        this.problems = List.copyOf(problems);
        this.remedy = remedy;
    }

    public TargetException(String summary, Throwable cause) {
        this(summary, cause, Remedy.NONE);
    }

    public TargetException(String summary, Throwable cause, Remedy remedy) {
        super(summary, cause);
        this.summary = summary;
        this.problems = List.of();
        this.remedy = remedy;
    }

    /** The failure in one phrase, without the individual problems. */
    public String summary() {
        return summary;
    }

    /** What would help; {@link Remedy#NONE} when the message says it all. */
    public Remedy remedy() {
        return remedy;
    }

    /** The individual problems, one line each; empty when the message says it all. */
    public List<String> problems() {
        return problems;
    }
}
