package io.autogpt.seed.core.port;

import java.util.List;

/**
 * The write target cannot take the dataset: unreachable, refused the credentials, or lacks tables, columns or
 * enum labels the seeder writes. Carries every problem found, each as one line a person can act on, never a secret.
 */
public class TargetException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    public TargetException(String summary, List<String> problems) {
        super(problems.isEmpty() ? summary : summary + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public TargetException(String summary, Throwable cause) {
        super(summary, cause);
        this.problems = List.of();
    }

    /** The individual problems, one line each; empty when the message says it all. */
    public List<String> problems() {
        return problems;
    }
}
