package io.autogpt.seed.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogpt.seed.core.plan.IntRange;
import io.autogpt.seed.core.token.TestUser;
import io.autogpt.seed.core.token.TestUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Which test users to use: numbered by a pattern, or listed in a file. Shared by {@code tokens} and {@code users}. */
final class TestUserOptions {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--email-pattern", paramLabel = "PATTERN", defaultValue = "loadtest{n}@example.com",
            description = "Test users' emails; {n} is the number. Default: ${DEFAULT-VALUE}.")
    String emailPattern;

    @Option(names = "--range", paramLabel = "FROM..TO", defaultValue = "4..50",
            description = "Numbers for {n}, both inclusive. Default: ${DEFAULT-VALUE}.")
    String range;

    @Option(names = "--password-env", paramLabel = "NAME", defaultValue = "LOADTEST_PASSWORD",
            description = "Environment variable holding the pattern users' password. Default: ${DEFAULT-VALUE}.")
    String passwordEnv;

    @Option(names = "--users-file", paramLabel = "FILE",
            description = "JSON [{\"email\":…,\"password\":…}] or CSV lines email,password instead of a pattern.")
    @Nullable Path usersFile;

    /** The users, with passwords when {@code withPasswords}. */
    List<TestUser> users(Map<String, String> env, boolean withPasswords) {
        if (usersFile != null) {
            return fromFile(usersFile, withPasswords);
        }
        String password = withPasswords ? Secrets.fromEnv(env, passwordEnv, "--password-env",
                "the test users' password") : null;
        IntRange numbers;
        try {
            numbers = IntRange.parse(range);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--range: " + e.getMessage());
        }
        return UsageException.of("--email-pattern", () -> TestUsers.numbered(emailPattern, numbers, password));
    }

    private static List<TestUser> fromFile(Path file, boolean withPasswords) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UsageException("cannot read --users-file " + file + " (" + e.getClass().getSimpleName()
                    + ")");
        }
        List<TestUser> users = new ArrayList<>();
        if (text.startsWith("[")) {
            try {
                for (var node : JSON.readTree(text)) {
                    String email = node.path("email").asText("");
                    String password = node.path("password").asText("");
                    users.add(user(file, users.size() + 1, email, password, withPasswords));
                }
            } catch (IOException e) {
                throw new UsageException("--users-file " + file + " is not a JSON array of {email, password}");
            }
        } else {
            int lineNo = 0;
            for (String line : text.split("\\R")) {
                lineNo++;
                if (line.isBlank() || lineNo == 1 && line.trim().toLowerCase(java.util.Locale.ROOT).startsWith("email")) {
                    continue;
                }
                // Emails never contain a comma, passwords may: split at the first one.
                int comma = line.indexOf(',');
                String email = comma < 0 ? line.trim() : line.substring(0, comma).trim();
                String password = comma < 0 ? "" : line.substring(comma + 1);
                users.add(user(file, lineNo, email, password, withPasswords));
            }
        }
        if (users.isEmpty()) {
            throw new UsageException("--users-file " + file + " lists no users");
        }
        return List.copyOf(users);
    }

    private static TestUser user(Path file, int entry, String email, String password, boolean withPasswords) {
        if (email.isBlank() || email.indexOf('@') < 1) {
            throw new UsageException("--users-file " + file + " entry " + entry + " has no valid email");
        }
        if (withPasswords && password.isEmpty()) {
            throw new UsageException("--users-file " + file + " entry " + entry + " (" + email
                    + ") has no password");
        }
        return new TestUser(email, withPasswords ? password : null, null);
    }
}
