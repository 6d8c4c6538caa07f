package io.autogpt.seed.cli;

/** Secrets the CLI reads: only from environment variables, never from the command line. */
final class Secrets {
    private Secrets() {
    }

    /**
     * The secret in environment variable {@code name}. Secrets are read from the environment only, never from the
     * command line (where {@code ps} and shell history would show them); the message names the variable, not a value.
     */
    static String fromEnv(java.util.Map<String, String> env, String name, String option, String what) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("environment variable " + name + " is not set: put " + what
                    + " in it, or name another variable with " + option);
        }
        return value;
    }
}
