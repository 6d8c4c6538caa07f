package io.autogpt.seed.it.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The CLI in a process of its own, for tests that kill or stop it; stdout and stderr go to {@code log}. */
public final class CliProcess {
    private CliProcess() {
    }

    /** Starts {@code autogpt-seed args…} on this test's class path with {@code env} added to the environment. */
    public static Process start(Map<String, String> env, Path log, String... args) throws IOException {
        return start(List.of(), env, log, args);
    }

    /** As {@link #start(Map, Path, String...)}, with {@code jvmOptions} (e.g. logging levels) before the class. */
    public static Process start(List<String> jvmOptions, Map<String, String> env, Path log, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.autogpt.seed.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }
}
